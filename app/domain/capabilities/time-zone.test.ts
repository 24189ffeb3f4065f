import { expect, test } from 'vitest'
import { isIanaTimeZone, listTimeZones } from './time-zone.ts'

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
