/**
 * The IANA name of `value` as the runtime spells it ("europe/london" →
 * "Europe/London"), or null when it is not a time zone the runtime knows.
 */
export function canonicalTimeZone(value: string): string | null {
	const name = value.trim()
	// Offsets such as "+02:00" are valid for Intl but are not zones: they ignore daylight saving.
	if (!name || /^[+-]/.test(name)) return null
	try {
		return new Intl.DateTimeFormat('en-GB', { timeZone: name }).resolvedOptions().timeZone
	} catch {
		return null
	}
}

/** Zones offered as suggestions; any IANA zone is accepted. */
export function listTimeZones(): string[] {
	const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
	return zones.includes('UTC') ? zones : ['UTC', ...zones]
}
