import { and, asc, desc, eq, gte, lte, sql } from 'drizzle-orm'
import { countersFromHistories, type ScorecardEvidence } from '#app/domain/scorecards/order-history-facts.ts'
import { monthPeriod, monthKeyOf } from '#app/domain/scorecards/periods.ts'
import { emptyCounters, type MetricCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { type ScorecardMetrics } from '#app/domain/scorecards/scorecard-metrics.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { loadHistories } from './histories.server.ts'
import { getScorecardPolicy, type ScorecardPolicy } from './policy.server.ts'
import { countersOfRow } from './rollups.server.ts'
import { scoreCounters, scorecardInputsHash } from './scorecard-of.server.ts'

const {
	orderClasses,
	scorecardMonthlyRollups,
	scorecardSnapshots,
	standingChanges,
	supplierStandings,
	suppliers,
} = schema

export type ScorecardRow = {
	supplierId: string
	supplierName: string
	supplierRegions: string[]
	orderClassId: string
	className: string
	classKey: string
	month: string
	source: 'published' | 'live'
	snapshotId: string | null
	counters: MetricCounters
	metrics: ScorecardMetrics
	score: number | null
	orderCount: number
	/** null: insufficient data. */
	standing: { key: string; label: string } | null
}

/**
 * Every supplier × class scorecard of one month: the published snapshot where
 * the month was published, else the live figures from the monthly rollup (one
 * row per supplier × class, never a scan of orders), scored with the policy in force.
 */
export async function listMonthScorecards(
	db: Executor,
	{
		month,
		supplierId,
		orderClassId,
		region,
	}: { month: string; now: Date; supplierId?: string; orderClassId?: string; region?: string },
): Promise<ScorecardRow[]> {
	const [policy, live, published] = await Promise.all([
		getScorecardPolicy(db),
		db
			.select({
				rollup: scorecardMonthlyRollups,
				supplierName: suppliers.name,
				supplierRegions: suppliers.regions,
				className: orderClasses.name,
				classKey: orderClasses.key,
			})
			.from(scorecardMonthlyRollups)
			.innerJoin(suppliers, eq(suppliers.id, scorecardMonthlyRollups.supplierId))
			.innerJoin(orderClasses, eq(orderClasses.id, scorecardMonthlyRollups.orderClassId))
			.where(
				and(
					eq(scorecardMonthlyRollups.month, month),
					supplierId ? eq(scorecardMonthlyRollups.supplierId, supplierId) : undefined,
					orderClassId ? eq(scorecardMonthlyRollups.orderClassId, orderClassId) : undefined,
					region ? sql`${region} = any(${suppliers.regions})` : undefined,
				),
			),
		db
			.select()
			.from(scorecardSnapshots)
			.where(
				and(
					eq(scorecardSnapshots.month, month),
					supplierId ? eq(scorecardSnapshots.supplierId, supplierId) : undefined,
					orderClassId ? eq(scorecardSnapshots.orderClassId, orderClassId) : undefined,
				),
			),
	])
	const snapshots = new Map(published.map((p) => [`${p.supplierId}|${p.orderClassId}`, p]))
	const labels = await standingLabels(db, policy)
	return live.map(({ rollup, supplierName, supplierRegions, className, classKey }) => {
		const base = {
			supplierId: rollup.supplierId,
			supplierName,
			supplierRegions,
			orderClassId: rollup.orderClassId,
			className,
			classKey,
			month,
		}
		const snapshot = snapshots.get(`${rollup.supplierId}|${rollup.orderClassId}`)
		if (snapshot) {
			return {
				...base,
				source: 'published' as const,
				snapshotId: snapshot.id,
				counters: snapshot.counters as MetricCounters,
				metrics: snapshot.metrics as ScorecardMetrics,
				score: snapshot.scoreDeci === null ? null : snapshot.scoreDeci / 10,
				orderCount: snapshot.orderCount,
				standing: snapshot.standingKey
					? { key: snapshot.standingKey, label: labels(snapshot.policyVersion, snapshot.standingKey) }
					: null,
			}
		}
		const counters = sortedCounters(countersOfRow(rollup))
		return {
			...base,
			source: 'live' as const,
			snapshotId: null,
			counters,
			...scoreCounters(counters, classKey, policy),
		}
	})
}

// A snapshot names a standing by key under its own policy version; show the label that version gave it.
async function standingLabels(db: Executor, current: ScorecardPolicy) {
	const versions = await db
		.select({ version: schema.scorecardPolicies.version, standings: schema.scorecardPolicies.standings })
		.from(schema.scorecardPolicies)
	const byVersion = new Map(versions.map((v) => [v.version, v.standings as { key: string; label: string }[]]))
	return (version: number, key: string) =>
		(byVersion.get(version) ?? current.standings).find((s) => s.key === key)?.label ?? key
}

function sortedCounters(c: MetricCounters): MetricCounters {
	return {
		...c,
		cycleMinutes: [...c.cycleMinutes].sort((a, b) => a - b),
		changeAckMinutes: [...c.changeAckMinutes].sort((a, b) => a - b),
	}
}

function monthsEndingAt(month: string, count: number): string[] {
	const [y, m] = month.split('-').map(Number) as [number, number]
	return Array.from({ length: count }, (_, i) => {
		const d = new Date(Date.UTC(y, m - 1 - (count - 1 - i), 1))
		return monthKeyOf(d)
	})
}

/** One supplier's page: each class's month, 12-month trends, standings in force and their history. */
export async function supplierScorecardPage(
	db: Executor,
	{ supplierId, month, now }: { supplierId: string; month: string; now: Date },
) {
	const [supplier] = await db
		.select({ id: suppliers.id, name: suppliers.name, regions: suppliers.regions })
		.from(suppliers)
		.where(eq(suppliers.id, supplierId))
	if (!supplier) return null
	const months = monthsEndingAt(month, 12)
	const [policy, rows, monthly, snapshots, standings, history] = await Promise.all([
		getScorecardPolicy(db),
		listMonthScorecards(db, { month, now, supplierId }),
		db
			.select({ rollup: scorecardMonthlyRollups, className: orderClasses.name, classKey: orderClasses.key })
			.from(scorecardMonthlyRollups)
			.innerJoin(orderClasses, eq(orderClasses.id, scorecardMonthlyRollups.orderClassId))
			.where(
				and(
					eq(scorecardMonthlyRollups.supplierId, supplierId),
					gte(scorecardMonthlyRollups.month, months[0]!),
					lte(scorecardMonthlyRollups.month, month),
				),
			),
		db
			.select()
			.from(scorecardSnapshots)
			.where(
				and(
					eq(scorecardSnapshots.supplierId, supplierId),
					gte(scorecardSnapshots.month, months[0]!),
					lte(scorecardSnapshots.month, month),
				),
			),
		db
			.select({
				orderClassId: supplierStandings.orderClassId,
				className: orderClasses.name,
				standingKey: supplierStandings.standingKey,
				standingLabel: supplierStandings.standingLabel,
				scoreDeci: supplierStandings.scoreDeci,
				since: supplierStandings.since,
			})
			.from(supplierStandings)
			.innerJoin(orderClasses, eq(orderClasses.id, supplierStandings.orderClassId))
			.where(eq(supplierStandings.supplierId, supplierId))
			.orderBy(asc(orderClasses.priorityRank)),
		db
			.select({
				orderClassId: standingChanges.orderClassId,
				className: orderClasses.name,
				fromKey: standingChanges.fromKey,
				toKey: standingChanges.toKey,
				scoreDeci: standingChanges.scoreDeci,
				reason: standingChanges.reason,
				changedAt: standingChanges.changedAt,
			})
			.from(standingChanges)
			.innerJoin(orderClasses, eq(orderClasses.id, standingChanges.orderClassId))
			.where(eq(standingChanges.supplierId, supplierId))
			.orderBy(desc(standingChanges.changedAt))
			.limit(100),
	])
	const classes = new Map<string, { className: string; classKey: string }>()
	for (const m of monthly)
		classes.set(m.rollup.orderClassId, { className: m.className, classKey: m.classKey })
	const trend = [...classes.entries()]
		.sort(([, a], [, b]) => a.className.localeCompare(b.className))
		.map(([orderClassId, { className, classKey }]) => ({
			orderClassId,
			className,
			months: months.map((key) => {
				const snapshot = snapshots.find((s) => s.orderClassId === orderClassId && s.month === key)
				if (snapshot) {
					return {
						month: key,
						metrics: snapshot.metrics as ScorecardMetrics,
						score: snapshot.scoreDeci === null ? null : snapshot.scoreDeci / 10,
						orderCount: snapshot.orderCount,
					}
				}
				const rollup = monthly.find((m) => m.rollup.orderClassId === orderClassId && m.rollup.month === key)
				const counters = rollup ? sortedCounters(countersOfRow(rollup.rollup)) : emptyCounters()
				const { metrics, score, orderCount } = scoreCounters(counters, classKey, policy)
				return { month: key, metrics, score, orderCount }
			}),
		}))
	return {
		supplier,
		rows: rows.sort((a, b) => a.className.localeCompare(b.className)),
		trend,
		standings: standings.map(({ scoreDeci, ...s }) => ({
			...s,
			score: scoreDeci === null ? null : scoreDeci / 10,
		})),
		standingHistory: history.map(({ scoreDeci, ...h }) => ({
			...h,
			score: scoreDeci === null ? null : scoreDeci / 10,
		})),
	}
}

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
	const recomputed = {
		counters: fresh?.counters ?? emptyCounters(),
		inputsHash: fresh?.inputsHash ?? '',
		score: fresh?.score ?? null,
	}
	if (!snapshot) return { snapshot: null, recomputed, matches: false, differences: [] }
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
