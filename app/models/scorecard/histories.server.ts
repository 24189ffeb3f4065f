import { type OrderHistory } from '#app/domain/scorecards/order-history-facts.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { runPrepared } from '#app/utils/prepared-statements.server.ts'
import { correctedFactKeys } from './rollups.server.ts'

// A fact completes at most this long after the order's first event with the supplier (an order
// open longer still counts: it is found through the assignment).
const LOOKBACK_DAYS = 180

const HISTORIES_TEXT = `
	with mine as (
		select e.order_id from order_events e
		where e.supplier_id = $1 and e.occurred_at >= $2::timestamptz - make_interval(days => ${LOOKBACK_DAYS})
			and e.occurred_at < $2::timestamptz
		union
		select o.id from orders o where o.assigned_supplier_id = $1
	)
	select o.id as order_id, o.number, o.order_class_id, e.id::text as id, e.type, e.supplier_id,
		(extract(epoch from e.occurred_at) * 1000)::float8 as occurred_ms, e.data::text as data
	from orders o
	join mine on mine.order_id = o.id
	join order_events e on e.order_id = o.id
	where ($3::uuid is null or o.order_class_id = $3::uuid) and e.occurred_at < $2::timestamptz
	order by o.id, e.id`

// A scorecard is one supplier's, so only that supplier's corrections can take facts out of it.
const CORRECTIONS_TEXT = `select order_id, supplier_id::text || '|' || metric as key
	from scorecard_corrections where supplier_id = $1`

type Row = {
	order_id: string
	number: string
	order_class_id: string
	id: string
	type: string
	supplier_id: string | null
	occurred_ms: number
	data: string
}

/**
 * Whole histories (events before `before`) of every order the supplier was
 * offered or assigned, optionally of one class: the input of a scorecard's
 * recomputation from scratch, bounded by the supplier's own events.
 */
export async function loadHistories(
	db: Executor,
	{
		supplierId,
		orderClassId = null,
		before,
	}: { supplierId: string; orderClassId?: string | null; before: Date },
): Promise<OrderHistory[]> {
	const [rows, corrections] = await Promise.all([
		runPrepared<Row>(db, HISTORIES_TEXT, [supplierId, before.toISOString(), orderClassId]),
		runPrepared<{ order_id: string; key: string }>(db, CORRECTIONS_TEXT, [supplierId]),
	])
	const correctedByOrder = new Map<string, string[]>()
	for (const c of corrections)
		correctedByOrder.set(c.order_id, [...(correctedByOrder.get(c.order_id) ?? []), c.key])
	const histories = new Map<string, OrderHistory>()
	for (const r of rows) {
		let history = histories.get(r.order_id)
		if (!history) {
			history = {
				orderId: r.order_id,
				orderNumber: r.number,
				orderClassId: r.order_class_id,
				events: [],
				correctedFacts: correctedFactKeys(correctedByOrder.get(r.order_id) ?? []),
			}
			histories.set(r.order_id, history)
		}
		history.events.push({
			id: Number(r.id),
			orderId: r.order_id,
			type: r.type,
			supplierId: r.supplier_id,
			occurredAt: new Date(r.occurred_ms),
			data: JSON.parse(r.data) as Record<string, unknown>,
		})
	}
	return [...histories.values()]
}
