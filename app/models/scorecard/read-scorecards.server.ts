import { desc } from 'drizzle-orm'
import { COUNT_KEYS, emptyCounters, type MetricCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { type ScorecardMetrics } from '#app/domain/scorecards/scorecard-metrics.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { runPrepared } from '#app/utils/prepared-statements.server.ts'
import { getScorecardPolicy, type ScorecardPolicy } from './policy.server.ts'
import { scoreCounters } from './scorecard-of.server.ts'

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

const columnOf = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
const COUNT_COLUMNS = COUNT_KEYS.map((k) => `r.${columnOf(k)}`).join(', ')

const listTexts = new Map<string, string>()

/**
 * One fixed-text prepared statement per combination of filters (each gets its own plan), with
 * as few values per row as the page needs: postgres.js parses 5,000 rows value by value, which
 * cost more than the query (and drizzle's mapping as much again). A live row's counters come as
 * one text ('counts;cycle minutes;acknowledgement minutes'), a published row's counters and
 * metrics as JSON text for JSON.parse; names come from the suppliers and classes, read once.
 */
function listText(filters: { supplier: boolean; orderClass: boolean; pairs: boolean }) {
	const key = JSON.stringify(filters)
	let text = listTexts.get(key)
	if (text) return text
	let n = 1
	const where = [
		'r.month = $1',
		filters.supplier ? `r.supplier_id = $${++n}::uuid` : null,
		filters.orderClass ? `r.order_class_id = $${++n}::uuid` : null,
		filters.pairs
			? `(r.supplier_id, r.order_class_id) in (select * from unnest($${++n}::uuid[], $${++n}::uuid[]))`
			: null,
	].filter(Boolean)
	text = `select r.supplier_id, r.order_class_id,
			case when p.id is null then concat_ws(';', concat_ws(',', ${COUNT_COLUMNS}),
				array_to_string(r.cycle_minutes, ','), array_to_string(r.change_ack_minutes, ',')) end as live,
			p.id as snapshot_id, p.counters::text as counters, p.metrics::text as metrics, p.score_deci,
			p.standing_key, p.order_count, p.policy_version
		from scorecard_monthly_rollups r
		left join scorecard_snapshots p on p.supplier_id = r.supplier_id and p.order_class_id = r.order_class_id
			and p.month = r.month
		where ${where.join(' and ')}`
	listTexts.set(key, text)
	return text
}

type ListRow = {
	supplier_id: string
	order_class_id: string
	live: string | null
	snapshot_id: string | null
	counters: string | null
	metrics: string | null
	score_deci: number | null
	standing_key: string | null
	order_count: number | null
	policy_version: number | null
}

const SUPPLIERS_TEXT = 'select id, name, regions from suppliers'
const SUPPLIER_TEXT = 'select id, name, regions from suppliers where id = $1::uuid'
const CLASSES_TEXT = 'select id, name, key from order_classes'

/**
 * A live row's counters from 'counts;cycle minutes;acknowledgement minutes' (non-negative integers),
 * read in one pass: split() and map(Number) allocated more than anything else on a 5,000-row page.
 */
function liveCounters(text: string): MetricCounters {
	const parts: number[][] = [[], [], []]
	let part = 0
	let value = -1
	for (let i = 0; i <= text.length; i++) {
		const code = i < text.length ? text.charCodeAt(i) : 59
		if (code >= 48 && code <= 57) {
			value = (value < 0 ? 0 : value * 10) + code - 48
			continue
		}
		if (value >= 0) parts[part]!.push(value)
		value = -1
		if (code === 59) part++
	}
	const [counts, cycle, ack] = parts as [number[], number[], number[]]
	const counters = emptyCounters()
	for (let i = 0; i < COUNT_KEYS.length; i++) counters[COUNT_KEYS[i]!] = counts[i] ?? 0
	counters.cycleMinutes = cycle.sort((a, b) => a - b)
	counters.changeAckMinutes = ack.sort((a, b) => a - b)
	return counters
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
		pairs,
		context,
	}: {
		month: string
		now: Date
		supplierId?: string
		orderClassId?: string
		region?: string
		/** Only these supplier × class scorecards (a page of the list). */
		pairs?: readonly { supplierId: string; orderClassId: string }[]
		/** What the caller already read with readListContext (every supplier's). */
		context?: ListContext
	},
): Promise<ScorecardRow[]> {
	const text = listText({ supplier: !!supplierId, orderClass: !!orderClassId, pairs: !!pairs })
	const params: unknown[] = [month, supplierId, orderClassId].filter((p) => p !== undefined && p !== '')
	if (pairs)
		params.push(
			pairs.map((p) => p.supplierId),
			pairs.map((p) => p.orderClassId),
		)
	const [{ policy, labels, supplierById, classById }, rows] = await Promise.all([
		context ?? readListContext(db, supplierId),
		runPrepared<ListRow>(db, text, params),
	])
	const result: ScorecardRow[] = []
	for (const row of rows) {
		const supplier = supplierById.get(row.supplier_id)
		const cls = classById.get(row.order_class_id)
		if (!supplier || !cls || (region && !supplier.regions.includes(region))) continue
		const published = row.snapshot_id !== null
		const counters = published ? (JSON.parse(row.counters!) as MetricCounters) : liveCounters(row.live!)
		const scored = published ? null : scoreCounters(counters, cls.key, policy)
		// One object literal per row, the same shape for both sources (no spreads: fewer allocations).
		result.push({
			supplierId: row.supplier_id,
			supplierName: supplier.name,
			supplierRegions: supplier.regions,
			orderClassId: row.order_class_id,
			className: cls.name,
			classKey: cls.key,
			month,
			source: published ? 'published' : 'live',
			snapshotId: row.snapshot_id,
			counters,
			metrics: scored ? scored.metrics : (JSON.parse(row.metrics!) as ScorecardMetrics),
			score: scored ? scored.score : row.score_deci === null ? null : row.score_deci / 10,
			orderCount: scored ? scored.orderCount : row.order_count!,
			standing: scored
				? scored.standing
				: row.standing_key
					? { key: row.standing_key, label: labels(row.policy_version!, row.standing_key) }
					: null,
		})
	}
	return result
}

export type ListContext = Awaited<ReturnType<typeof readListContext>>

/**
 * What scoring and naming a month's rows needs besides the rows: the policies (scorecardPolicies),
 * the suppliers (or the one given) and the classes by id.
 */
export async function readListContext(db: Executor, supplierId?: string) {
	const [policies, supplierRows, classRows] = await Promise.all([
		scorecardPolicies(db),
		supplierId
			? runPrepared<{ id: string; name: string; regions: string[] }>(db, SUPPLIER_TEXT, [supplierId])
			: runPrepared<{ id: string; name: string; regions: string[] }>(db, SUPPLIERS_TEXT, []),
		runPrepared<{ id: string; name: string; key: string }>(db, CLASSES_TEXT, []),
	])
	return {
		...policies,
		supplierById: new Map(supplierRows.map((s) => [s.id, s])),
		classById: new Map(classRows.map((c) => [c.id, c])),
	}
}

/**
 * The policy in force and the standing labels of every version, from one read of the (small)
 * policies table: a snapshot names a standing by key under its own policy version, and shows
 * the label that version gave it.
 */
async function scorecardPolicies(db: Executor) {
	const { scorecardPolicies: table } = schema
	let versions = (await db
		.select({
			version: table.version,
			weightsByClass: table.weightsByClass,
			standings: table.standings,
			minOrders: table.minOrders,
			changeNote: table.changeNote,
			createdAt: table.createdAt,
		})
		.from(table)
		.orderBy(desc(table.version))) as ScorecardPolicy[]
	// A new database has none yet: the first read stores the built-in defaults as version 1.
	if (versions.length === 0) versions = [await getScorecardPolicy(db)]
	const current = versions[0]!
	const byVersion = new Map(versions.map((v) => [v.version, v.standings]))
	const labels = (version: number, key: string) =>
		(byVersion.get(version) ?? current.standings).find((s) => s.key === key)?.label ?? key
	return { policy: current, labels }
}
