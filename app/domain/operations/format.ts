// How the dashboard writes its figures: durations, percentages and "12 of 40 orders".
import { type Rate } from './stats.ts'

export const NO_VALUE = '—'

const ONE_DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })
const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })
const PERCENT = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 1 })

/** A duration in minutes: "42 min" below 90 minutes, "5.5 h" below two days, then "3.2 days". */
export function formatMinutes(minutes: number | null): string {
	if (minutes === null) return NO_VALUE
	if (minutes < 90) return `${WHOLE.format(Math.round(minutes))} min`
	if (minutes < 48 * 60) return `${ONE_DECIMAL.format(minutes / 60)} h`
	return `${ONE_DECIMAL.format(minutes / 1440)} days`
}

/** A rate as a percentage ("27.5%"), or "—" when there was nothing to count. */
export function formatRate(rate: Rate): string {
	return rate.value === null ? NO_VALUE : PERCENT.format(rate.value)
}

/** "12 of 40 orders", "1 of 1 offer". */
export function formatShare(rate: Pick<Rate, 'numerator' | 'denominator'>, noun: [string, string]): string {
	return `${WHOLE.format(rate.numerator)} of ${WHOLE.format(rate.denominator)} ${rate.denominator === 1 ? noun[0] : noun[1]}`
}

/** "40 orders", "1 order". */
export function formatCount(count: number, noun: [string, string]): string {
	return `${WHOLE.format(count)} ${count === 1 ? noun[0] : noun[1]}`
}
