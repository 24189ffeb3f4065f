import { z } from 'zod'

/** A half-open time range [from, to) in UTC with a stable key ('2026-11', 'rolling-90'). */
export type ScorecardPeriod = { key: string; from: Date; to: Date }

const DAY_MS = 86_400_000
const MONTH_KEY = /^(\d{4})-(0[1-9]|1[0-2])$/

export const MonthKeySchema = z
	.string({ error: 'Give the month as YYYY-MM.' })
	.regex(MONTH_KEY, 'Give the month as YYYY-MM, for example 2026-11.')

/** The calendar month `key` ('YYYY-MM') in UTC; throws a RangeError for anything else. */
export function monthPeriod(key: string): ScorecardPeriod {
	const match = MONTH_KEY.exec(key)
	if (!match) throw new RangeError(`Not a month key (YYYY-MM): ${JSON.stringify(key)}`)
	const year = Number(match[1])
	const month = Number(match[2]) - 1
	return { key, from: new Date(Date.UTC(year, month, 1)), to: new Date(Date.UTC(year, month + 1, 1)) }
}

/** 'YYYY-MM' of the UTC month that contains `date`. */
export function monthKeyOf(date: Date): string {
	return date.toISOString().slice(0, 7)
}

/** The UTC month that contains `now`: the live scorecard's period. */
export function currentMonth(now: Date): ScorecardPeriod {
	return monthPeriod(monthKeyOf(now))
}

/**
 * The `count` complete UTC months before the month of `now`, newest first: the
 * months whose snapshots can be published (the current one is still live).
 */
export function previousMonths(now: Date, count: number): ScorecardPeriod[] {
	const periods: ScorecardPeriod[] = []
	for (let i = 1; i <= count; i++) {
		const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))
		periods.push(monthPeriod(monthKeyOf(first)))
	}
	return periods
}

/** Midnight UTC at the start of the day of `date`. */
export function startOfUtcDay(date: Date): Date {
	return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS)
}

/**
 * The last 90 whole UTC days, today included: [midnight 89 days before today,
 * midnight after today). Whole days because the rollups are daily; an event
 * later today belongs to it as soon as it happens.
 */
export function rolling90(now: Date): ScorecardPeriod {
	const to = new Date(startOfUtcDay(now).getTime() + DAY_MS)
	return { key: 'rolling-90', from: new Date(to.getTime() - 90 * DAY_MS), to }
}

/** 'YYYY-MM-DD' of the UTC day that contains `date` (the rollups' day key). */
export function dayKeyOf(date: Date): string {
	return date.toISOString().slice(0, 10)
}

/** Midnight UTC of a day key. */
export function dayStart(dayKey: string): Date {
	return new Date(`${dayKey}T00:00:00.000Z`)
}

/** The day keys of a period whose bounds are UTC midnights, in order. Throws for a period that is not. */
export function dayKeysIn(period: Pick<ScorecardPeriod, 'from' | 'to'>): string[] {
	const from = period.from.getTime()
	const to = period.to.getTime()
	// Daily rollups cannot answer for part of a day, so a ragged bound is a caller's bug.
	if (from % DAY_MS !== 0 || to % DAY_MS !== 0) throw new RangeError('Period bounds must be UTC midnights.')
	const days: string[] = []
	for (let t = from; t < to; t += DAY_MS) days.push(dayKeyOf(new Date(t)))
	return days
}
