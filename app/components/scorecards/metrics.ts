// What each scorecard figure is called, which counters make it and how it reads on a page.
import { type MetricCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { type EvidenceMetric, type RateMetric } from '#app/schemas/scorecard-filters.ts'

type CountKey = Exclude<keyof MetricCounters, 'cycleMinutes' | 'changeAckMinutes'>

export type RateDefinition = {
	label: string
	/** What the denominator counts, plural ("offers resolved"). */
	of: string
	numerator: CountKey
	denominator: CountKey
	/** How a denominator item the numerator leaves out is marked on the evidence page. */
	notCounted: string
	/** What a numerator item is, for the evidence page's headings. */
	counted: string
	lowerIsBetter?: boolean
}

export const RATES: Record<RateMetric, RateDefinition> = {
	responseRate: {
		label: 'Response rate',
		of: 'offers resolved',
		numerator: 'offersAnsweredInTime',
		denominator: 'offersResolved',
		counted: 'Answered by the deadline',
		notCounted: 'Not answered in time',
	},
	acceptanceRate: {
		label: 'Acceptance rate',
		of: 'offers resolved',
		numerator: 'offersAccepted',
		denominator: 'offersResolved',
		counted: 'Accepted',
		notCounted: 'Not accepted',
	},
	onTimeRate: {
		label: 'On-time rate',
		of: 'first deliveries with a due time',
		numerator: 'deliveriesOnTime',
		denominator: 'deliveriesWithDueTime',
		counted: 'Delivered on time',
		notCounted: 'Late',
	},
	qualityRate: {
		label: 'Quality rate',
		of: 'closures',
		numerator: 'closuresWithoutRework',
		denominator: 'closures',
		counted: 'Closed without rework',
		notCounted: 'Had rework',
	},
	exceptionRate: {
		label: 'Exception rate',
		of: 'finished orders',
		numerator: 'finishedWithSupplierException',
		denominator: 'finished',
		counted: 'With an exception attributed to the supplier',
		notCounted: 'No supplier exception',
		lowerIsBetter: true,
	},
}

export const EVIDENCE_LABELS: Record<EvidenceMetric, string> = {
	...Object.fromEntries(Object.entries(RATES).map(([k, d]) => [k, d.label])),
	cycleTime: 'Cycle time (acceptance to first delivery)',
	changeAck: 'Change acknowledgement time',
} as Record<EvidenceMetric, string>

/** The counter columns of the CSV exports, in counter order, with their snake_case names. */
export const COUNTER_COLUMNS: readonly (readonly [CountKey, string])[] = [
	['offersResolved', 'offers_resolved'],
	['offersAnsweredInTime', 'offers_answered_in_time'],
	['offersAccepted', 'offers_accepted'],
	['deliveries', 'deliveries'],
	['deliveriesWithDueTime', 'deliveries_with_due_time'],
	['deliveriesOnTime', 'deliveries_on_time'],
	['closures', 'closures'],
	['closuresWithoutRework', 'closures_without_rework'],
	['finished', 'finished'],
	['finishedWithSupplierException', 'finished_with_supplier_exception'],
]

/** 0.875 → "87.5%"; null → "—". */
export function formatPercent(rate: number | null): string {
	if (rate === null) return '—'
	return `${(Math.round(rate * 1000) / 10).toFixed(1)}%`
}

/** Minutes as hours with one decimal: 90 → "1.5 h"; null → "—". */
export function formatHours(minutes: number | null): string {
	if (minutes === null) return '—'
	return `${(minutes / 60).toFixed(1)} h`
}

/** A score out of 100 with one decimal, or "—". */
export function formatScore(score: number | null): string {
	return score === null ? '—' : score.toFixed(1)
}

/** A rate as the CSV writes it: a decimal in 0..1 with 4 places, empty when there is none. */
export function csvRate(rate: number | null): string {
	return rate === null ? '' : rate.toFixed(4)
}

// Fixed names rather than toLocaleString: server and browser ICU data may differ ("Sep"/"Sept").
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "2026-11" → "Nov 2026". */
export function formatMonth(month: string): string {
	const [year, m] = month.split('-')
	return `${MONTH_NAMES[Number(m) - 1] ?? m} ${year}`
}

/** An instant as "2026-11-03 14:05 UTC". */
export function formatUtc(at: Date | string): string {
	return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/** "7 of 8 first deliveries with a due time": the counts a rate is made of. */
export function rateCounts(metric: RateMetric, counters: MetricCounters): string {
	const d = RATES[metric]
	return `${counters[d.numerator]} of ${counters[d.denominator]} ${d.of}`
}
