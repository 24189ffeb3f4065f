import { expect, test } from 'vitest'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { getOrderForSupplier, listSupplierInbox } from '#app/models/order/supplier-orders.server.ts'
import { deliverOrder, startWork } from '#app/models/order/supplier-work.server.ts'
import { cancelOrder } from '#app/models/order/buyer-work.server.ts'
import { STALE_ORDER_MESSAGE } from '#app/models/order/order-row.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	footprint,
	inHours,
	NOW,
	offersOf,
	orderInput,
	orderRow,
	versionOf,
} from './fixtures.ts'

async function twoSuppliersOneOrderEach() {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db)
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const a = await createCapableSupplier(db, ids, { name: 'Supplier A', term: { unitPriceMinor: 10_000 } })
	const b = await createCapableSupplier(db, ids, { name: 'Supplier B', term: { unitPriceMinor: 20_000 } })
	const buyer = await createBuyer(db)
	// Both orders go to A first (cheaper); A declines the second so B gets it.
	const forA = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
	const forB = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
	await respondToOffer(db, {
		actor: a.user,
		supplierId: a.supplier.id,
		offerId: (await offersOf(db, forB.orderId))[0]!.id,
		expectedVersion: await versionOf(db, forB.orderId),
		response: 'decline',
		declineReason: 'Not this one',
		now: inHours(0.1),
	})
	return { db, a, b, buyer, forA, forB }
}

test('a supplier cannot answer, work on or read another supplier’s offer or order: NOT_FOUND, nothing changed', async () => {
	const { db, a, b, forB } = await twoSuppliersOneOrderEach()
	const bOffer = (await offersOf(db, forB.orderId)).find((o) => o.supplierId === b.supplier.id)!
	const before = await orderRow(db, forB.orderId)
	const trail = await footprint(db, { id: forB.orderId, number: forB.number })

	// A answers B's offer, with its own supplier id (from its session).
	await expect(
		respondToOffer(db, {
			actor: a.user,
			supplierId: a.supplier.id,
			offerId: bOffer.id,
			expectedVersion: before.version,
			response: 'accept',
			now: inHours(0.2),
		}),
	).rejects.toMatchObject({ code: 'NOT_FOUND' })
	// A user of A cannot pass B's id either: the id must be the session's.
	await expect(
		respondToOffer(db, {
			actor: a.user,
			supplierId: b.supplier.id,
			offerId: bOffer.id,
			expectedVersion: before.version,
			response: 'accept',
			now: inHours(0.2),
		}),
	).rejects.toMatchObject({ code: 'FORBIDDEN' })

	// B accepts; A then tries to work on it.
	await respondToOffer(db, {
		actor: b.user,
		supplierId: b.supplier.id,
		offerId: bOffer.id,
		expectedVersion: before.version,
		response: 'accept',
		now: inHours(0.2),
	})
	const accepted = await orderRow(db, forB.orderId)
	const afterAccept = await footprint(db, { id: forB.orderId, number: forB.number })
	await expect(
		startWork(db, {
			actor: a.user,
			supplierId: a.supplier.id,
			orderId: forB.orderId,
			expectedVersion: accepted.version,
			now: inHours(1),
		}),
	).rejects.toMatchObject({ code: 'NOT_FOUND' })
	await expect(
		deliverOrder(db, {
			actor: a.user,
			supplierId: a.supplier.id,
			orderId: forB.orderId,
			expectedVersion: accepted.version,
			deliveredQuantity: 10,
			now: inHours(1),
		}),
	).rejects.toMatchObject({ code: 'NOT_FOUND' })
	expect(await orderRow(db, forB.orderId)).toEqual(accepted)
	expect(await footprint(db, { id: forB.orderId, number: forB.number })).toEqual(afterAccept)
	expect(afterAccept.events).toBeGreaterThan(trail.events)

	// Reads: B's inbox never lists A's offers; A sees only what it had of the order B won, nothing of B.
	const inboxA = await listSupplierInbox(db, { supplierId: a.supplier.id, now: inHours(0.3) })
	expect(inboxA.map((r) => r.orderId)).not.toContain(forB.orderId)
	const seenByA = await getOrderForSupplier(db, {
		supplierId: a.supplier.id,
		orderId: forB.orderId,
		now: inHours(1),
	})
	expect(seenByA!.order.assignedToMe).toBe(false)
	expect(seenByA!.order.agreedPriceMinor).toBeNull()
	expect(seenByA!.offers.map((o) => o.response)).toEqual(['declined'])
	expect(JSON.stringify(seenByA)).not.toContain(b.supplier.id)
	expect(JSON.stringify(seenByA)).not.toContain('Supplier B')
	expect(seenByA!.actions).toEqual([])
	// A supplier that never had an offer for the order cannot read it at all.
	const stranger = await createCapableSupplier(db, {
		categoryId: (await orderRow(db, forB.orderId)).categoryId,
		orderClassId: accepted.orderClassId,
	})
	expect(
		await getOrderForSupplier(db, { supplierId: stranger.supplier.id, orderId: forB.orderId }),
	).toBeNull()
	expect(
		await getOrderForSupplier(db, { supplierId: stranger.supplier.id, orderId: 'not-a-uuid' }),
	).toBeNull()
})

test('a stale version is refused with CONFLICT and changes nothing', async () => {
	const { db, a, buyer, forA } = await twoSuppliersOneOrderEach()
	const offer = (await offersOf(db, forA.orderId))[0]!
	const version = await versionOf(db, forA.orderId)
	// The buyer changes the order (cancel attempt with a stale version first).
	await expect(
		cancelOrder(db, {
			actor: buyer,
			orderId: forA.orderId,
			expectedVersion: version - 1,
			reason: 'Not needed',
			now: inHours(0.2),
		}),
	).rejects.toMatchObject({ code: 'CONFLICT', message: STALE_ORDER_MESSAGE })
	await respondToOffer(db, {
		actor: a.user,
		supplierId: a.supplier.id,
		offerId: offer.id,
		expectedVersion: version,
		response: 'accept',
		now: inHours(0.2),
	})
	const before = await orderRow(db, forA.orderId)
	const trail = await footprint(db, { id: forA.orderId, number: forA.number })
	// The supplier's page was built before the accept: its start is refused.
	await expect(
		startWork(db, {
			actor: a.user,
			supplierId: a.supplier.id,
			orderId: forA.orderId,
			expectedVersion: version,
			now: inHours(1),
		}),
	).rejects.toMatchObject({ code: 'CONFLICT', message: STALE_ORDER_MESSAGE })
	await expect(
		cancelOrder(db, {
			actor: buyer,
			orderId: forA.orderId,
			expectedVersion: version,
			reason: 'Changed our mind',
			now: inHours(1),
		}),
	).rejects.toMatchObject({ code: 'CONFLICT' })
	expect(await orderRow(db, forA.orderId)).toEqual(before)
	expect(await footprint(db, { id: forA.orderId, number: forA.number })).toEqual(trail)
	// With the current version it works.
	await startWork(db, {
		actor: a.user,
		supplierId: a.supplier.id,
		orderId: forA.orderId,
		expectedVersion: before.version,
		now: inHours(1),
	})
	expect((await orderRow(db, forA.orderId)).status).toBe('in_progress')
})
