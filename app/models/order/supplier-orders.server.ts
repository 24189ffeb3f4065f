import { and, asc, count, desc, eq, gt, inArray, or, sql } from 'drizzle-orm'
import { orderEventLabel } from '#app/domain/orders/order-events.ts'
import { availableActions, ORDER_STATUSES, type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import { countAhead } from '#app/utils/count-ahead.server.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { type ListCount } from '#app/utils/paging.ts'
import { supplierWorkRank } from '#db/schema/orders.ts'
import { assertUuid } from './order-row.server.ts'

const { categories, orderClasses, orderEvents, orderOffers, orders } = schema

/** Supplier-side reads: always scoped by the session's supplier id. */
type SupplierScope = { supplierId: string }

function isUuid(id: string) {
	try {
		assertUuid(id)
		return true
	} catch {
		return false
	}
}

const inboxWhere = (supplierId: string, now: Date) =>
	and(
		eq(orderOffers.supplierId, supplierId),
		eq(orderOffers.response, 'pending'),
		gt(orderOffers.expiresAt, now),
	)

/**
 * The supplier's open offers: emergency first (by the class's priority rank),
 * then the nearest deadline, with the seconds left for the live countdown.
 */
export async function listSupplierInbox(
	db: Executor,
	{
		supplierId,
		now = new Date(),
		limit = 25,
		offset = 0,
	}: SupplierScope & { now?: Date; limit?: number; offset?: number },
) {
	if (!isUuid(supplierId)) return []
	const rows = await db
		.select({
			offerId: orderOffers.id,
			orderId: orders.id,
			orderNumber: orders.number,
			orderVersion: orders.version,
			status: orders.status,
			className: orderClasses.name,
			classKey: orderClasses.key,
			priorityRank: orderClasses.priorityRank,
			categoryName: categories.name,
			quantity: orders.quantity,
			unit: orders.unit,
			description: orders.description,
			region: orders.region,
			neededBy: orders.neededBy,
			currency: orders.currency,
			priceMinor: orderOffers.priceMinor,
			offeredAt: orderOffers.offeredAt,
			expiresAt: orderOffers.expiresAt,
			overrideReason: orderOffers.overrideReason,
			changePendingSince: orders.changePendingSince,
		})
		.from(orderOffers)
		.innerJoin(orders, eq(orders.id, orderOffers.orderId))
		.innerJoin(orderClasses, eq(orderClasses.id, orders.orderClassId))
		.innerJoin(categories, eq(categories.id, orders.categoryId))
		.where(inboxWhere(supplierId, now))
		.orderBy(asc(orderClasses.priorityRank), asc(orderOffers.expiresAt), asc(orders.number))
		.limit(limit)
		.offset(offset)
	return rows.map((r) => ({
		...r,
		isEmergency: r.classKey === 'emergency',
		secondsLeft: Math.max(0, Math.floor((r.expiresAt.getTime() - now.getTime()) / 1000)),
	}))
}

export async function countSupplierInbox(
	db: Executor,
	{ supplierId, now = new Date() }: SupplierScope & { now?: Date },
) {
	if (!isUuid(supplierId)) return 0
	const [row] = await db.select({ n: count() }).from(orderOffers).where(inboxWhere(supplierId, now))
	return row?.n ?? 0
}

const ordersWhere = (supplierId: string, status?: string | null) =>
	and(
		eq(orders.assignedSupplierId, supplierId),
		status
			? (ORDER_STATUSES as readonly string[]).includes(status)
				? eq(orders.status, status as OrderStatus)
				: sql`false`
			: undefined,
	)

/** Orders the supplier won (accepted and after), active ones first by needed-by. */
export async function listSupplierOrders(
	db: Executor,
	{
		supplierId,
		status,
		limit = 25,
		offset = 0,
	}: SupplierScope & { status?: string | null; limit?: number; offset?: number },
) {
	if (!isUuid(supplierId)) return []
	// In the order of the orders_supplier_work_idx index: a page is read from it, not sorted.
	return db
		.select({
			id: orders.id,
			number: orders.number,
			status: orders.status,
			version: orders.version,
			className: orderClasses.name,
			classKey: orderClasses.key,
			priorityRank: orderClasses.priorityRank,
			categoryName: categories.name,
			quantity: orders.quantity,
			unit: orders.unit,
			region: orders.region,
			neededBy: orders.neededBy,
			currency: orders.currency,
			agreedPriceMinor: orders.agreedPriceMinor,
			acceptedAt: orders.acceptedAt,
			deliveredAt: orders.deliveredAt,
			changePendingSince: orders.changePendingSince,
			changeAckDueAt: orders.changeAckDueAt,
		})
		.from(orders)
		.innerJoin(orderClasses, eq(orderClasses.id, orders.orderClassId))
		.innerJoin(categories, eq(categories.id, orders.categoryId))
		.where(ordersWhere(supplierId, status))
		.orderBy(supplierWorkRank(orders), asc(orders.neededBy), desc(orders.number))
		.limit(limit)
		.offset(offset)
}

export async function countSupplierOrders(
	db: Executor,
	{ supplierId, status, offset = 0 }: SupplierScope & { status?: string | null; offset?: number },
): Promise<ListCount> {
	if (!isUuid(supplierId)) return { total: 0, more: false }
	return countAhead(db, orders, ordersWhere(supplierId, status), offset)
}

export type SupplierOrderAction =
	| 'accept'
	| 'decline'
	| 'start_work'
	| 'post_update'
	| 'deliver'
	| 'resume_work'
	| 'acknowledge_change'

/**
 * One order as its supplier sees it — only when the supplier has (or had) an
 * offer for it; otherwise null (the route answers 404). Only the supplier's own
 * offers and the events about it: never other suppliers' names or scores.
 */
export async function getOrderForSupplier(
	db: Executor,
	{ supplierId, orderId, now = new Date() }: SupplierScope & { orderId: string; now?: Date },
) {
	if (!isUuid(supplierId) || !isUuid(orderId)) return null
	const myOffers = await db
		.select({
			id: orderOffers.id,
			response: orderOffers.response,
			priceMinor: orderOffers.priceMinor,
			offeredAt: orderOffers.offeredAt,
			expiresAt: orderOffers.expiresAt,
			respondedAt: orderOffers.respondedAt,
			declineReason: orderOffers.declineReason,
			overrideReason: orderOffers.overrideReason,
		})
		.from(orderOffers)
		.where(and(eq(orderOffers.orderId, orderId), eq(orderOffers.supplierId, supplierId)))
		.orderBy(desc(orderOffers.offeredAt))
	if (myOffers.length === 0) return null

	const [[order], events] = await Promise.all([
		db
			.select({
				id: orders.id,
				number: orders.number,
				status: orders.status,
				version: orders.version,
				className: orderClasses.name,
				classKey: orderClasses.key,
				priorityRank: orderClasses.priorityRank,
				categoryName: categories.name,
				quantity: orders.quantity,
				unit: orders.unit,
				description: orders.description,
				justification: orders.justification,
				region: orders.region,
				neededBy: orders.neededBy,
				currency: orders.currency,
				assignedSupplierId: orders.assignedSupplierId,
				agreedPriceMinor: orders.agreedPriceMinor,
				deliveredQuantity: orders.deliveredQuantity,
				acceptedAt: orders.acceptedAt,
				deliveredAt: orders.deliveredAt,
				closedAt: orders.closedAt,
				cancelReason: orders.cancelReason,
				changePendingSince: orders.changePendingSince,
				changeAckDueAt: orders.changeAckDueAt,
			})
			.from(orders)
			.innerJoin(orderClasses, eq(orderClasses.id, orders.orderClassId))
			.innerJoin(categories, eq(categories.id, orders.categoryId))
			.where(eq(orders.id, orderId)),
		db
			.select({
				id: orderEvents.id,
				type: orderEvents.type,
				fromStatus: orderEvents.fromStatus,
				toStatus: orderEvents.toStatus,
				actorRole: orderEvents.actorRole,
				data: orderEvents.data,
				occurredAt: orderEvents.occurredAt,
			})
			.from(orderEvents)
			.where(
				and(
					eq(orderEvents.orderId, orderId),
					or(eq(orderEvents.supplierId, supplierId), inArray(orderEvents.type, ['placed', 'cancelled'])),
				),
			)
			.orderBy(desc(orderEvents.occurredAt), desc(orderEvents.id)),
	])
	if (!order) return null
	const assignedToMe = order.assignedSupplierId === supplierId
	const pendingOffer =
		myOffers.find((o) => o.response === 'pending' && o.expiresAt.getTime() > now.getTime()) ?? null
	const { assignedSupplierId: _assigned, ...visible } = order
	return {
		order: {
			...visible,
			assignedToMe,
			// Another supplier's price is not this supplier's business.
			agreedPriceMinor: assignedToMe ? order.agreedPriceMinor : null,
			secondsLeft: pendingOffer
				? Math.floor((pendingOffer.expiresAt.getTime() - now.getTime()) / 1000)
				: null,
		},
		pendingOffer,
		offers: myOffers,
		events: events.map((e) => ({
			...e,
			label: orderEventLabel(e.type),
			// Data of events about this supplier only; the buyer's own notes on placing stay out.
			data: e.type === 'placed' ? {} : (e.data as Record<string, unknown>),
		})),
		actions: supplierActionsFor(order.status, {
			assignedToMe,
			hasPendingOffer: pendingOffer !== null,
			changePending: order.changePendingSince !== null,
		}),
	}
}

export function supplierActionsFor(
	status: OrderStatus,
	{
		assignedToMe,
		hasPendingOffer,
		changePending,
	}: { assignedToMe: boolean; hasPendingOffer: boolean; changePending: boolean },
): SupplierOrderAction[] {
	if (hasPendingOffer && status === 'offered')
		return changePending ? ['accept', 'decline', 'acknowledge_change'] : ['accept', 'decline']
	if (!assignedToMe) return []
	const allowed = availableActions(status, 'supplier')
	const actions: SupplierOrderAction[] = []
	if (allowed.includes('start_work')) actions.push('start_work')
	if (allowed.includes('resume_work')) actions.push('resume_work')
	if (allowed.includes('deliver')) actions.push('deliver')
	if (allowed.includes('post_update')) actions.push('post_update')
	if (changePending && allowed.includes('reacknowledge_change')) actions.push('acknowledge_change')
	return actions
}

export type SupplierOrderPage = NonNullable<Awaited<ReturnType<typeof getOrderForSupplier>>>
