import { type ScorecardMetrics } from './scorecard-metrics.ts'

/** How much each rate counts in a class's score; non-negative, and only their ratios matter. */
export type ScorecardWeights = {
	response: number
	acceptance: number
	onTime: number
	quality: number
	/** Weighs 1 − exceptionRate: fewer exceptions score higher. */
	exception: number
}

export type StandingConsequences = {
	/** Order classes (by key) the router must not offer to a supplier in this standing. */
	excludedClassKeys: string[]
	/** The router shows the standing next to the supplier's candidacy. */
	flagInRouting: boolean
	/** Orders to this supplier above this value (minor units) go to a person first; null = never. */
	reviewAboveMinor: number | null
}

export type StandingRule = {
	key: 'preferred' | 'approved' | 'watch' | 'probation' | (string & {})
	label: string
	/** The lowest score (0..100) that earns this standing. */
	minScore: number
	consequences: StandingConsequences
}

export type StandingOutcome =
	| { kind: 'insufficient_data'; reason: 'too_few_orders' | 'no_score' }
	| { kind: 'standing'; standing: StandingRule }

export const DEFAULT_MIN_ORDERS = 5

const NONE: StandingConsequences = { excludedClassKeys: [], flagInRouting: false, reviewAboveMinor: null }

export const DEFAULT_STANDINGS: readonly StandingRule[] = [
	{ key: 'preferred', label: 'Preferred', minScore: 85, consequences: NONE },
	{ key: 'approved', label: 'Approved', minScore: 70, consequences: NONE },
	{ key: 'watch', label: 'Watch', minScore: 50, consequences: { ...NONE, flagInRouting: true } },
	{
		key: 'probation',
		label: 'Probation',
		minScore: 0,
		consequences: { ...NONE, excludedClassKeys: ['urgent', 'emergency'], flagInRouting: true },
	},
]

/** Used for a class without weights of its own (a class the buyer added later). */
export const FALLBACK_WEIGHTS: ScorecardWeights = {
	response: 0.2,
	acceptance: 0.15,
	onTime: 0.3,
	quality: 0.25,
	exception: 0.1,
}

/**
 * Per seeded class key. Emergency work lives or dies by answering at once, so
 * response dominates there; bulk work is planned, so what counts is arriving on
 * time and right the first time.
 */
export const DEFAULT_WEIGHTS_BY_CLASS_KEY: Readonly<Record<string, ScorecardWeights>> = {
	standard: FALLBACK_WEIGHTS,
	urgent: { response: 0.3, acceptance: 0.15, onTime: 0.35, quality: 0.1, exception: 0.1 },
	bulk: { response: 0.05, acceptance: 0.1, onTime: 0.35, quality: 0.4, exception: 0.1 },
	'one-time': { response: 0.2, acceptance: 0.2, onTime: 0.25, quality: 0.25, exception: 0.1 },
	emergency: { response: 0.5, acceptance: 0.2, onTime: 0.2, quality: 0.05, exception: 0.05 },
}

/** The class's weights from `byClassKey`, else the class's default, else the fallback. */
export function weightsForClass(
	classKey: string,
	byClassKey: Readonly<Record<string, ScorecardWeights>> = DEFAULT_WEIGHTS_BY_CLASS_KEY,
): ScorecardWeights {
	return byClassKey[classKey] ?? DEFAULT_WEIGHTS_BY_CLASS_KEY[classKey] ?? FALLBACK_WEIGHTS
}

/**
 * Σ weight × metric × 100 over the metrics that are not null, divided by the sum
 * of those metrics' weights — a supplier with no closures yet is scored on what
 * it has done, not given zero for quality. Rounded half up to one decimal (after
 * dropping binary noise beyond 12 significant digits, so 84.95 stays 85.0 rather
 * than 84.9). Null when no weighted metric is present.
 */
export function scoreFor(metrics: ScorecardMetrics, weights: ScorecardWeights): number | null {
	const parts: [number, number | null][] = [
		[weights.response, metrics.responseRate],
		[weights.acceptance, metrics.acceptanceRate],
		[weights.onTime, metrics.onTimeRate],
		[weights.quality, metrics.qualityRate],
		[weights.exception, metrics.exceptionRate === null ? null : 1 - metrics.exceptionRate],
	]
	let weighted = 0
	let weightPresent = 0
	for (const [weight, value] of parts) {
		if (value === null || !(weight > 0)) continue
		weighted += weight * value
		weightPresent += weight
	}
	if (weightPresent === 0) return null
	const tenths = Number(((weighted / weightPresent) * 1000).toPrecision(12))
	return Math.round(tenths) / 10
}

/**
 * The standing a score earns: the one with the highest minScore at or below it
 * (the lowest one if the rules leave a gap at the bottom). Fewer orders than
 * `minOrders`, or no score at all, is insufficient data — the caller keeps the
 * supplier's previous standing.
 */
export function standingFor(
	score: number | null,
	orderCount: number,
	{ minOrders, standings }: { minOrders: number; standings: readonly StandingRule[] },
): StandingOutcome {
	if (orderCount < minOrders) return { kind: 'insufficient_data', reason: 'too_few_orders' }
	if (score === null) return { kind: 'insufficient_data', reason: 'no_score' }
	const descending = [...standings].sort((a, b) => b.minScore - a.minScore)
	const lowest = descending.at(-1)
	if (!lowest) throw new Error('No standings are configured.')
	return { kind: 'standing', standing: descending.find((s) => s.minScore <= score) ?? lowest }
}
