// A scorecard recomputed from the order events: the evidence behind every number, and the
// comparison of a published snapshot with a fresh recomputation.
import { and, eq } from 'drizzle-orm'
import { countersFromHistories, type ScorecardEvidence } from '#app/domain/scorecards/order-history-facts.ts'
import { monthPeriod } from '#app/domain/scorecards/periods.ts'
import { emptyCounters, type MetricCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { type ScorecardMetrics } from '#app/domain/scorecards/scorecard-metrics.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { loadHistories } from './histories.server.ts'
import { getScorecardPolicy } from './policy.server.ts'
import { inputsHashVersionOf, scoreCounters, scorecardInputsHash } from './scorecard-of.server.ts'

const { orderClasses, scorecardSnapshots, suppliers } = schema

/**
 * One scorecard recomputed from the order events, with the evidence behind every
 * number: the orders and events in each numerator and denominator.
 */
export async function scorecardEvidence(
	db: Executor,
	{ supplierId, orderClassId, month }: { supplierId: string; orderClassId: string; month: string },
): Promise<null | {
	supplierName: string
	className: string
	classKey: string
	counters: MetricCounters
	metrics: ScorecardMetrics
	evidence: ScorecardEvidence
	inputsHash: string
	score: number | null
}> {
	const [[supplier], [cls], policy] = await Promise.all([
		db.select({ name: suppliers.name }).from(suppliers).where(eq(suppliers.id, supplierId)),
		db
			.select({ name: orderClasses.name, key: orderClasses.key })
			.from(orderClasses)
			.where(eq(orderClasses.id, orderClassId)),
		getScorecardPolicy(db),
	])
	if (!supplier || !cls) return null
	const period = monthPeriod(month)
	const histories = await loadHistories(db, { supplierId, orderClassId, before: period.to })
	const { counters, evidence } = countersFromHistories(histories, {
		supplierId,
		orderClassId,
		from: period.from,
		to: period.to,
	})
	const { metrics, score } = scoreCounters(counters, cls.key, policy)
	return {
		supplierName: supplier.name,
		className: cls.name,
		classKey: cls.key,
		counters,
		metrics,
		evidence,
		score,
		inputsHash: scorecardInputsHash({ supplierId, orderClassId, month, counters, evidence }),
	}
}

const COMPARED_FIELDS = [
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
	'cycleMinutes',
	'changeAckMinutes',
] as const

/** A published snapshot (if any) beside a recomputation from the events: match, or every difference. */
export async function recomputeScorecard(
	db: Executor,
	{ supplierId, orderClassId, month }: { supplierId: string; orderClassId: string; month: string },
) {
	const [[snapshot], fresh] = await Promise.all([
		db
			.select()
			.from(scorecardSnapshots)
			.where(
				and(
					eq(scorecardSnapshots.supplierId, supplierId),
					eq(scorecardSnapshots.orderClassId, orderClassId),
					eq(scorecardSnapshots.month, month),
				),
			),
		scorecardEvidence(db, { supplierId, orderClassId, month }),
	])
	if (!snapshot) {
		const recomputed = {
			counters: fresh?.counters ?? emptyCounters(),
			inputsHash: fresh?.inputsHash ?? '',
			score: fresh?.score ?? null,
		}
		return { snapshot: null, recomputed, matches: false, differences: [] }
	}
	// Hashed the way the snapshot was, so one published before the hash covered every event still verifies.
	const recomputed = {
		counters: fresh?.counters ?? emptyCounters(),
		inputsHash: fresh
			? scorecardInputsHash(
					{ supplierId, orderClassId, month, counters: fresh.counters, evidence: fresh.evidence },
					inputsHashVersionOf(snapshot.inputsHash),
				)
			: '',
		score: fresh?.score ?? null,
	}
	const published = snapshot.counters as MetricCounters
	const differences: { field: string; published: string; recomputed: string }[] = COMPARED_FIELDS.flatMap(
		(field) => {
			const [a, b] = [JSON.stringify(published[field]), JSON.stringify(recomputed.counters[field])]
			return a === b ? [] : [{ field, published: a, recomputed: b }]
		},
	)
	if (snapshot.inputsHash !== recomputed.inputsHash)
		differences.push({
			field: 'inputsHash',
			published: snapshot.inputsHash,
			recomputed: recomputed.inputsHash,
		})
	return {
		snapshot: {
			id: snapshot.id,
			publishedAt: snapshot.publishedAt,
			policyVersion: snapshot.policyVersion,
			inputsHash: snapshot.inputsHash,
			counters: published,
			score: snapshot.scoreDeci === null ? null : snapshot.scoreDeci / 10,
			standingKey: snapshot.standingKey,
		},
		recomputed,
		matches: differences.length === 0,
		differences,
	}
}
