import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { formatBasisPoints, formatMoney, parseMoney } from './money.ts'

describe('formatMoney', () => {
	test('formats minor units exactly', () => {
		expect(formatMoney(123456, 'EUR')).toBe('€1,234.56')
		expect(formatMoney(5, 'EUR')).toBe('€0.05')
		expect(formatMoney(-1999, 'EUR')).toBe('-€19.99')
		expect(formatMoney(900719925474099, 'EUR')).toBe('€9,007,199,254,740.99')
	})
	test('refuses non-integers', () => {
		expect(() => formatMoney(1.5, 'EUR')).toThrow(RangeError)
	})
})

describe('parseMoney', () => {
	test('reads what people type', () => {
		expect(parseMoney('1,234.5')).toBe(123450)
		expect(parseMoney(' 12 ')).toBe(1200)
		expect(parseMoney('0.07')).toBe(7)
		expect(parseMoney('12.345')).toBeNull()
		expect(parseMoney('-3')).toBeNull()
		expect(parseMoney('abc')).toBeNull()
	})
	test('round-trips every amount through its plain decimal form', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (minor) => {
				const text = `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`
				expect(parseMoney(text)).toBe(minor)
			}),
		)
	})
})

test('formatBasisPoints', () => {
	expect(formatBasisPoints(1500)).toBe('15 %')
	expect(formatBasisPoints(1250)).toBe('12.5 %')
	expect(formatBasisPoints(5)).toBe('0.05 %')
})
