// ISO 8601 weeks in UTC: weeks start on Monday; week 1 is the week with the year's first Thursday.

const DAY_MS = 86_400_000

/** 00:00 UTC of the Monday of the week `at` falls in. */
export function isoWeekStart(at: Date): Date {
	const sinceMonday = (at.getUTCDay() + 6) % 7
	return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - sinceMonday))
}

/** The ISO week `at` falls in, as "2026-W05"; its year is the year of that week's Thursday. */
export function isoWeekKey(at: Date): string {
	const thursday = new Date(isoWeekStart(at).getTime() + 3 * DAY_MS)
	const year = thursday.getUTCFullYear()
	const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1
	return `${year}-W${String(week).padStart(2, '0')}`
}
