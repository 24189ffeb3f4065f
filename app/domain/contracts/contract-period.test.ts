import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	addDays,
	daysBetween,
	expiryAction,
	isIsoDate,
	periodsOverlap,
	supersedeOutcome,
	utcDate,
} from './contract-period.ts'

const dateArb = fc
	.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
	.map(utcDate)

describe('calendar dates', () => {
	test('only real YYYY-MM-DD dates pass', () => {
		expect(isIsoDate('2026-02-28')).toBe(true)
		expect(isIsoDate('2028-02-29')).toBe(true)
		expect(isIsoDate('2026-02-29')).toBe(false)
		expect(isIsoDate('2026-2-1')).toBe(false)
		expect(isIsoDate('yesterday')).toBe(false)
	})

	test('today is the UTC date, whatever the local time zone', () => {
		expect(utcDate(new Date('2026-03-31T23:30:00-05:00'))).toBe('2026-04-01')
	})

	test('adding days crosses months and years', () => {
		expect(addDays('2026-01-01', -1)).toBe('2025-12-31')
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
		expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59)
	})

	test('property: addDays and daysBetween are inverse', () => {
		fc.assert(
			fc.property(
				dateArb,
				fc.integer({ min: -2000, max: 2000 }),
				(d, n) => daysBetween(d, addDays(d, n)) === n,
			),
		)
	})

	test('periods overlap when they share a day, ends included', () => {
		const a = { startsOn: '2026-01-01', endsOn: '2026-12-31' }
		expect(periodsOverlap(a, { startsOn: '2026-12-31', endsOn: '2027-12-31' })).toBe(true)
		expect(periodsOverlap(a, { startsOn: '2027-01-01', endsOn: '2027-12-31' })).toBe(false)
		expect(periodsOverlap(a, { startsOn: '2025-01-01', endsOn: '2025-12-31' })).toBe(false)
	})
})

describe('supersedeOutcome', () => {
	const older = { startsOn: '2026-01-01', endsOn: '2027-12-31' }
	test('the older contract ends the day before the newer one starts', () => {
		expect(supersedeOutcome({ older, newerStartsOn: '2026-07-01', today: '2026-05-01' })).toEqual({
			status: 'active',
			endsOn: '2026-06-30',
		})
	})
	test('an end date already past expires it at once', () => {
		expect(supersedeOutcome({ older, newerStartsOn: '2026-03-01', today: '2026-05-01' })).toEqual({
			status: 'expired',
			endsOn: '2026-02-28',
		})
	})
	test('a newer contract starting before the older one began leaves nothing of it', () => {
		expect(supersedeOutcome({ older, newerStartsOn: '2026-01-01', today: '2025-12-01' })).toEqual({
			status: 'terminated',
			endsOn: '2027-12-31',
		})
	})
	test('property: after superseding, the older contract never overlaps the newer one', () => {
		fc.assert(
			fc.property(dateArb, dateArb, dateArb, dateArb, (s, e, n, today) => {
				const [startsOn, endsOn] = s <= e ? [s, e] : [e, s]
				const outcome = supersedeOutcome({ older: { startsOn, endsOn }, newerStartsOn: n, today })
				if (outcome.status === 'terminated') return n <= startsOn
				return (
					outcome.endsOn < n &&
					outcome.endsOn >= startsOn &&
					(outcome.status === 'active') === outcome.endsOn >= today
				)
			}),
		)
	})
})

describe('expiryAction', () => {
	const now = new Date('2026-06-01T10:00:00Z')
	test('expires the day after the end date, not on it', () => {
		expect(expiryAction({ endsOn: '2026-05-31', expiryWarnedAt: null }, now)).toBe('expire')
		expect(expiryAction({ endsOn: '2026-06-01', expiryWarnedAt: now }, now)).toBeNull()
	})
	test('warns once, 30 days ahead', () => {
		expect(expiryAction({ endsOn: '2026-07-01', expiryWarnedAt: null }, now)).toBe('warn')
		expect(expiryAction({ endsOn: '2026-07-02', expiryWarnedAt: null }, now)).toBeNull()
		expect(expiryAction({ endsOn: '2026-07-01', expiryWarnedAt: now }, now)).toBeNull()
	})
})
