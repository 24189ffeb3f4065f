// The canonical list leaves out aliases such as "UTC" (the database default), so they are added.
const EXTRA_ZONES = ['UTC']

/**
 * The IANA name of `value` as the runtime spells it ("europe/london" →
 * "Europe/London"), or null when it is not a time zone the runtime knows.
 */
export function canonicalTimeZone(value: string): string | null {
	const name = value.trim()
	// Offsets such as "+02:00" are valid for Intl but are not zones: they ignore daylight saving.
	if (!name || name.length > 64 || /^[+-]/.test(name) || !/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(name)) return null
	try {
		return new Intl.DateTimeFormat('en-GB', { timeZone: name }).resolvedOptions().timeZone
	} catch {
		return null
	}
}

/** True for an IANA time zone name the runtime can format dates in (e.g. "Europe/Berlin", "UTC"). */
export function isIanaTimeZone(name: string): boolean {
	return name === name.trim() && canonicalTimeZone(name) !== null
}

/** The IANA time zones this runtime knows, for a picker; UTC first. Any IANA zone is accepted. */
export function listTimeZones(): string[] {
	const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
	return [...EXTRA_ZONES, ...zones.filter((z) => !EXTRA_ZONES.includes(z))]
}
