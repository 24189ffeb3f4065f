import { and, asc, desc, eq, gte, lte } from 'drizzle-orm'
import { monthKeyOf } from '#app/domain/scorecards/periods.ts'
import { emptyCounters, type MetricCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { type ScorecardMetrics } from '#app/domain/scorecards/scorecard-metrics.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { getScorecardPolicy } from './policy.server.ts'
import { listMonthScorecards } from './read-scorecards.server.ts'
import { countersOfRow } from './rollups.server.ts'
import { scoreCounters } from './scorecard-of.server.ts'

const {
	orderClasses,
	scorecardMonthlyRollups,
	scorecardSnapshots,
	standingChanges,
	supplierStandings,
	suppliers,
} = schema

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
	const months = monthsEndingAt(month, 12)
	// The supplier's rows of the twelve months, in the rollups and in the snapshots alike.
	const ofSupplierInMonths = (t: typeof scorecardMonthlyRollups | typeof scorecardSnapshots) =>
		and(eq(t.supplierId, supplierId), gte(t.month, months[0]!), lte(t.month, month))
	// Everything at once: for an unknown supplier the other reads are empty and cheap, and the page
	// saves a round trip.
	const [[supplier], policy, rows, monthly, snapshots, standings, history] = await Promise.all([
		db
			.select({ id: suppliers.id, name: suppliers.name, regions: suppliers.regions })
			.from(suppliers)
			.where(eq(suppliers.id, supplierId)),
		getScorecardPolicy(db),
		listMonthScorecards(db, { month, now, supplierId }),
		db
			.select({ rollup: scorecardMonthlyRollups, className: orderClasses.name, classKey: orderClasses.key })
			.from(scorecardMonthlyRollups)
			.innerJoin(orderClasses, eq(orderClasses.id, scorecardMonthlyRollups.orderClassId))
			.where(ofSupplierInMonths(scorecardMonthlyRollups)),
		db
			.select({
				orderClassId: scorecardSnapshots.orderClassId,
				month: scorecardSnapshots.month,
				metrics: scorecardSnapshots.metrics,
				scoreDeci: scorecardSnapshots.scoreDeci,
				orderCount: scorecardSnapshots.orderCount,
			})
			.from(scorecardSnapshots)
			.where(ofSupplierInMonths(scorecardSnapshots)),
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
	if (!supplier) return null
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
