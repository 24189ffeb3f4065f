// The canonical list leaves out aliases such as "UTC" (the database default), so they are added or accepted.
const EXTRA_ZONES = ['UTC']

// An IANA name: "Area/Location" or a bare zone like "UTC"; rejects offsets such as "+01:00", which newer engines also accept.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/

/** The IANA time zones this runtime knows, for a picker; UTC first. */
export function listTimeZones(): string[] {
	const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
	return [...EXTRA_ZONES, ...zones.filter((z) => !EXTRA_ZONES.includes(z))]
}

/** True for an IANA time zone name the runtime can format dates in (e.g. "Europe/Berlin", "UTC"). */
export function isIanaTimeZone(name: string): boolean {
	if (!IANA_NAME.test(name) || name.length > 64) return false
	try {
		new Intl.DateTimeFormat('en', { timeZone: name })
		return true
	} catch {
		return false
	}
}
