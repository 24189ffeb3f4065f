import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	DEFAULT_SESSION_POLICY,
	isSessionExpired,
	newSessionTimes,
	nextIdleExpiry,
	renewedIdleExpiry,
	sessionPolicyFrom,
	type SessionPolicy,
} from './session-expiry.ts'

const HOUR = 60 * 60_000
const T0 = new Date('2026-03-02T09:00:00Z')
const at = (ms: number) => new Date(T0.getTime() + ms)
const policy = DEFAULT_SESSION_POLICY

describe('sessionPolicyFrom', () => {
	test('defaults to 12 h idle and 7 days absolute', () => {
		expect(sessionPolicyFrom({})).toMatchObject({
			idleTimeoutMs: 12 * HOUR,
			absoluteTimeoutMs: 7 * 24 * HOUR,
		})
	})

	test('reads minutes and hours, ignoring garbage', () => {
		expect(sessionPolicyFrom({ idleMinutes: '30', absoluteHours: '24' })).toMatchObject({
			idleTimeoutMs: 30 * 60_000,
			absoluteTimeoutMs: 24 * HOUR,
		})
		expect(sessionPolicyFrom({ idleMinutes: 'soon', absoluteHours: '-1' })).toMatchObject({
			idleTimeoutMs: 12 * HOUR,
			absoluteTimeoutMs: 7 * 24 * HOUR,
		})
	})

	test('the idle limit never exceeds the absolute limit', () => {
		expect(sessionPolicyFrom({ idleMinutes: 600, absoluteHours: 2 }).idleTimeoutMs).toBe(2 * HOUR)
	})
})

describe('expiry', () => {
	test('a new session expires after the idle window unless renewed', () => {
		const session = newSessionTimes(T0, policy)
		expect(session.expiresAt).toEqual(at(12 * HOUR))
		expect(session.absoluteExpiresAt).toEqual(at(7 * 24 * HOUR))
		expect(isSessionExpired(session, at(12 * HOUR - 1))).toBe(false)
		expect(isSessionExpired(session, at(12 * HOUR))).toBe(true)
	})

	test('the absolute limit wins even when the idle expiry is later', () => {
		const session = { expiresAt: at(10 * HOUR), absoluteExpiresAt: at(HOUR) }
		expect(isSessionExpired(session, at(HOUR))).toBe(true)
	})

	test('nextIdleExpiry is capped by the absolute expiry', () => {
		expect(nextIdleExpiry(T0, policy)).toEqual(at(12 * HOUR))
		expect(nextIdleExpiry(T0, policy, at(HOUR))).toEqual(at(HOUR))
	})
})

describe('renewedIdleExpiry', () => {
	test('does not renew right after creation or the last renewal', () => {
		const session = newSessionTimes(T0, policy)
		expect(renewedIdleExpiry(session, at(30 * 60_000), policy)).toBeNull()
	})

	test('renews once a fraction of the idle window has passed', () => {
		const session = newSessionTimes(T0, policy)
		expect(renewedIdleExpiry(session, at(2 * HOUR), policy)).toEqual(at(14 * HOUR))
	})

	test('never renews an expired session, nor past the absolute limit', () => {
		const session = newSessionTimes(T0, policy)
		expect(renewedIdleExpiry(session, at(12 * HOUR), policy)).toBeNull()
		const nearEnd = { expiresAt: at(7 * 24 * HOUR), absoluteExpiresAt: at(7 * 24 * HOUR) }
		expect(renewedIdleExpiry(nearEnd, at(7 * 24 * HOUR - HOUR), policy)).toBeNull()
	})

	const policies = fc
		.record({
			idleMinutes: fc.integer({ min: 1, max: 24 * 60 }),
			absoluteHours: fc.integer({ min: 1, max: 30 * 24 }),
		})
		.map((p) => sessionPolicyFrom(p))

	test('a session kept busy never lives past its absolute expiry, and never dies while busy', () => {
		fc.assert(
			fc.property(
				policies,
				fc.array(fc.integer({ min: 0, max: 10 * HOUR }), { maxLength: 60 }),
				(p, gaps) => {
					let session = newSessionTimes(T0, p)
					let now = T0
					for (const gap of gaps) {
						// A request arrives within the effective idle window: the session must still be alive.
						const step = Math.min(gap, Math.floor(p.idleTimeoutMs * (1 - p.renewAfterFraction)) - 1)
						now = new Date(now.getTime() + Math.max(0, step))
						if (now >= session.absoluteExpiresAt) {
							expect(isSessionExpired(session, now)).toBe(true)
							return
						}
						expect(isSessionExpired(session, now)).toBe(false)
						const renewed = renewedIdleExpiry(session, now, p)
						if (renewed) session = { ...session, expiresAt: renewed }
						expect(session.expiresAt.getTime()).toBeLessThanOrEqual(session.absoluteExpiresAt.getTime())
					}
				},
			),
		)
	})

	test('renewal only ever moves the idle expiry forward, and not more often than the fraction allows', () => {
		fc.assert(
			fc.property(policies, fc.integer({ min: 0, max: 40 * 24 * HOUR }), (p: SessionPolicy, elapsed) => {
				const session = newSessionTimes(T0, p)
				const renewed = renewedIdleExpiry(session, at(elapsed), p)
				if (renewed === null) return
				expect(renewed.getTime()).toBeGreaterThan(session.expiresAt.getTime())
				expect(elapsed).toBeGreaterThanOrEqual(p.idleTimeoutMs * p.renewAfterFraction)
				expect(isSessionExpired(session, at(elapsed))).toBe(false)
			}),
		)
	})
})
