/**
 * Contract validity periods are calendar dates ('YYYY-MM-DD', both ends
 * inclusive) read in UTC, so every server and test agrees on "today".
 */

export type IsoDate = string
export type Period = { startsOn: IsoDate; endsOn: IsoDate }

/** Days before the end date when both sides are warned. */
export const EXPIRY_WARNING_DAYS = 30

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `text` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
	const match = ISO_DATE.exec(text)
	if (!match) return false
	const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
	return date.toISOString().slice(0, 10) === text
}

/** The UTC calendar date of an instant. */
export function utcDate(now: Date): IsoDate {
	return now.toISOString().slice(0, 10)
}

export function addDays(date: IsoDate, days: number): IsoDate {
	const [y, m, d] = date.split('-').map(Number) as [number, number, number]
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
}

/** Inclusive periods overlap when each starts no later than the other ends. */
export function periodsOverlap(a: Period, b: Period): boolean {
	return a.startsOn <= b.endsOn && b.startsOn <= a.endsOn
}

export type SupersedeOutcome =
	| { status: 'active'; endsOn: IsoDate }
	| { status: 'expired'; endsOn: IsoDate }
	| { status: 'terminated'; endsOn: IsoDate }

/**
 * What happens to an older active contract when a newer one for the same
 * supplier is accepted for an overlapping period: it ends the day before the
 * newer one starts. If that day has already passed it is expired at once; if
 * the newer one starts before the older one even began, nothing of the older
 * one remains and it is terminated (its dates are left as they were).
 */
export function supersedeOutcome({
	older,
	newerStartsOn,
	today,
}: {
	older: Period
	newerStartsOn: IsoDate
	today: IsoDate
}): SupersedeOutcome {
	const endsOn = addDays(newerStartsOn, -1)
	if (endsOn < older.startsOn) return { status: 'terminated', endsOn: older.endsOn }
	if (endsOn < today) return { status: 'expired', endsOn }
	return { status: 'active', endsOn }
}

export type ExpiryAction = 'expire' | 'warn' | null

/**
 * What the expiry job does with an active contract today: expire it the day
 * after its end date, or warn both sides once when the end is at most
 * EXPIRY_WARNING_DAYS away.
 */
export function expiryAction(
	{ endsOn, expiryWarnedAt }: { endsOn: IsoDate; expiryWarnedAt: Date | null },
	now: Date,
): ExpiryAction {
	const today = utcDate(now)
	if (endsOn < today) return 'expire'
	if (expiryWarnedAt === null && daysBetween(today, endsOn) <= EXPIRY_WARNING_DAYS) return 'warn'
	return null
}
