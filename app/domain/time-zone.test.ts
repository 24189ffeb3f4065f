import { expect, test } from 'vitest'
import { canonicalTimeZone, isIanaTimeZone, listTimeZones } from './time-zone.ts'

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

test('IANA names are accepted, anything else is not', () => {
	for (const zone of ['Europe/Berlin', 'America/Argentina/Buenos_Aires', 'UTC', 'Etc/GMT+5', 'Asia/Manila'])
		expect(isIanaTimeZone(zone), zone).toBe(true)
	for (const zone of ['', 'Mars/Olympus', '+01:00', 'Europe/', 'not a zone', '../etc/passwd'])
		expect(isIanaTimeZone(zone), zone).toBe(false)
})

test('the picker lists UTC first and only zones that validate', () => {
	const zones = listTimeZones()
	expect(zones[0]).toBe('UTC')
	expect(zones).toContain('Europe/London')
	expect(new Set(zones).size).toBe(zones.length)
	for (const zone of zones) expect(isIanaTimeZone(zone), zone).toBe(true)
})
