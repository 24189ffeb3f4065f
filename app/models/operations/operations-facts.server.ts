// Reads the per-order facts of one window for the operations dashboard. Each query is bounded by the
// window, and order events are only ever read per order through (order_id, occurred_at) or per
// supplier through (supplier_id, occurred_at): a page view never reads the whole event history.
import { and, eq, gte, lt, sql } from 'drizzle-orm'
import { type OperationsFacts } from '#app/domain/operations/metrics.ts'
import { type DayRange } from '#app/domain/operations/window.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import {
	acceptedOnTimeSql,
	cancelledAtSql,
	cancelledWithin,
	closedWithin,
	countedOfferSql,
	hadExceptionSql,
	hadReworkSql,
	instantParam,
	openAgedSql,
	placedAtSql,
	placedWithin,
} from './order-filters.server.ts'

const { orderEvents, orderOffers, orders, suppliers } = schema

export async function readOperationsFacts(
	db: Executor,
	{ window, orderClassId, now }: { window: DayRange; orderClassId: string | null; now: Date },
): Promise<OperationsFacts> {
	const ofClass = orderClassId ? eq(orders.orderClassId, orderClassId) : undefined
	const [closed, placed, offers, changes, cancellations, open] = await Promise.all([
		db
			.select({
				orderClassId: orders.orderClassId,
				placedAt: placedAtSql,
				closedAt: orders.closedAt,
				hadRework: hadReworkSql,
			})
			.from(orders)
			.where(and(closedWithin(window), ofClass)),
		db
			.select({ orderClassId: orders.orderClassId, placedAt: placedAtSql, hadException: hadExceptionSql })
			.from(orders)
			.where(and(placedWithin(window), ofClass)),
		db
			.select({
				orderClassId: orders.orderClassId,
				offeredAt: orderOffers.offeredAt,
				acceptedOnTime: acceptedOnTimeSql.mapWith(Boolean),
			})
			.from(orderOffers)
			.innerJoin(orders, eq(orders.id, orderOffers.orderId))
			.where(
				and(
					gte(orderOffers.offeredAt, window.from),
					lt(orderOffers.offeredAt, window.to),
					countedOfferSql(),
					ofClass,
				),
			),
		readChanges(db, { window, orderClassId }),
		db
			.select({ orderClassId: orders.orderClassId, placedAt: placedAtSql, cancelledAt: cancelledAtSql })
			.from(orders)
			.where(and(cancelledWithin(window), ofClass)),
		db
			.select({ orderClassId: orders.orderClassId, submittedAt: orders.submittedAt })
			.from(orders)
			.where(and(openAgedSql({ now }), ofClass)),
	])
	return {
		closed: closed.map((r) => ({ ...r, closedAt: r.closedAt! })),
		placed,
		offers,
		changes,
		cancellations,
		open: open.map((r) => ({ ...r, submittedAt: r.submittedAt! })),
	}
}

type ChangeRow = { order_class_id: string; requested_at: string; acknowledged_at: string }

/**
 * Acknowledgements in the window, each with the change request it answers: the order's latest
 * change request at or before it (a new request restarts the clock, as the model's
 * changePendingSince does). Unroutable-order edits are not requests a supplier answers.
 */
async function readChanges(
	db: Executor,
	{ window, orderClassId }: { window: DayRange; orderClassId: string | null },
) {
	const rows = await db.execute<ChangeRow>(sql`
		select o.order_class_id, r.occurred_at as requested_at, a.occurred_at as acknowledged_at
		from ${suppliers} s
		join lateral (
			select e.order_id, e.occurred_at from ${orderEvents} e
			where e.supplier_id = s.id and e.occurred_at >= ${instantParam(window.from)}
				and e.occurred_at < ${instantParam(window.to)} and e.type = 'change_acknowledged'
		) a on true
		join ${orders} o on o.id = a.order_id
		join lateral (
			select q.occurred_at from ${orderEvents} q
			where q.order_id = a.order_id and q.type = 'change_requested' and q.occurred_at <= a.occurred_at
				and coalesce(q.data ->> 'edit', '') <> 'true'
			order by q.occurred_at desc limit 1
		) r on true
		${orderClassId ? sql`where o.order_class_id = ${orderClassId}` : sql``}
	`)
	return [...rows].map((r) => ({
		orderClassId: r.order_class_id,
		requestedAt: new Date(r.requested_at),
		acknowledgedAt: new Date(r.acknowledged_at),
	}))
}
