import { expect, test } from 'vitest'
import {
	currentMonth,
	dayKeyOf,
	dayKeysIn,
	dayStart,
	monthKeyOf,
	MonthKeySchema,
	monthPeriod,
	previousMonths,
	rolling90,
	startOfUtcDay,
} from './periods.ts'

test('a month is [first midnight, next first midnight) in UTC', () => {
	expect(monthPeriod('2026-11')).toEqual({
		key: '2026-11',
		from: new Date('2026-11-01T00:00:00.000Z'),
		to: new Date('2026-12-01T00:00:00.000Z'),
	})
	expect(monthPeriod('2026-12').to).toEqual(new Date('2027-01-01T00:00:00.000Z'))
	expect(monthPeriod('2028-02').to).toEqual(new Date('2028-03-01T00:00:00.000Z'))
})

test('anything but YYYY-MM is refused', () => {
	for (const key of ['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '', ' 2026-11']) {
		expect(() => monthPeriod(key), key).toThrow(RangeError)
	}
	expect(MonthKeySchema.safeParse('2026-11').success).toBe(true)
	expect(MonthKeySchema.safeParse('Nov 2026').error?.issues[0]?.message).toBe(
		'Give the month as YYYY-MM, for example 2026-11.',
	)
})

test('the month of a moment is its UTC month, even late on the last evening elsewhere', () => {
	expect(monthKeyOf(new Date('2026-11-30T23:59:59.999Z'))).toBe('2026-11')
	expect(monthKeyOf(new Date('2026-12-01T00:00:00.000Z'))).toBe('2026-12')
	expect(currentMonth(new Date('2026-11-15T12:00:00.000Z')).key).toBe('2026-11')
})

test('previous months are the complete ones before the current, newest first, across a year end', () => {
	const months = previousMonths(new Date('2027-02-10T08:00:00.000Z'), 12)
	expect(months.map((m) => m.key)).toEqual([
		'2027-01',
		'2026-12',
		'2026-11',
		'2026-10',
		'2026-09',
		'2026-08',
		'2026-07',
		'2026-06',
		'2026-05',
		'2026-04',
		'2026-03',
		'2026-02',
	])
	expect(months[0]!.to).toEqual(new Date('2027-02-01T00:00:00.000Z'))
	expect(previousMonths(new Date('2027-02-10T08:00:00.000Z'), 0)).toEqual([])
})

test('rolling 90 days are whole UTC days, today included', () => {
	const period = rolling90(new Date('2026-11-15T12:34:56.000Z'))
	expect(period).toEqual({
		key: 'rolling-90',
		from: new Date('2026-08-18T00:00:00.000Z'),
		to: new Date('2026-11-16T00:00:00.000Z'),
	})
	expect(dayKeysIn(period)).toHaveLength(90)
	expect(rolling90(new Date('2026-11-15T00:00:00.000Z'))).toEqual(period)
})

test('day keys are UTC days', () => {
	expect(dayKeyOf(new Date('2026-11-02T23:59:59.999Z'))).toBe('2026-11-02')
	expect(startOfUtcDay(new Date('2026-11-02T23:59:59.999Z'))).toEqual(dayStart('2026-11-02'))
	expect(dayKeysIn(monthPeriod('2026-02'))).toHaveLength(28)
	expect(dayKeysIn(monthPeriod('2026-11')).at(-1)).toBe('2026-11-30')
	expect(() => dayKeysIn({ from: new Date('2026-11-01T06:00:00.000Z'), to: dayStart('2026-11-03') })).toThrow(
		/midnights/,
	)
})
