// Reading the loosely typed `data` of stored events, and the wording of evidence details.

/** A valid Date from a stored ISO string (or a Date); null for anything else. */
export function dateOf(value: unknown): Date | null {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
	if (typeof value !== 'string') return null
	const date = new Date(value)
	return Number.isNaN(date.getTime()) ? null : date
}

/**
 * Whole minutes from `from` to `to`, rounded to the nearest: the rollups store
 * integer minutes, and a recomputation must give exactly what they hold.
 * Never negative, since clocks of different writers may disagree by a little.
 */
export function minutesBetween(from: Date, to: Date) {
	return Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000))
}

export function formatMinutes(minutes: number) {
	return `${minutes.toLocaleString('en-GB')} min`
}

export function formatUtc(date: Date) {
	return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}
