import { expect, test } from 'vitest'
import { formatCount, formatMinutes, formatRate, formatShare } from './format.ts'
import { rate } from './stats.ts'

test('durations read in minutes, hours or days', () => {
	expect(formatMinutes(null)).toBe('—')
	expect(formatMinutes(0.4)).toBe('0 min')
	expect(formatMinutes(42.4)).toBe('42 min')
	expect(formatMinutes(89)).toBe('89 min')
	expect(formatMinutes(90)).toBe('1.5 h')
	expect(formatMinutes(47 * 60)).toBe('47 h')
	expect(formatMinutes(48 * 60)).toBe('2 days')
	expect(formatMinutes(3.25 * 1440)).toBe('3.3 days')
})

test('rates as percentages, shares with their denominator', () => {
	expect(formatRate(rate(0, 0))).toBe('—')
	expect(formatRate(rate(1, 8))).toBe('12.5%')
	expect(formatRate(rate(2, 2))).toBe('100%')
	expect(formatShare(rate(12, 40), ['order', 'orders'])).toBe('12 of 40 orders')
	expect(formatShare(rate(1, 1), ['order', 'orders'])).toBe('1 of 1 order')
	expect(formatShare(rate(1200, 1500), ['order', 'orders'])).toBe('1,200 of 1,500 orders')
	expect(formatCount(1, ['order', 'orders'])).toBe('1 order')
	expect(formatCount(0, ['order', 'orders'])).toBe('0 orders')
})
