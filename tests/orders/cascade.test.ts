import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { orderExceptions, routingDecisions } from '#db/schema/index.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	eventTypes,
	expireUntilQuiet,
	footprint,
	inHours,
	NOW,
	offersOf,
	orderInput,
	orderRow,
	versionOf,
} from './fixtures.ts'

test('cascade: a decline and an expiry pass the order down the ranking, and the last decline makes it unroutable', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { ackDeadlineMinutes: 60, routingMode: 'cascade' })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const [first, second, third] = await Promise.all(
		[100, 110, 120].map((price, i) =>
			createCapableSupplier(db, ids, {
				name: `Cascade ${i + 1}`,
				term: { unitPriceMinor: price * 100, ackSlaMinutes: 120 },
			}),
		),
	)
	const buyer = await createBuyer(db)

	const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
	const order = { id: placed.orderId, number: placed.number }
	expect(placed.status).toBe('offered')
	expect((await offersOf(db, order.id)).map((o) => o.supplierId)).toEqual([first!.supplier.id])
	let before = await footprint(db, order)
	expect(before).toEqual({ events: 4, audits: 4, emails: 1 })

	// 1. The first supplier declines: offered to the second; the buyer hears of the decline, the second of its offer.
	const declined = await respondToOffer(db, {
		actor: first!.user,
		supplierId: first!.supplier.id,
		offerId: (await offersOf(db, order.id))[0]!.id,
		expectedVersion: await versionOf(db, order.id),
		response: 'decline',
		declineReason: 'No payroll staff free that week',
		now: inHours(0.1),
	})
	expect(declined.status).toBe('offered')
	expect(declined.rerouted!.offers.map((o) => o.supplierId)).toEqual([second!.supplier.id])
	let after = await footprint(db, order)
	expect(after).toEqual({ events: before.events + 3, audits: before.audits + 3, emails: before.emails + 2 })
	before = after

	// 2. The second lets its offer expire; the job (with the clock after the deadline) offers it to the third.
	const secondOffer = (await offersOf(db, order.id))[1]!
	expect(secondOffer.expiresAt).toEqual(new Date(inHours(0.1).getTime() + 60 * 60_000))
	await expireUntilQuiet(db, inHours(2))
	const offers = await offersOf(db, order.id)
	expect(offers.map((o) => [o.supplierId, o.response])).toEqual([
		[first!.supplier.id, 'declined'],
		[second!.supplier.id, 'expired'],
		[third!.supplier.id, 'pending'],
	])
	after = await footprint(db, order)
	expect(after).toEqual({ events: before.events + 3, audits: before.audits + 3, emails: before.emails + 2 })
	before = after

	// 3. The third declines: nobody is left, so the order is unroutable and an exception is opened for the buyer.
	const last = await respondToOffer(db, {
		actor: third!.user,
		supplierId: third!.supplier.id,
		offerId: offers[2]!.id,
		expectedVersion: await versionOf(db, order.id),
		response: 'decline',
		declineReason: 'Out of capacity',
		now: inHours(2.5),
	})
	expect(last.status).toBe('unroutable')
	expect(last.rerouted).toMatchObject({ outcome: 'unroutable', offers: [] })
	after = await footprint(db, order)
	// offer_declined, routed, unroutable (+ exception_opened, audited on the exception); declined + exception emails.
	expect(after).toEqual({ events: before.events + 4, audits: before.audits + 3, emails: before.emails + 2 })

	expect((await orderRow(db, order.id)).status).toBe('unroutable')
	const exceptions = await db.select().from(orderExceptions).where(eq(orderExceptions.orderId, order.id))
	expect(exceptions).toEqual([
		expect.objectContaining({ kind: 'unroutable', status: 'open', ownerUserId: buyer.id }),
	])
	const [lastDecision] = await db
		.select()
		.from(routingDecisions)
		.where(and(eq(routingDecisions.orderId, order.id), eq(routingDecisions.attempt, 4)))
	expect(lastDecision!.outcome).toBe('unroutable')
	expect(lastDecision!.excluded).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ supplierId: first!.supplier.id, rule: 'already_declined' }),
			expect.objectContaining({
				supplierId: second!.supplier.id,
				rule: 'already_declined',
				reason: 'Let an earlier offer for this order expire',
			}),
			expect.objectContaining({ supplierId: third!.supplier.id, rule: 'already_declined' }),
		]),
	)
	expect(await eventTypes(db, order.id)).toEqual([
		'placed',
		'submitted',
		'routed',
		'offered',
		'offer_declined',
		'routed',
		'offered',
		'offer_expired',
		'routed',
		'offered',
		'offer_declined',
		'routed',
		'unroutable',
		'exception_opened',
	])
})
