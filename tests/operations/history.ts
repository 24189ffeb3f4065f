// Hand-made order histories for the operations tests: a class and category of the test's own, so
// the figures for that class are exactly what these orders give, whatever else the worker's
// database holds. Times are hours before NOW; every order has a placed event at its placing time.
import { expect } from 'vitest'
import { type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import { type Executor, getDb } from '#app/utils/db.server.ts'
import { OrderListQuerySchema } from '#app/schemas/order.ts'
import { operationsListFilters } from '#app/schemas/order-list-filters.ts'
import { listOrders } from '#app/models/order/list-orders.server.ts'
import {
	insertOffer,
	insertOrder,
	insertOrderEvent,
	insertOrderException,
	type NewOffer,
} from '#tests/factories/orders.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { createCategory, createOrderClass } from '#tests/orders/fixtures.ts'

/** A Wednesday; the 30-day window is 2031-05-20 … 2031-06-18. */
export const NOW = new Date('2031-06-18T12:00:00Z')
export const DAY = 24
export const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000)
const MINUTE = 1 / 60

export async function createWorld(db: Executor = getDb()) {
	const category = await createCategory(db)
	const cls = await createOrderClass(db)
	const supplier = await insertSupplier(db)
	return { db, ids: { categoryId: category.id, orderClassId: cls.id }, cls, supplier }
}
export type World = Awaited<ReturnType<typeof createWorld>>

type EventSpec = { type: string; at: number; data?: Record<string, unknown>; bySupplier?: boolean }
type OfferSpec = {
	at: number
	response: NewOffer['response']
	/** Hours after the offer; defaults to half an hour (the offer runs for one). */
	answeredAfter?: number
	manual?: boolean
}

/** One order placed `placedAgo` hours before NOW, with its events, offers and exceptions. */
export async function historyOrder(
	w: World,
	{
		placedAgo,
		status,
		closedAgo,
		events = [],
		offers = [],
		exceptions = [],
	}: {
		placedAgo: number
		status: OrderStatus
		closedAgo?: number
		events?: EventSpec[]
		offers?: OfferSpec[]
		exceptions?: ('open' | 'resolved')[]
	},
) {
	const placedAt = ago(placedAgo)
	const order = await insertOrder(w.db, {
		...w.ids,
		status,
		createdAt: placedAt,
		submittedAt: placedAt,
		closedAt: closedAgo === undefined ? null : ago(closedAgo),
		assignedSupplierId: status === 'submitted' ? null : w.supplier.id,
	})
	const all: EventSpec[] = [
		{ type: 'placed', at: placedAgo },
		...events,
		...(closedAgo === undefined ? [] : [{ type: 'closed', at: closedAgo, bySupplier: true }]),
	]
	for (const e of all) {
		await insertOrderEvent(w.db, {
			orderId: order.id,
			type: e.type,
			occurredAt: ago(e.at),
			data: e.data ?? {},
			supplierId: e.bySupplier ? w.supplier.id : null,
		})
	}
	for (const f of offers) {
		const offeredAt = ago(f.at)
		await insertOffer(w.db, {
			orderId: order.id,
			supplierId: w.supplier.id,
			offeredAt,
			expiresAt: new Date(offeredAt.getTime() + 3_600_000),
			response: f.response,
			respondedAt:
				f.response === 'pending'
					? null
					: new Date(offeredAt.getTime() + (f.answeredAfter ?? 0.5) * 3_600_000),
			overrideReason: f.manual ? 'Assigned by hand' : null,
		})
	}
	for (const state of exceptions) {
		await insertOrderException(w.db, {
			orderId: order.id,
			kind: 'missing_information',
			status: state,
			openedAt: placedAt,
			resolvedAt: state === 'resolved' ? ago(placedAgo - 1) : null,
		})
	}
	return order
}

/**
 * The known history (30-day window 2031-05-20 … 2031-06-18, UTC). Expected figures for the class:
 * cycle time over o1, o2, o3 = 2, 15 and 38 days; rework on o2 and o3 (o5's is outside);
 * placed in the window o1, o2, o6, o7, o8, o9, o10, o12 (exceptions on o1 and o6);
 * counted offers f1 (o1, on time), f2 (o2, declined), f9 (o2, late), f3 (o7, expired), f7 (o8, on time);
 * changes acknowledged after 45 (o8), 120 (o7, from the later request) and 30 minutes (o12, the
 * unroutable edit does not count); cancellations o9 after 90 minutes and o13 after 49 days;
 * open o6 (2 h), o7 (2 days), o12 (5 days), o8 (10 days), o11 (45 days).
 */
export async function buildKnownHistory(w: World) {
	const o1 = await historyOrder(w, {
		placedAgo: 10 * DAY,
		status: 'closed',
		closedAgo: 8 * DAY,
		exceptions: ['resolved'],
		offers: [{ at: 10 * DAY - 1, response: 'accepted' }],
	})
	const o2 = await historyOrder(w, {
		placedAgo: 20 * DAY,
		status: 'closed',
		closedAgo: 5 * DAY,
		events: [{ type: 'rework_requested', at: 6 * DAY }],
		offers: [
			{ at: 20 * DAY - 1, response: 'declined' },
			// Accepted after its expiry: Procura refuses that, but the figure must not count it as on time.
			{ at: 20 * DAY - 3, response: 'accepted', answeredAfter: 2 },
		],
	})
	const o3 = await historyOrder(w, {
		placedAgo: 40 * DAY,
		status: 'closed',
		closedAgo: 2 * DAY,
		exceptions: ['resolved'],
		events: [
			{ type: 'rework_requested', at: 3 * DAY },
			{ type: 'change_requested', at: 39 * DAY + 1 },
			{ type: 'change_acknowledged', at: 39 * DAY, bySupplier: true },
		],
		offers: [{ at: 40 * DAY - 1, response: 'accepted' }],
	})
	const o5 = await historyOrder(w, {
		placedAgo: 60 * DAY,
		status: 'closed',
		closedAgo: 35 * DAY,
		events: [{ type: 'rework_requested', at: 36 * DAY }],
	})
	const o6 = await historyOrder(w, { placedAgo: 2, status: 'submitted', exceptions: ['open'] })
	const o7 = await historyOrder(w, {
		placedAgo: 2 * DAY,
		status: 'offered',
		events: [
			{ type: 'change_requested', at: 2 * DAY - 0.5 },
			{ type: 'change_requested', at: 2 * DAY - 1.5 },
			{ type: 'change_acknowledged', at: 2 * DAY - 3.5, bySupplier: true },
		],
		offers: [
			{ at: 2 * DAY - 0.2, response: 'expired' },
			{ at: 2 * DAY - 0.3, response: 'pending' },
		],
	})
	const o8 = await historyOrder(w, {
		placedAgo: 10 * DAY,
		status: 'in_progress',
		events: [
			{ type: 'change_requested', at: 9 * DAY },
			{ type: 'change_acknowledged', at: 9 * DAY - 45 * MINUTE, bySupplier: true },
		],
		offers: [
			{ at: 10 * DAY - 1, response: 'withdrawn' },
			{ at: 10 * DAY - 2, response: 'accepted' },
		],
	})
	const o9 = await historyOrder(w, {
		placedAgo: 4 * DAY,
		status: 'cancelled',
		events: [{ type: 'cancelled', at: 4 * DAY - 1.5 }],
	})
	const o10 = await historyOrder(w, { placedAgo: 29 * DAY - 12, status: 'rejected' })
	const o11 = await historyOrder(w, { placedAgo: 45 * DAY, status: 'delivered' })
	const o12 = await historyOrder(w, {
		placedAgo: 5 * DAY,
		status: 'rework_requested',
		events: [
			{ type: 'change_requested', at: 4 * DAY },
			{ type: 'change_requested', at: 4 * DAY - 10 * MINUTE, data: { edit: true } },
			{ type: 'change_acknowledged', at: 4 * DAY - 30 * MINUTE, bySupplier: true },
		],
		offers: [{ at: 5 * DAY - 1, response: 'accepted', manual: true }],
	})
	const o13 = await historyOrder(w, {
		placedAgo: 50 * DAY,
		status: 'cancelled',
		events: [{ type: 'cancelled', at: 1 * DAY }],
	})
	const o14 = await historyOrder(w, {
		placedAgo: 33 * DAY,
		status: 'cancelled',
		events: [{ type: 'cancelled', at: 31 * DAY }],
	})
	return { o1, o2, o3, o5, o6, o7, o8, o9, o10, o11, o12, o13, o14 }
}
export type KnownHistory = Awaited<ReturnType<typeof buildKnownHistory>>

/** The numbers of the orders a dashboard link lists, as the buyer's order list loader reads it. */
export async function ordersBehind(db: Executor, href: string, now = NOW) {
	const url = new URL(href, 'http://localhost')
	expect(url.pathname).toBe('/buyer/orders')
	const query = OrderListQuerySchema.parse(Object.fromEntries(url.searchParams))
	const page = await listOrders(db, {
		orderClassId: query.orderClassId,
		status: query.status,
		...operationsListFilters(query),
		limit: 100,
		now,
	})
	expect(page.total).toBe(page.rows.length)
	return page.rows.map((r) => r.number).sort()
}

export function numbers(...orders: { number: string }[]) {
	return orders.map((o) => o.number).sort()
}
