import { describe, expect, test } from 'vitest'
import { formatAge } from './exception-queue.tsx'
import { formatLocal, formatUtc } from './local-time.tsx'
import { localValueToIso } from './needed-by-input.tsx'
import { formatCountdown } from './offer-countdown.tsx'

describe('order display formats', () => {
	test('countdowns read mm:ss under an hour and h:mm:ss from an hour up; never negative', () => {
		expect(formatCountdown(0)).toBe('00:00')
		expect(formatCountdown(59.9)).toBe('00:59')
		expect(formatCountdown(14 * 60 + 5)).toBe('14:05')
		expect(formatCountdown(3600)).toBe('1:00:00')
		expect(formatCountdown(26 * 3600 + 61)).toBe('26:01:01')
		expect(formatCountdown(-5)).toBe('00:00')
	})

	test('ages: minutes, hours up to two days, then days', () => {
		expect(formatAge(5)).toBe('1 min')
		expect(formatAge(45 * 60)).toBe('45 min')
		expect(formatAge(5 * 3600)).toBe('5 h')
		expect(formatAge(47 * 3600)).toBe('47 h')
		expect(formatAge(3 * 86_400)).toBe('3 d')
	})

	test('moments: UTC with its label on the server; the local format is one Intl accepts', () => {
		expect(formatUtc('2031-05-01T09:30:00Z')).toBe('1 May 2031, 09:30 UTC')
		expect(formatLocal('2031-05-01T09:30:00Z')).toMatch(/2031/)
	})

	test('a datetime-local value becomes an instant; anything else is passed on for the server to refuse', () => {
		expect(localValueToIso('')).toBe('')
		expect(localValueToIso('2031-05-01T09:30')).toBe(new Date('2031-05-01T09:30').toISOString())
		expect(localValueToIso('soon')).toBe('soon')
	})
})
