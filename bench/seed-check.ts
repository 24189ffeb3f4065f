import { and, eq, gte, lt } from 'drizzle-orm'
import { sumCounters, type MetricCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { recomputeScorecard, scorecardEvidence } from '#app/models/scorecard/recompute.server.ts'
import { countersOfRow } from '#app/models/scorecard/rollups.server.ts'
import { type Database, schema } from '#app/utils/db.server.ts'
import { type SeedInfo } from './seed-scorecards.ts'

const { scorecardDailyRollups, scorecardMonthlyRollups } = schema
const PAIRS = 6

/**
 * Compares samples of the generated rollups and snapshots with what the app computes from the
 * generated events (app/domain/scorecards via scorecardEvidence and recomputeScorecard): for a few
 * supplier × class pairs, the live month's and the current month's monthly rollup row, the sum of
 * the live month's daily rows, and the published month's snapshot (counters and inputs hash).
 */
export async function checkSamples(db: Database, info: SeedInfo) {
	// Pairs with figures in both months, spread over suppliers and classes.
	const pairs = await db.$client<{ supplier_id: string; order_class_id: string }[]>`
		select l.supplier_id, l.order_class_id from scorecard_monthly_rollups l
		join scorecard_monthly_rollups p on p.supplier_id = l.supplier_id and p.order_class_id = l.order_class_id
			and p.month = ${info.publishedMonth}
		where l.month = ${info.liveMonth}
		order by md5(l.supplier_id::text || l.order_class_id::text) limit ${PAIRS}`
	const currentMonth = info.seededAt.toISOString().slice(0, 7)
	const problems: string[] = []
	let samples = 0
	const expectEqual = (what: string, a: MetricCounters, b: MetricCounters | undefined) => {
		samples++
		if (JSON.stringify(a) !== JSON.stringify(b))
			problems.push(`${what}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`)
	}
	for (const { supplier_id: supplierId, order_class_id: orderClassId } of pairs) {
		const scope = { supplierId, orderClassId }
		for (const month of [info.liveMonth, currentMonth]) {
			const [rollup, fresh] = await Promise.all([
				monthlyCounters(db, { ...scope, month }),
				scorecardEvidence(db, { ...scope, month }),
			])
			expectEqual(`monthly rollup ${supplierId} ${orderClassId} ${month}`, rollup, fresh?.counters)
		}
		const [monthly, daily] = await Promise.all([
			monthlyCounters(db, { ...scope, month: info.liveMonth }),
			dailySum(db, { ...scope, month: info.liveMonth }),
		])
		expectEqual(`daily rows summed ${supplierId} ${orderClassId} ${info.liveMonth}`, daily, monthly)
		const recomputed = await recomputeScorecard(db, { ...scope, month: info.publishedMonth })
		samples++
		if (!recomputed.matches)
			problems.push(
				`snapshot ${supplierId} ${orderClassId} ${info.publishedMonth}: ${JSON.stringify(recomputed.differences)}`,
			)
	}
	return { samples, matched: samples - problems.length, problems }
}

function sorted(c: MetricCounters): MetricCounters {
	c.cycleMinutes.sort((a, b) => a - b)
	c.changeAckMinutes.sort((a, b) => a - b)
	return c
}

async function monthlyCounters(
	db: Database,
	{ supplierId, orderClassId, month }: { supplierId: string; orderClassId: string; month: string },
) {
	const [row] = await db
		.select()
		.from(scorecardMonthlyRollups)
		.where(
			and(
				eq(scorecardMonthlyRollups.supplierId, supplierId),
				eq(scorecardMonthlyRollups.orderClassId, orderClassId),
				eq(scorecardMonthlyRollups.month, month),
			),
		)
	return sorted(row ? countersOfRow(row) : sumCounters([]))
}

async function dailySum(
	db: Database,
	{ supplierId, orderClassId, month }: { supplierId: string; orderClassId: string; month: string },
) {
	const [y, m] = month.split('-').map(Number) as [number, number]
	const rows = await db
		.select()
		.from(scorecardDailyRollups)
		.where(
			and(
				eq(scorecardDailyRollups.supplierId, supplierId),
				eq(scorecardDailyRollups.orderClassId, orderClassId),
				gte(scorecardDailyRollups.day, `${month}-01`),
				lt(scorecardDailyRollups.day, new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10)),
			),
		)
	return sumCounters(rows.map((r) => countersOfRow(r)))
}
