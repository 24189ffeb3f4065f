import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	formatHours,
	formatMinutes,
	formatMoneyMinor,
	MAX_MINOR,
	minorToInput,
	parseMoneyToMinor,
} from './format.ts'

describe('durations', () => {
	test.each([
		[1, '1 min'],
		[30, '30 min'],
		[59, '59 min'],
		[60, '1 h'],
		[90, '1 h 30 min'],
		[120, '2 h'],
		[1440, '24 h'],
		[1500, '25 h'],
		[2880, '2 days'],
		[10_080, '7 days'],
	])('%i minutes read as %s', (minutes, text) => {
		expect(formatMinutes(minutes)).toBe(text)
	})

	test('hours', () => {
		expect(formatHours(8)).toBe('8 h')
		expect(formatHours(24)).toBe('24 h')
		expect(formatHours(120)).toBe('5 days')
		expect(formatHours(8760)).toBe('365 days')
		expect(formatHours(8759)).toBe('8,759 h')
	})
})

describe('money', () => {
	test('formats minor units with the currency code', () => {
		expect(formatMoneyMinor(1_000_000, 'EUR')).toBe('EUR 10,000.00')
		expect(formatMoneyMinor(5, 'GBP')).toBe('GBP 0.05')
		expect(formatMoneyMinor(0, 'USD')).toBe('USD 0.00')
		expect(formatMoneyMinor(-150, 'EUR')).toBe('EUR -1.50')
	})

	test.each([
		['10000', 1_000_000],
		['10,000.5', 1_000_050],
		[' 10 000.50 ', 1_000_050],
		['0', 0],
		['0.07', 7],
		['007', 700],
		['21474836.47', MAX_MINOR],
	])('reads %j as %i minor units', (text, minor) => {
		expect(parseMoneyToMinor(text)).toEqual({ ok: true, minor })
	})

	test.each([
		['', 'format'],
		['abc', 'format'],
		['1.234', 'format'],
		['1e5', 'format'],
		['-5', 'negative'],
		['21474836.48', 'too_large'],
		['99999999999999999999', 'too_large'],
	])('refuses %j (%s)', (text, reason) => {
		expect(parseMoneyToMinor(text)).toEqual({ ok: false, reason })
	})

	test('property: what minorToInput writes, parseMoneyToMinor reads back exactly', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: MAX_MINOR }), (minor) => {
				expect(parseMoneyToMinor(minorToInput(minor))).toEqual({ ok: true, minor })
			}),
		)
	})
})
