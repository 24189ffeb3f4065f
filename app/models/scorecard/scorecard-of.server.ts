import { createHash } from 'node:crypto'
import { canonicalJson } from '#app/domain/audit/canonical-json.ts'
import { type ScorecardEvidence } from '#app/domain/scorecards/order-history-facts.ts'
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
 * The hash a published snapshot carries: of its scope, its counters and every
 * event id its evidence names. Recomputing from the events yields the same hash
 * exactly when the same events produce the same numbers.
 */
export function scorecardInputsHash({
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
}): string {
	const eventIds = new Set<number>()
	for (const list of Object.values(evidence) as unknown[]) collectEventIds(list, eventIds)
	const inputs = { supplierId, orderClassId, month, counters, eventIds: [...eventIds].sort((a, b) => a - b) }
	return createHash('sha256').update(canonicalJson(inputs)).digest('hex')
}

function collectEventIds(value: unknown, into: Set<number>) {
	if (Array.isArray(value)) {
		for (const item of value) collectEventIds(item, into)
		return
	}
	if (value && typeof value === 'object') {
		const ids = (value as { eventIds?: unknown }).eventIds
		if (Array.isArray(ids))
			for (const id of ids)
				if (typeof id === 'number') into.add(id)
				else for (const member of Object.values(value)) collectEventIds(member, into)
	}
}
