import { type MetricCounters } from './scorecard-counters.ts'

/** A scorecard's numbers. Rates are in [0, 1]; null when nothing was there to count. */
export type ScorecardMetrics = {
	/** Offers answered (accepted or declined) by their deadline, of the offers resolved. */
	responseRate: number | null
	/** Offers accepted, of the offers resolved (an offer left to expire was not accepted). */
	acceptanceRate: number | null
	/** First deliveries at or before the due time in force, of the first deliveries whose due time is known. */
	onTimeRate: number | null
	/** Closures without any rework request, of the closures. */
	qualityRate: number | null
	/** Finished orders with an exception attributed to the supplier, of the finished orders. Lower is better. */
	exceptionRate: number | null
	cycleMedianMinutes: number | null
	cycleP90Minutes: number | null
	changeAckMedianMinutes: number | null
}

function rate(numerator: number, denominator: number): number | null {
	if (denominator <= 0) return null
	// Counters from events never give more than the whole, but a hand-edited rollup row might.
	return Math.min(1, Math.max(0, numerator / denominator))
}

/**
 * The nearest-rank percentile of ascending values: the value at rank ⌈p·n⌉,
 * always one of the values (never an interpolation, so an auditor finds it in
 * the evidence). The median of an even count is therefore the lower middle one.
 */
export function nearestRank(sortedValues: readonly number[], p: number): number | null {
	if (sortedValues.length === 0) return null
	const rank = Math.max(1, Math.ceil(p * sortedValues.length))
	return sortedValues[Math.min(rank, sortedValues.length) - 1]!
}

export function metricsFromCounters(c: MetricCounters): ScorecardMetrics {
	// The lists are stored sorted; sort a copy anyway so a hand-built counter cannot mislead.
	const cycle = [...c.cycleMinutes].sort((a, b) => a - b)
	const ack = [...c.changeAckMinutes].sort((a, b) => a - b)
	return {
		responseRate: rate(c.offersAnsweredInTime, c.offersResolved),
		acceptanceRate: rate(c.offersAccepted, c.offersResolved),
		onTimeRate: rate(c.deliveriesOnTime, c.deliveriesWithDueTime),
		qualityRate: rate(c.closuresWithoutRework, c.closures),
		exceptionRate: rate(c.finishedWithSupplierException, c.finished),
		cycleMedianMinutes: nearestRank(cycle, 0.5),
		cycleP90Minutes: nearestRank(cycle, 0.9),
		changeAckMedianMinutes: nearestRank(ack, 0.5),
	}
}

/**
 * How many orders a scorecard rests on, for the minimum-orders rule: the largest
 * of its per-order denominators (offers resolved, first deliveries, finished
 * orders). Each of those counts an order at most once per supplier and period
 * (an offer resolved twice only after the buyer edited and re-routed), and
 * taking the largest keeps the number additive-safe: a month of deliveries from
 * last month's offers is as much a record as a month of offers. A sum would
 * count one order up to three times.
 */
export function orderCountOf(c: MetricCounters): number {
	return Math.max(c.offersResolved, c.deliveries, c.finished)
}
