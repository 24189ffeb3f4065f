// The small statistics the operations dashboard reports: median, nearest-rank percentile, rates.

/** The middle value, or the mean of the two middle values; null when there are none. */
export function median(values: readonly number[]): number | null {
	if (values.length === 0) return null
	const sorted = [...values].sort((a, b) => a - b)
	const mid = Math.floor(sorted.length / 2)
	return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

/**
 * The nearest-rank percentile: the smallest value with at least `p` per cent of
 * the values at or below it (sorted[⌈p/100 · n⌉ − 1]); always one of the values.
 */
export function percentile(values: readonly number[], p: number): number | null {
	if (values.length === 0) return null
	if (!(p > 0 && p <= 100)) throw new RangeError(`A percentile is above 0 and at most 100, not ${p}.`)
	const sorted = [...values].sort((a, b) => a - b)
	// The epsilon keeps 0.9 × 10 (= 9.000000000000002 in floating point) at rank 9.
	const rank = Math.ceil((p / 100) * sorted.length - 1e-9)
	return sorted[Math.max(rank, 1) - 1]!
}

export type Rate = {
	numerator: number
	denominator: number
	/** numerator / denominator, or null when there is nothing to divide by. */
	value: number | null
}

/** A share "12 of 40" with its value; an empty denominator has no value rather than 0 %. */
export function rate(numerator: number, denominator: number): Rate {
	if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0) {
		throw new RangeError(`A rate counts whole things, not ${numerator} of ${denominator}.`)
	}
	if (numerator > denominator)
		throw new RangeError(`${numerator} of ${denominator} is more than all of them.`)
	return { numerator, denominator, value: denominator === 0 ? null : numerator / denominator }
}

/** How many of `items` pass `test`, as a rate over all of them. */
export function rateOf<T>(items: readonly T[], test: (item: T) => boolean): Rate {
	return rate(items.filter(test).length, items.length)
}

export type DurationSummary = {
	count: number
	/** Minutes; null without values. */
	median: number | null
	p90: number | null
}

/** Median and nearest-rank p90 of durations in minutes. */
export function summariseDurations(minutes: readonly number[]): DurationSummary {
	return { count: minutes.length, median: median(minutes), p90: percentile(minutes, 90) }
}

/** Minutes from `from` to `to`, fraction kept (rounded only when shown). */
export function minutesBetween(from: Date, to: Date): number {
	return (to.getTime() - from.getTime()) / 60_000
}
