import { performance } from 'node:perf_hooks'
import { eq, lte } from 'drizzle-orm'
import type postgres from 'postgres'
import { emptyEvidence, type EvidenceItem } from '#app/domain/scorecards/scorecard-evidence.ts'
import { getScorecardPolicy } from '#app/models/scorecard/policy.server.ts'
import { countersOfRow } from '#app/models/scorecard/rollups.server.ts'
import { scoreCounters, scorecardInputsHash } from '#app/models/scorecard/scorecard-of.server.ts'
import { type Database, schema } from '#app/utils/db.server.ts'

const { orderClasses, scorecardMonthlyRollups } = schema
const CHUNK = 10_000

const INSERT_TEXT = `
	insert into scorecard_snapshots (supplier_id, order_class_id, month, counters, metrics, score_deci, standing_key,
		order_count, policy_version, inputs_hash, published_at)
	select supplier_id, order_class_id, month, counters, metrics, score_deci, standing_key, order_count,
		policy_version, inputs_hash, published_at
	from json_to_recordset($1::text::json) as r(supplier_id uuid, order_class_id uuid, month text, counters jsonb,
		metrics jsonb, score_deci integer, standing_key text, order_count integer, policy_version integer,
		inputs_hash text, published_at timestamptz)`

/**
 * Publishes every month up to `lastMonth` as the monthly job would (app/models/scorecard/publish.server.ts):
 * one snapshot per monthly rollup row, scored with the policy in force by the app's own scoreCounters,
 * its inputs hash from the app's scorecardInputsHash over the facts' events (`eventIdsText` names them).
 * Counting from the plan instead of replaying each supplier's events makes it seconds, not an hour.
 */
export async function publishSnapshots(
	sql: postgres.Sql,
	db: Database,
	{ lastMonth, eventIdsText }: { lastMonth: string; eventIdsText: string },
) {
	const policy = await getScorecardPolicy(db)
	const t = performance.now()
	const [rows, idRows] = await Promise.all([
		db
			.select({ rollup: scorecardMonthlyRollups, classKey: orderClasses.key })
			.from(scorecardMonthlyRollups)
			.innerJoin(orderClasses, eq(orderClasses.id, scorecardMonthlyRollups.orderClassId))
			.where(lte(scorecardMonthlyRollups.month, lastMonth)),
		sql.unsafe<{ supplier_id: string; order_class_id: string; month: string; ids: string }[]>(eventIdsText),
	])
	const tRead = performance.now()
	if (process.env.BENCH_SEED_TRACE)
		console.log(`          ${((tRead - t) / 1000).toFixed(1)} s  rollups and event ids read`)
	const ids = new Map(idRows.map((r) => [`${r.supplier_id}|${r.order_class_id}|${r.month}`, r]))
	// The job publishes a month at a time: stored month by month, as its inserts would be.
	rows.sort((a, b) => a.rollup.month.localeCompare(b.rollup.month))
	const snapshots = rows.map(({ rollup, classKey }) => {
		const counters = countersOfRow(rollup)
		counters.cycleMinutes.sort((a, b) => a - b)
		counters.changeAckMinutes.sort((a, b) => a - b)
		const events = ids.get(`${rollup.supplierId}|${rollup.orderClassId}|${rollup.month}`)
		// scorecardInputsHash reads the set of event ids behind the whole evidence, so one item carrying them
		// all hashes alike; should that change, the seed's check against recomputeScorecard fails.
		const evidence = { ...emptyEvidence(), cycleMinutes: [{ ...item(events?.ids ?? ''), minutes: 0 }] }
		const scored = scoreCounters(counters, classKey, policy)
		const scope = { supplierId: rollup.supplierId, orderClassId: rollup.orderClassId, month: rollup.month }
		return {
			supplier_id: rollup.supplierId,
			order_class_id: rollup.orderClassId,
			month: rollup.month,
			counters,
			metrics: scored.metrics,
			score_deci: scored.score === null ? null : Math.round(scored.score * 10),
			standing_key: scored.standing?.key ?? null,
			order_count: scored.orderCount,
			policy_version: policy.version,
			inputs_hash: scorecardInputsHash({ ...scope, counters, evidence }),
			// The job publishes after the month's end plus its hour of grace.
			published_at: new Date(
				Date.parse(`${nextMonth(rollup.month)}-01T00:00:00Z`) + 65 * 60_000,
			).toISOString(),
		}
	})
	const tInsert = performance.now()
	if (process.env.BENCH_SEED_TRACE)
		console.log(`          ${((tInsert - tRead) / 1000).toFixed(1)} s  snapshots scored and hashed`)
	for (let i = 0; i < snapshots.length; i += CHUNK) {
		await sql.unsafe(INSERT_TEXT, [JSON.stringify(snapshots.slice(i, i + CHUNK))])
	}
	return snapshots.length
}

/** An evidence item carrying event ids: the hash reads only the ids, wherever in the evidence they are. */
function item(csv: string): EvidenceItem {
	const eventIds = [...new Set(csv.split(',').filter(Boolean).map(Number))].sort((a, b) => a - b)
	return { orderId: '', orderNumber: '', eventIds, at: new Date(0), detail: '' }
}

function nextMonth(month: string) {
	const [y, m] = month.split('-').map(Number) as [number, number]
	return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 7)
}
