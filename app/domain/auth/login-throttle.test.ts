import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { LOGIN_THROTTLE, isThrottled, throttleMessage } from './login-throttle.ts'

const MINUTE = 60_000
const NOW = new Date('2026-03-02T12:00:00Z')
const ago = (ms: number) => new Date(NOW.getTime() - ms)
const failures = (n: number, spacingMs = 1000) => Array.from({ length: n }, (_, i) => ago(i * spacingMs))

describe('isThrottled', () => {
	test('nine failures are allowed, ten throttle the account', () => {
		expect(isThrottled({ failuresForAccount: failures(9), failuresForIp: [], now: NOW })).toEqual({
			throttled: false,
		})
		const decision = isThrottled({ failuresForAccount: failures(10), failuresForIp: [], now: NOW })
		expect(decision.throttled).toBe(true)
	})

	test('ten failures from one IP throttle it, whatever the accounts', () => {
		expect(isThrottled({ failuresForAccount: [], failuresForIp: failures(10), now: NOW }).throttled).toBe(
			true,
		)
	})

	test('failures older than 15 minutes do not count', () => {
		const old = failures(10).map((d) => new Date(d.getTime() - 15 * MINUTE))
		expect(isThrottled({ failuresForAccount: old, failuresForIp: old, now: NOW })).toEqual({
			throttled: false,
		})
	})

	test('retryAfter is when the tenth newest failure leaves the window', () => {
		// Newest failure 1 minute ago, tenth newest 10 minutes ago → free again in 5 minutes.
		const times = Array.from({ length: 10 }, (_, i) => ago((i + 1) * MINUTE))
		expect(isThrottled({ failuresForAccount: times, failuresForIp: [], now: NOW })).toEqual({
			throttled: true,
			retryAfterSeconds: 5 * 60,
		})
	})

	test('the longer of the two waits wins', () => {
		const account = Array.from({ length: 10 }, (_, i) => ago((i + 1) * MINUTE))
		const ip = Array.from({ length: 10 }, () => ago(MINUTE))
		expect(isThrottled({ failuresForAccount: account, failuresForIp: ip, now: NOW })).toEqual({
			throttled: true,
			retryAfterSeconds: 14 * 60,
		})
	})

	test('property: throttled iff some bucket has ≥10 failures in the window; waiting retryAfter frees it', () => {
		const times = fc.array(fc.integer({ min: 0, max: 30 * MINUTE }), { maxLength: 25 })
		fc.assert(
			fc.property(times, times, (accountAgo, ipAgo) => {
				const account = accountAgo.map(ago)
				const ip = ipAgo.map(ago)
				const inWindow = (xs: number[]) => xs.filter((x) => x < LOGIN_THROTTLE.windowMs).length
				const expected =
					inWindow(accountAgo) >= LOGIN_THROTTLE.maxFailures || inWindow(ipAgo) >= LOGIN_THROTTLE.maxFailures
				const decision = isThrottled({ failuresForAccount: account, failuresForIp: ip, now: NOW })
				expect(decision.throttled).toBe(expected)
				if (decision.throttled) {
					expect(decision.retryAfterSeconds).toBeGreaterThan(0)
					expect(decision.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_THROTTLE.windowMs / 1000)
					const later = new Date(NOW.getTime() + decision.retryAfterSeconds * 1000)
					expect(isThrottled({ failuresForAccount: account, failuresForIp: ip, now: later }).throttled).toBe(
						false,
					)
				}
			}),
		)
	})
})

test('throttleMessage speaks in whole minutes', () => {
	expect(throttleMessage(30)).toBe('Too many failed attempts. Try again in 1 minute.')
	expect(throttleMessage(14 * 60 + 1)).toBe('Too many failed attempts. Try again in 15 minutes.')
})
