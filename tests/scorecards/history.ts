// Reads scorecard inputs and rollups straight from the database, for comparing the two.
import { asc, inArray } from 'drizzle-orm'
import { countersOfRow } from '#app/models/scorecard/rollups.server.ts'
import { type OrderHistory } from '#app/domain/scorecards/order-history-facts.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'

const { orderEvents, orders, scorecardDailyRollups, scorecardMonthlyRollups } = schema

/** Whole histories of the given orders, as the scorecard domain reads them. */
export async function historiesOf(db: Executor, orderIds: string[]): Promise<OrderHistory[]> {
	if (orderIds.length === 0) return []
	const [rows, events] = await Promise.all([
		db
			.select({ id: orders.id, number: orders.number, orderClassId: orders.orderClassId })
			.from(orders)
			.where(inArray(orders.id, orderIds)),
		db.select().from(orderEvents).where(inArray(orderEvents.orderId, orderIds)).orderBy(asc(orderEvents.id)),
	])
	return rows.map((o) => ({
		orderId: o.id,
		orderNumber: o.number,
		orderClassId: o.orderClassId,
		events: events
			.filter((e) => e.orderId === o.id)
			.map((e) => ({
				id: e.id,
				orderId: e.orderId,
				type: e.type,
				supplierId: e.supplierId,
				occurredAt: e.occurredAt,
				data: e.data as Record<string, unknown>,
			})),
	}))
}

/** Rollup rows of these suppliers as sorted (supplier, class, key) → counters entries. */
export async function rollupsOf(db: Executor, supplierIds: string[], grain: 'day' | 'month') {
	const table = grain === 'day' ? scorecardDailyRollups : scorecardMonthlyRollups
	const rows = await db.select().from(table).where(inArray(table.supplierId, supplierIds))
	return rows
		.map((row) => {
			const key = 'day' in row ? row.day : row.month
			const counters = countersOfRow(row)
			counters.cycleMinutes.sort((a, b) => a - b)
			counters.changeAckMinutes.sort((a, b) => a - b)
			return { supplierId: row.supplierId, orderClassId: row.orderClassId, key, counters }
		})
		.sort((a, b) =>
			`${a.key}|${a.supplierId}|${a.orderClassId}`.localeCompare(
				`${b.key}|${b.supplierId}|${b.orderClassId}`,
			),
		)
}
