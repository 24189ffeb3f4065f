import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { isoWeekKey, isoWeekStart } from './weeks.ts'

const instants = fc.date({
	min: new Date('1990-01-01T00:00:00Z'),
	max: new Date('2100-12-31T23:59:59Z'),
	noInvalidDate: true,
})

describe('ISO weeks (UTC)', () => {
	test('known weeks, including the ones that belong to the neighbouring year', () => {
		expect(isoWeekKey(new Date('2026-01-01T12:00:00Z'))).toBe('2026-W01') // a Thursday
		expect(isoWeekKey(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01') // a Monday
		expect(isoWeekKey(new Date('2021-01-03T23:59:59Z'))).toBe('2020-W53') // a Sunday
		expect(isoWeekKey(new Date('2026-12-31T00:00:00Z'))).toBe('2026-W53')
		expect(isoWeekKey(new Date('2027-01-04T00:00:00Z'))).toBe('2027-W01')
		expect(isoWeekStart(new Date('2026-03-08T23:59:59.999Z')).toISOString()).toBe('2026-03-02T00:00:00.000Z')
		expect(isoWeekStart(new Date('2026-03-09T00:00:00Z')).toISOString()).toBe('2026-03-09T00:00:00.000Z')
	})

	test('the week starts on a Monday at midnight UTC, at most 7 days before, and shares the key', () => {
		fc.assert(
			fc.property(instants, (at) => {
				const start = isoWeekStart(at)
				expect(start.getUTCDay()).toBe(1)
				expect(start.getTime() % 86_400_000).toBe(0)
				expect(at.getTime() - start.getTime()).toBeGreaterThanOrEqual(0)
				expect(at.getTime() - start.getTime()).toBeLessThan(7 * 86_400_000)
				expect(isoWeekKey(start)).toBe(isoWeekKey(at))
			}),
		)
	})

	test('consecutive weeks have different keys numbered 1 to 53', () => {
		fc.assert(
			fc.property(instants, (at) => {
				const next = new Date(isoWeekStart(at).getTime() + 7 * 86_400_000)
				expect(isoWeekKey(next)).not.toBe(isoWeekKey(at))
				const week = Number(isoWeekKey(at).slice(6))
				expect(week).toBeGreaterThanOrEqual(1)
				expect(week).toBeLessThanOrEqual(53)
			}),
		)
	})
})
