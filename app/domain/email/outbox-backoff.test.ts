import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	computeBackoffMs,
	computeRetryPlan,
	OUTBOX_BASE_DELAY_MS,
	OUTBOX_MAX_ATTEMPTS,
	OUTBOX_MAX_DELAY_MS,
} from './outbox-backoff.ts'

describe('computeBackoffMs', () => {
	test('doubles from 30 s and stops at one hour', () => {
		expect([1, 2, 3, 4, 5, 6, 7, 8].map(computeBackoffMs)).toEqual([
			30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000,
		])
	})

	test('is non-decreasing in the number of attempts', () => {
		fc.assert(
			fc.property(fc.integer({ min: -5, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (a, step) => {
				expect(computeBackoffMs(a + step)).toBeGreaterThanOrEqual(computeBackoffMs(a))
			}),
		)
	})

	test('always lies between the base delay and the cap', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1_000, max: Number.MAX_SAFE_INTEGER }), (attempts) => {
				const delay = computeBackoffMs(attempts)
				expect(delay).toBeGreaterThanOrEqual(OUTBOX_BASE_DELAY_MS)
				expect(delay).toBeLessThanOrEqual(OUTBOX_MAX_DELAY_MS)
				expect(Number.isFinite(delay)).toBe(true)
			}),
		)
	})
})

describe('computeRetryPlan', () => {
	const now = new Date('2026-03-03T12:00:00Z')

	test('schedules the next attempt in the future until the last attempt', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: OUTBOX_MAX_ATTEMPTS - 1 }), (attempts) => {
				const plan = computeRetryPlan({ attempts, now })
				expect(plan).toEqual({
					status: 'pending',
					nextAttemptAt: new Date(now.getTime() + computeBackoffMs(attempts)),
				})
			}),
		)
	})

	test('gives up after the eighth failed attempt', () => {
		expect(computeRetryPlan({ attempts: 7, now }).status).toBe('pending')
		expect(computeRetryPlan({ attempts: OUTBOX_MAX_ATTEMPTS, now })).toEqual({ status: 'failed' })
		expect(computeRetryPlan({ attempts: 99, now })).toEqual({ status: 'failed' })
	})
})
