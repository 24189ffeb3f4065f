import {
	COUNT_KEYS,
	emptyCounters,
	MINUTE_LIST_KEYS,
	type MetricCounters,
} from '#app/domain/scorecards/scorecard-counters.ts'
import {
	deltaForNewEvents,
	type DayCounters,
	type ScorecardEvent,
} from '#app/domain/scorecards/order-history-facts.ts'
import { correctedFactKey } from '#app/domain/scorecards/scorecard-events.ts'
import { DISPUTE_METRICS, isDisputeMetric } from '#app/schemas/scorecard-dispute.ts'
import { type Executor, type Transaction } from '#app/utils/db.server.ts'
import { runPrepared } from '#app/utils/prepared-statements.server.ts'

/** Order events that complete a scorecard fact (app/domain/scorecards/order-facts.ts); others add nothing. */
export const COMPLETING_EVENT_TYPES: ReadonlySet<string> = new Set([
	'offer_accepted',
	'offer_declined',
	'offer_expired',
	'change_acknowledged',
	'delivered',
	'closed',
	'cancelled',
])

export type NewOrderEvent = {
	orderId: string
	type: string
	supplierId?: string | null
	occurredAt: Date
	data?: unknown
}

// Times as epoch milliseconds: drizzle's postgres.js client leaves timestamps as text.
const HISTORY_TEXT = `select o.id as order_id, o.number, o.order_class_id, e.id::text as id, e.type,
		e.supplier_id, (extract(epoch from e.occurred_at) * 1000)::float8 as occurred_ms, e.data,
		corrections.metrics as corrections
	from orders o
	left join lateral (
		select array_agg(c.supplier_id::text || '|' || c.metric) as metrics
		from scorecard_corrections c where c.order_id = o.id
	) corrections on true
	left join order_events e on e.order_id = o.id
	where o.id = any($1::uuid[])`

type HistoryRow = {
	order_id: string
	number: string
	order_class_id: string
	id: string | null
	type: string | null
	supplier_id: string | null
	occurred_ms: number | null
	data: Record<string, unknown> | string | null
	/** 'supplierId|metric' of each dispute correction on the order; null when none. */
	corrections: string[] | null
}

/**
 * Adds what new order events contribute to the daily and monthly scorecard
 * rollups, in the caller's transaction, so the rollups always equal a
 * recomputation from the committed events. Must run before the events are
 * inserted (it reads the orders' earlier history), under the orders' row locks
 * that every transition holds; only completing events cost a read.
 */
export async function addToScorecardRollups(tx: Transaction, events: readonly NewOrderEvent[]) {
	const completing = events.filter((e) => COMPLETING_EVENT_TYPES.has(e.type))
	if (completing.length === 0) return
	const orderIds = [...new Set(completing.map((e) => e.orderId))]
	const rows = await runPrepared<HistoryRow>(tx, HISTORY_TEXT, [orderIds])
	const deltas: DayCounters[] = []
	for (const orderId of orderIds) {
		const mine = rows.filter((r) => r.order_id === orderId)
		const meta = mine[0]
		if (!meta) continue
		const before: ScorecardEvent[] = mine
			.filter((r) => r.id !== null)
			.map((r) => ({
				id: Number(r.id),
				orderId,
				type: r.type!,
				supplierId: r.supplier_id,
				occurredAt: new Date(r.occurred_ms!),
				data: (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) ?? {},
			}))
		// The new rows have no ids yet; any ids after the stored ones, in journal order, order them the same way.
		let nextId = before.reduce((max, e) => Math.max(max, e.id), 0)
		const fresh = events
			.filter((e) => e.orderId === orderId)
			.map((e) => ({
				id: ++nextId,
				orderId,
				type: e.type,
				supplierId: e.supplierId ?? null,
				occurredAt: e.occurredAt,
				data: (e.data ?? {}) as Record<string, unknown>,
			}))
		deltas.push(
			...deltaForNewEvents(before, fresh, {
				orderId,
				orderNumber: meta.number,
				orderClassId: meta.order_class_id,
				correctedFacts: correctedFactKeys(meta.corrections ?? []),
			}),
		)
	}
	await upsertRollups(tx, deltas)
}

/**
 * The fact keys (see OrderHistory.correctedFacts) that 'supplierId|metric'
 * corrections take out: a corrected metric removes every fact of its kind.
 */
export function correctedFactKeys(corrections: readonly string[]): string[] {
	return corrections.flatMap((c) => {
		const [supplierId, metric] = c.split('|') as [string, string]
		return isDisputeMetric(metric) ? [correctedFactKey(supplierId, DISPUTE_METRICS[metric].factKind)] : []
	})
}

/** Adds counters to both rollups (days and the months they fall in), in key order so concurrent writers never deadlock. */
export async function upsertRollups(tx: Executor, deltas: readonly DayCounters[]) {
	if (deltas.length === 0) return
	const daily = mergeByKey(deltas.map((d) => ({ ...d, key: d.day })))
	const monthly = mergeByKey(deltas.map((d) => ({ ...d, key: d.day.slice(0, 7) })))
	await Promise.all([
		upsert(tx, 'scorecard_daily_rollups', 'day', 'date', daily),
		upsert(tx, 'scorecard_monthly_rollups', 'month', 'text', monthly),
	])
}

type Keyed = { supplierId: string; orderClassId: string; key: string; counters: MetricCounters }

function mergeByKey(rows: Keyed[]): Keyed[] {
	const merged = new Map<string, Keyed>()
	for (const row of rows) {
		const id = `${row.supplierId}|${row.orderClassId}|${row.key}`
		const seen = merged.get(id)
		if (!seen) {
			merged.set(id, { ...row, counters: { ...row.counters } })
			continue
		}
		for (const k of COUNT_KEYS) seen.counters[k] += row.counters[k]
		for (const k of MINUTE_LIST_KEYS) seen.counters[k] = [...seen.counters[k], ...row.counters[k]]
	}
	return [...merged.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, row]) => row)
}

const COLUMN_OF = Object.fromEntries(
	[...COUNT_KEYS, ...MINUTE_LIST_KEYS].map((k) => [k, k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)]),
) as Record<keyof MetricCounters, string>

const upsertTexts = new Map<string, string>()

function upsertText(table: string, keyColumn: string, keyType: string) {
	const counts = COUNT_KEYS.map((k) => COLUMN_OF[k])
	const lists = MINUTE_LIST_KEYS.map((k) => COLUMN_OF[k])
	const columns = ['supplier_id', 'order_class_id', keyColumn, ...counts, ...lists]
	const definitions = [
		'supplier_id uuid',
		'order_class_id uuid',
		`${keyColumn} ${keyType}`,
		...counts.map((c) => `${c} integer`),
		...lists.map((c) => `${c} integer[]`),
	]
	const updates = [
		...counts.map((c) => `${c} = ${table}.${c} + excluded.${c}`),
		...lists.map((c) => `${c} = ${table}.${c} || excluded.${c}`),
	]
	return `insert into ${table} (${columns.join(', ')})
		select ${columns.join(', ')} from json_to_recordset($1::text::json) as r(${definitions.join(', ')})
		on conflict (supplier_id, order_class_id, ${keyColumn}) do update set ${updates.join(', ')}`
}

async function upsert(tx: Executor, table: string, keyColumn: string, keyType: string, rows: Keyed[]) {
	const cacheKey = table
	let text = upsertTexts.get(cacheKey)
	if (!text) {
		text = upsertText(table, keyColumn, keyType)
		upsertTexts.set(cacheKey, text)
	}
	const json = rows.map((row) => {
		const record: Record<string, unknown> = {
			supplier_id: row.supplierId,
			order_class_id: row.orderClassId,
			[keyColumn]: row.key,
		}
		for (const k of [...COUNT_KEYS, ...MINUTE_LIST_KEYS]) record[COLUMN_OF[k]] = row.counters[k]
		return record
	})
	await runPrepared(tx, text, [JSON.stringify(json)])
}

/** Rollup rows as counters (the minute lists come back unsorted: callers sum them with sumCounters). */
export function countersOfRow(row: Record<string, unknown>): MetricCounters {
	const counters = emptyCounters()
	for (const k of COUNT_KEYS) counters[k] = Number(row[k] ?? 0)
	for (const k of MINUTE_LIST_KEYS) counters[k] = ((row[k] as number[] | null) ?? []).map(Number)
	return counters
}
