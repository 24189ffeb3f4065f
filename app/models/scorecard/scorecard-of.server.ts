import { createHash } from 'node:crypto'
import { canonicalJson } from '#app/domain/audit/canonical-json.ts'
import { type EvidenceItem, type ScorecardEvidence } from '#app/domain/scorecards/order-history-facts.ts'
import { scoreFor, standingFor, weightsForClass } from '#app/domain/scorecards/score-and-standing.ts'
import { type MetricCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import {
	metricsFromCounters,
	orderCountOf,
	type ScorecardMetrics,
} from '#app/domain/scorecards/scorecard-metrics.ts'
import { type ScorecardPolicy } from './policy.server.ts'

export type ScoredCounters = {
	metrics: ScorecardMetrics
	score: number | null
	orderCount: number
	/** null: insufficient data (too few orders, or nothing weighted to score). */
	standing: { key: string; label: string } | null
}

/** A scorecard's metrics, score and standing from its counters, under one policy version. */
export function scoreCounters(
	counters: MetricCounters,
	classKey: string,
	policy: ScorecardPolicy,
): ScoredCounters {
	const metrics = metricsFromCounters(counters)
	const orderCount = orderCountOf(counters)
	// Below the policy's minimum of orders there is no score at all, not just no standing:
	// a 47 from one late delivery would read as a verdict the data cannot carry.
	const score =
		orderCount < policy.minOrders ? null : scoreFor(metrics, weightsForClass(classKey, policy.weightsByClass))
	const outcome = standingFor(score, orderCount, policy)
	return {
		metrics,
		score,
		orderCount,
		standing:
			outcome.kind === 'standing' ? { key: outcome.standing.key, label: outcome.standing.label } : null,
	}
}

/**
 * How a snapshot's inputs hash was computed. Version 1 (hashes without a prefix) named only the
 * events behind the minute lists — a slip that let a rate's events change unnoticed; version 2
 * (`v2:` prefix) names every event behind every number. Snapshots are immutable, so each keeps
 * its version and is verified under it.
 */
export type InputsHashVersion = 1 | 2
export const CURRENT_INPUTS_HASH_VERSION: InputsHashVersion = 2

export function inputsHashVersionOf(hash: string): InputsHashVersion {
	return hash.startsWith('v2:') ? 2 : 1
}

/**
 * The hash a published snapshot carries: of its scope, its counters and the event ids its
 * evidence names. Recomputing from the events yields the same hash exactly when the same
 * events produce the same numbers.
 */
export function scorecardInputsHash(
	{
		supplierId,
		orderClassId,
		month,
		counters,
		evidence,
	}: {
		supplierId: string
		orderClassId: string
		month: string
		counters: MetricCounters
		evidence: ScorecardEvidence
	},
	version: InputsHashVersion = CURRENT_INPUTS_HASH_VERSION,
): string {
	const eventIds = new Set<number>()
	for (const item of hashedItems(evidence, version)) for (const id of item.eventIds) eventIds.add(id)
	const inputs = { supplierId, orderClassId, month, counters, eventIds: [...eventIds].sort((a, b) => a - b) }
	const digest = createHash('sha256').update(canonicalJson(inputs)).digest('hex')
	return version === 1 ? digest : `v${version}:${digest}`
}

function hashedItems(evidence: ScorecardEvidence, version: InputsHashVersion): EvidenceItem[] {
	const minuteLists = [...evidence.cycleMinutes, ...evidence.changeAckMinutes]
	if (version === 1) return minuteLists
	const rates = [
		evidence.responseRate,
		evidence.acceptanceRate,
		evidence.onTimeRate,
		evidence.qualityRate,
		evidence.exceptionRate,
	]
	// A rate's numerator is a subset of its denominator: the denominators name every rate event.
	return [...minuteLists, ...rates.flatMap((rate) => rate.denominator)]
}
