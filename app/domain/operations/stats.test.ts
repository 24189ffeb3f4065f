import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { median, minutesBetween, percentile, rate, rateOf, summariseDurations } from './stats.ts'

const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 })

describe('median', () => {
	test('the middle value, or the mean of the two middle ones; null for none', () => {
		expect(median([])).toBeNull()
		expect(median([7])).toBe(7)
		expect(median([3, 1, 2])).toBe(2)
		expect(median([4, 1, 3, 2])).toBe(2.5)
		expect(median([10, 10, 10, 1000])).toBe(10)
	})

	test('lies between the smallest and the largest value and ignores the input order', () => {
		fc.assert(
			fc.property(values, (xs) => {
				const m = median(xs)!
				expect(m).toBeGreaterThanOrEqual(Math.min(...xs))
				expect(m).toBeLessThanOrEqual(Math.max(...xs))
				expect(median([...xs].reverse())).toBe(m)
			}),
		)
	})

	test('does not reorder the caller’s array', () => {
		const xs = [3, 1, 2]
		median(xs)
		expect(xs).toEqual([3, 1, 2])
	})
})

describe('percentile (nearest rank)', () => {
	test('p90 of 1..10 is 9, of 1..20 is 18, of one value that value', () => {
		const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1)
		expect(percentile(upTo(10), 90)).toBe(9)
		expect(percentile(upTo(20), 90)).toBe(18)
		expect(percentile(upTo(11), 90)).toBe(10)
		expect(percentile([42], 90)).toBe(42)
		expect(percentile([5, 1], 50)).toBe(1)
		expect(percentile(upTo(10), 100)).toBe(10)
		expect(percentile([], 90)).toBeNull()
	})

	test('refuses a percentile outside (0, 100]', () => {
		expect(() => percentile([1], 0)).toThrow(RangeError)
		expect(() => percentile([1], 101)).toThrow(RangeError)
	})

	test('is always one of the values, with at least p% of them at or below it and fewer below it', () => {
		fc.assert(
			fc.property(values, fc.integer({ min: 1, max: 100 }), (xs, p) => {
				const v = percentile(xs, p)!
				expect(xs).toContain(v)
				const atOrBelow = xs.filter((x) => x <= v).length
				const below = xs.filter((x) => x < v).length
				expect(atOrBelow / xs.length).toBeGreaterThanOrEqual(p / 100 - 1e-9)
				expect(below / xs.length).toBeLessThan(p / 100)
			}),
		)
	})

	test('p90 is at least the lower median', () => {
		fc.assert(
			fc.property(values, (xs) => {
				expect(percentile(xs, 90)!).toBeGreaterThanOrEqual(percentile(xs, 50)!)
			}),
		)
	})
})

describe('rate', () => {
	test('keeps numerator and denominator; nothing to divide by has no value', () => {
		expect(rate(3, 12)).toEqual({ numerator: 3, denominator: 12, value: 0.25 })
		expect(rate(0, 0)).toEqual({ numerator: 0, denominator: 0, value: null })
	})

	test('refuses impossible counts', () => {
		expect(() => rate(5, 4)).toThrow(RangeError)
		expect(() => rate(-1, 4)).toThrow(RangeError)
		expect(() => rate(1.5, 4)).toThrow(RangeError)
	})

	test('a rate over any items stays within [0, 1]', () => {
		fc.assert(
			fc.property(fc.array(fc.boolean()), (flags) => {
				const r = rateOf(flags, (f) => f)
				expect(r.denominator).toBe(flags.length)
				if (flags.length === 0) expect(r.value).toBeNull()
				else {
					expect(r.value!).toBeGreaterThanOrEqual(0)
					expect(r.value!).toBeLessThanOrEqual(1)
				}
			}),
		)
	})
})

test('summariseDurations gives count, median and p90; minutesBetween keeps fractions', () => {
	expect(summariseDurations([60, 10, 30, 20, 50, 40, 70, 80, 90, 100])).toEqual({
		count: 10,
		median: 55,
		p90: 90,
	})
	expect(summariseDurations([])).toEqual({ count: 0, median: null, p90: null })
	expect(minutesBetween(new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T01:30:30Z'))).toBe(90.5)
})
