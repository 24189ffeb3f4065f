import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { dayBounds, dayRange, isWithin, utcDay, weeksOf, windowOf } from './window.ts'

describe('windows of whole UTC days', () => {
	test('the last 30 days end with today, whatever the time of day', () => {
		const w = windowOf(30, new Date('2026-03-31T23:59:00Z'))
		expect(w).toEqual({
			fromDay: '2026-03-02',
			toDay: '2026-03-31',
			from: new Date('2026-03-02T00:00:00Z'),
			to: new Date('2026-04-01T00:00:00Z'),
		})
		expect(windowOf(1, new Date('2026-03-31T00:00:00Z')).fromDay).toBe('2026-03-31')
	})

	test('a window holds `days` days and now', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
				fc.constantFrom(30, 90),
				(now, days) => {
					const w = windowOf(days, now)
					expect((w.to.getTime() - w.from.getTime()) / 86_400_000).toBe(days)
					expect(isWithin(w, now)).toBe(true)
					expect(utcDay(now)).toBe(w.toDay)
				},
			),
		)
	})

	test('dayRange refuses what is not a day; dayBounds leaves a missing end open', () => {
		expect(() => dayRange('yesterday', '2026-01-01')).toThrow(RangeError)
		expect(dayBounds('2026-01-05', undefined)).toEqual({
			from: new Date('2026-01-05T00:00:00Z'),
			to: undefined,
		})
		expect(dayBounds(undefined, '2026-01-05')).toEqual({
			from: undefined,
			to: new Date('2026-01-06T00:00:00Z'),
		})
	})
})

describe('weeksOf', () => {
	test('cuts the first and last ISO week to the window and marks them partial', () => {
		// Wednesday 2026-03-04 to Tuesday 2026-03-17.
		const weeks = weeksOf(dayRange('2026-03-04', '2026-03-17'))
		expect(weeks.map((w) => [w.key, w.weekStart, w.fromDay, w.toDay, w.partial])).toEqual([
			['2026-W10', '2026-03-02', '2026-03-04', '2026-03-08', true],
			['2026-W11', '2026-03-09', '2026-03-09', '2026-03-15', false],
			['2026-W12', '2026-03-16', '2026-03-16', '2026-03-17', true],
		])
	})

	test('the weeks tile the window: no gap, no overlap, all within it', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
				fc.integer({ min: 1, max: 120 }),
				(now, days) => {
					const w = windowOf(days, now)
					const weeks = weeksOf(w)
					expect(weeks[0]!.from).toEqual(w.from)
					expect(weeks.at(-1)!.to).toEqual(w.to)
					for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.from).toEqual(weeks[i - 1]!.to)
					for (const week of weeks) expect(new Date(`${week.weekStart}T00:00:00Z`).getUTCDay()).toBe(1)
				},
			),
		)
	})
})
