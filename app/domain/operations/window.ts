// The dashboard's windows: whole UTC days, so the order list's day filters reproduce them exactly.
import { isoWeekKey, isoWeekStart } from './weeks.ts'

const DAY_MS = 86_400_000

export const WINDOW_DAYS = [30, 90] as const
export type WindowDays = (typeof WINDOW_DAYS)[number]

/** Days `fromDay` to `toDay` (both included, UTC) as the half-open instant range [from, to). */
export type DayRange = { fromDay: string; toDay: string; from: Date; to: Date }

/** The UTC calendar day of `at`, as "2026-03-01". */
export function utcDay(at: Date): string {
	return at.toISOString().slice(0, 10)
}

/** The range of UTC days `fromDay` … `toDay`, both included. */
export function dayRange(fromDay: string, toDay: string): DayRange {
	const from = new Date(`${fromDay}T00:00:00.000Z`)
	const to = new Date(Date.parse(`${toDay}T00:00:00.000Z`) + DAY_MS)
	if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) {
		throw new RangeError(`Not a day range: ${fromDay} to ${toDay}.`)
	}
	return { fromDay, toDay, from, to }
}

/** The last `days` UTC days, today (the day of `now`) included. */
export function windowOf(days: number, now: Date): DayRange {
	const today = utcDay(now)
	const first = new Date(Date.parse(`${today}T00:00:00.000Z`) - (days - 1) * DAY_MS)
	return dayRange(utcDay(first), today)
}

export type TrendWeek = DayRange & {
	/** "2026-W05" */
	key: string
	/** The Monday the week starts on, even when the window starts later. */
	weekStart: string
	/** The window covers only part of this week. */
	partial: boolean
}

/** The ISO weeks the range touches, oldest first, each cut to the part inside the range. */
export function weeksOf(range: DayRange): TrendWeek[] {
	const weeks: TrendWeek[] = []
	for (
		let start = isoWeekStart(range.from);
		start < range.to;
		start = new Date(start.getTime() + 7 * DAY_MS)
	) {
		const end = new Date(start.getTime() + 7 * DAY_MS)
		const from = start < range.from ? range.from : start
		const to = end > range.to ? range.to : end
		weeks.push({
			...dayRange(utcDay(from), utcDay(new Date(to.getTime() - DAY_MS))),
			key: isoWeekKey(start),
			weekStart: utcDay(start),
			partial: from.getTime() !== start.getTime() || to.getTime() !== end.getTime(),
		})
	}
	return weeks
}

/** Whether `at` is inside the half-open range. */
export function isWithin(range: Pick<DayRange, 'from' | 'to'>, at: Date): boolean {
	return at.getTime() >= range.from.getTime() && at.getTime() < range.to.getTime()
}

/**
 * The half-open instant range of an optional From/To day pair (both UTC days included); a missing
 * end is left open.
 */
export function dayBounds(fromDay?: string, toDay?: string): { from?: Date; to?: Date } {
	return {
		from: fromDay ? dayRange(fromDay, fromDay).from : undefined,
		to: toDay ? dayRange(toDay, toDay).to : undefined,
	}
}
