// The conditions behind each operations figure, as SQL on `orders`. The dashboard's queries and the
// buyer's order list (app/models/order/list-orders.server.ts) both use these, so a figure and the
// list it links to count the same orders. Every value goes in as a parameter.
import { and, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, sql, type SQLWrapper } from 'drizzle-orm'
import { FINISHED_STATUSES } from '#app/domain/operations/backlog.ts'
import { ORDER_STATUSES, type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import { schema } from '#app/utils/db.server.ts'

const { orderEvents, orderExceptions, orderOffers, orders } = schema

/** A half-open instant range [from, to). */
export type InstantRange = { from?: Date; to?: Date }

/** Statuses of open work, listed so the (status, needed_by) index can serve them. */
export const OPEN_STATUSES: OrderStatus[] = ORDER_STATUSES.filter(
	(s) => !(FINISHED_STATUSES as readonly OrderStatus[]).includes(s),
)

/** When the order was placed: its submission (orders placed through the model always have one). */
export const placedAtSql = sql<Date>`coalesce(${orders.submittedAt}, ${orders.createdAt})`.mapWith(
	orders.submittedAt,
)

/** An instant as a parameter, encoded like a timestamptz column (a bare Date cannot be sent in raw SQL). */
export function instantParam(at: Date) {
	return sql.param(at, orders.submittedAt)
}

function within(expression: SQLWrapper, { from, to }: InstantRange) {
	return and(
		from ? gte(expression, instantParam(from)) : undefined,
		to ? lt(expression, instantParam(to)) : undefined,
	)
}

/** Closed, with closedAt in the range. */
export function closedWithin(range: InstantRange) {
	// 'closed' as a literal, not a parameter: so every plan can read the orders_closed_idx partial index.
	return and(sql`${orders.status} = 'closed'`, isNotNull(orders.closedAt), within(orders.closedAt, range))
}

/** Placed in the range. */
export function placedWithin(range: InstantRange) {
	return within(sql`coalesce(${orders.submittedAt}, ${orders.createdAt})`, range)
}

/**
 * The buyer asked for rework at least once. The range on occurred_at (every event of an order comes
 * after its creation) keeps the subquery correlated on (order_id, occurred_at): without it PostgreSQL
 * may hash every rework event ever recorded instead of probing the index per order.
 */
export const hadReworkSql = sql<boolean>`exists (select 1 from ${orderEvents} where ${and(
	eq(orderEvents.orderId, orders.id),
	gte(orderEvents.occurredAt, orders.createdAt),
	eq(orderEvents.type, 'rework_requested'),
)})`.mapWith(Boolean)

/** The order has had an exception, open or resolved. */
export const hadExceptionSql = sql<boolean>`exists (select 1 from ${orderExceptions} where ${eq(
	orderExceptions.orderId,
	orders.id,
)})`.mapWith(Boolean)

/** Outcomes that count for on-time release; withdrawn and pending offers never had their chance. */
export const COUNTED_OFFER_RESPONSES = ['accepted', 'declined', 'expired'] as const

/**
 * A supplier's answer that counts for on-time release: offered by the router (not a buyer's manual
 * assignment, which no supplier had to answer), with an accepted, declined or expired outcome.
 */
export function countedOfferSql() {
	return and(isNull(orderOffers.overrideReason), inArray(orderOffers.response, [...COUNTED_OFFER_RESPONSES]))
}

/** Accepted at or before the offer's expiry. */
export const acceptedOnTimeSql = sql<boolean>`(${orderOffers.response} = 'accepted' and ${orderOffers.respondedAt} <= ${orderOffers.expiresAt})`

/** The order had a counted offer made in the range (one accepted on time, when asked). */
export function offeredWithin(range: InstantRange, { acceptedOnTime = false } = {}) {
	return sql`exists (select 1 from ${orderOffers} where ${and(
		eq(orderOffers.orderId, orders.id),
		within(orderOffers.offeredAt, range),
		countedOfferSql(),
		acceptedOnTime ? acceptedOnTimeSql : undefined,
	)})`
}

/** A supplier acknowledged a change to the order in the range. */
export function changeAcknowledgedWithin(range: InstantRange) {
	return sql`exists (select 1 from ${orderEvents} where ${and(
		eq(orderEvents.orderId, orders.id),
		eq(orderEvents.type, 'change_acknowledged'),
		// The dashboard finds acknowledgements through (supplier_id, occurred_at); each has its supplier.
		isNotNull(orderEvents.supplierId),
		within(orderEvents.occurredAt, range),
	)})`
}

/**
 * When the order was cancelled (its cancelled event). A scalar subquery runs per order, through
 * (order_id, occurred_at), so bounding it by the window never reads other orders' events.
 */
export const cancelledAtSql =
	sql<Date>`(select min(${orderEvents.occurredAt}) from ${orderEvents} where ${and(
		eq(orderEvents.orderId, orders.id),
		gte(orderEvents.occurredAt, orders.createdAt),
		eq(orderEvents.type, 'cancelled'),
	)})`.mapWith(orders.submittedAt)

/** Cancelled (the (status, needed_by) index finds them), with its cancelled event in the range. */
export function cancelledWithin(range: InstantRange) {
	return and(eq(orders.status, 'cancelled'), within(cancelledAtSql, range))
}

/**
 * Open (not closed, cancelled or rejected) and submitted between `maxHours` (excluded) and `minHours`
 * (included) hours before `now`; see app/domain/operations/backlog.ts for the buckets.
 */
export function openAgedSql({
	minHours,
	maxHours,
	now,
}: {
	minHours?: number
	maxHours?: number
	now: Date
}) {
	const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000)
	return and(
		inArray(orders.status, OPEN_STATUSES),
		isNotNull(orders.submittedAt),
		// 0 means any age, so an order stamped a moment ahead of this clock is still listed.
		minHours ? lte(orders.submittedAt, hoursAgo(minHours)) : undefined,
		maxHours !== undefined ? gt(orders.submittedAt, hoursAgo(maxHours)) : undefined,
	)
}
