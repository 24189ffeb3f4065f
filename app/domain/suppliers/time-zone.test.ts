import { expect, test } from 'vitest'
import { canonicalTimeZone, listTimeZones } from './time-zone.ts'

test('known zones come back in their canonical spelling', () => {
	expect(canonicalTimeZone('Europe/London')).toBe('Europe/London')
	expect(canonicalTimeZone(' europe/london ')).toBe('Europe/London')
	expect(canonicalTimeZone('UTC')).toBe('UTC')
	expect(canonicalTimeZone('Australia/Sydney')).toBe('Australia/Sydney')
})

test('anything else is refused', () => {
	for (const value of ['', '   ', 'Mars/Olympus_Mons', '+02:00', '-05:00', 'Europe/London; drop table']) {
		expect(canonicalTimeZone(value), value).toBeNull()
	}
})

test('the suggestions include UTC and the demo suppliers’ zones', () => {
	const zones = listTimeZones()
	for (const zone of ['UTC', 'Europe/London', 'America/New_York', 'Asia/Manila'])
		expect(zones).toContain(zone)
})
