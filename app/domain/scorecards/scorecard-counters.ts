/**
 * The additive counters a scorecard is computed from. Every field sums across
 * days, suppliers' periods and rollup rows, so a period's counters are the sum
 * of its days' counters; the rates and medians are derived afterwards
 * (scorecard-metrics.ts) and never stored.
 */
export type MetricCounters = {
	/** Offers to the supplier that ended accepted, declined or expired (withdrawn ones are not its doing). */
	offersResolved: number
	/** Of those, accepted or declined at or before the offer's deadline. */
	offersAnsweredInTime: number
	offersAccepted: number
	/** First deliveries of an order by the supplier; a redelivery after rework is not counted again. */
	deliveries: number
	/** Of those, the ones whose due time the history tells (the on-time rate's denominator). */
	deliveriesWithDueTime: number
	/** Of those, delivered at or before the due time in force at that moment. */
	deliveriesOnTime: number
	/** Closed orders the supplier was assigned. */
	closures: number
	/** Of those, closed without any rework request. */
	closuresWithoutRework: number
	/** Orders assigned to the supplier that were closed or cancelled after acceptance. */
	finished: number
	/** Of those, orders with at least one exception attributed to the supplier before they finished. */
	finishedWithSupplierException: number
	/** Whole minutes (rounded) from acceptance to first delivery, ascending. */
	cycleMinutes: number[]
	/** Whole minutes (rounded) from a change request to the supplier's acknowledgement, ascending. */
	changeAckMinutes: number[]
}

export const COUNT_KEYS = [
	'offersResolved',
	'offersAnsweredInTime',
	'offersAccepted',
	'deliveries',
	'deliveriesWithDueTime',
	'deliveriesOnTime',
	'closures',
	'closuresWithoutRework',
	'finished',
	'finishedWithSupplierException',
] as const satisfies readonly (keyof MetricCounters)[]

export const MINUTE_LIST_KEYS = [
	'cycleMinutes',
	'changeAckMinutes',
] as const satisfies readonly (keyof MetricCounters)[]

export function emptyCounters(): MetricCounters {
	return {
		offersResolved: 0,
		offersAnsweredInTime: 0,
		offersAccepted: 0,
		deliveries: 0,
		deliveriesWithDueTime: 0,
		deliveriesOnTime: 0,
		closures: 0,
		closuresWithoutRework: 0,
		finished: 0,
		finishedWithSupplierException: 0,
		cycleMinutes: [],
		changeAckMinutes: [],
	}
}

const ascending = (a: number, b: number) => a - b

/**
 * The sum of two counters. Associative and commutative: the minute lists are
 * concatenated and sorted, so the result does not depend on the order in which
 * days or rollup rows were added, and two sums compare equal with `toEqual`.
 */
export function addCounters(a: MetricCounters, b: MetricCounters): MetricCounters {
	const sum = emptyCounters()
	for (const key of COUNT_KEYS) sum[key] = a[key] + b[key]
	for (const key of MINUTE_LIST_KEYS) sum[key] = [...a[key], ...b[key]].sort(ascending)
	return sum
}

/** The sum of any number of counters (empty counters for none). */
export function sumCounters(all: Iterable<MetricCounters>): MetricCounters {
	const sum = emptyCounters()
	for (const c of all) {
		for (const key of COUNT_KEYS) sum[key] += c[key]
		for (const key of MINUTE_LIST_KEYS) sum[key].push(...c[key])
	}
	for (const key of MINUTE_LIST_KEYS) sum[key].sort(ascending)
	return sum
}

/** True when the counters hold no fact at all (a rollup row that need not be written). */
export function isEmptyCounters(c: MetricCounters): boolean {
	return COUNT_KEYS.every((key) => c[key] === 0) && MINUTE_LIST_KEYS.every((key) => c[key].length === 0)
}
