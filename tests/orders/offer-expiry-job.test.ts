import { and, eq, inArray } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { expireOverdueOffers } from '#app/jobs/offer-expiry.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { requestChange } from '#app/models/order/request-change.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { createDatabase } from '#db/client.ts'
import { orderEvents, orderExceptions, orderOffers } from '#db/schema/index.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	expireUntilQuiet,
	inHours,
	NOW,
	offersOf,
	orderInput,
	orderRow,
	versionOf,
} from './fixtures.ts'

test('two runners on two pools process every overdue offer exactly once', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, {
		routingMode: 'broadcast',
		broadcastCount: 2,
		ackDeadlineMinutes: 15,
	})
	const ids = { categoryId: category.id, orderClassId: cls.id }
	// Two offers per order, four suppliers so that every order can be routed again after expiry.
	await Promise.all(
		[1, 2, 3, 4].map((i) =>
			createCapableSupplier(db, ids, { name: `Sleepy ${i}`, term: { unitPriceMinor: 10_000 + i } }),
		),
	)
	const buyer = await createBuyer(db)
	const orderIds: string[] = []
	for (let i = 0; i < 12; i++) {
		orderIds.push(
			(await placeOrder(db, { actor: buyer, input: orderInput(ids), now: inHours(i / 100) })).orderId,
		)
	}
	const overdue = await db
		.select({ id: orderOffers.id })
		.from(orderOffers)
		.where(and(inArray(orderOffers.orderId, orderIds), eq(orderOffers.response, 'pending')))
	expect(overdue).toHaveLength(24)

	const poolA = createDatabase(process.env.DATABASE_URL!, { max: 4 })
	const poolB = createDatabase(process.env.DATABASE_URL!, { max: 4 })
	const later = inHours(1)
	try {
		// Small batches so both runners keep coming back while the other holds rows.
		const run = async (pool: typeof poolA) => {
			let total = 0
			for (;;) {
				const r = await expireOverdueOffers(pool, { now: later, batchSize: 3 })
				total += r.expired
				if (r.expired === 0) return total
			}
		}
		await Promise.all([run(poolA), run(poolB)])
	} finally {
		await Promise.all([poolA.$client.end(), poolB.$client.end()])
	}

	const expiredEvents = await db
		.select({ offerId: orderEvents.data })
		.from(orderEvents)
		.where(and(inArray(orderEvents.orderId, orderIds), eq(orderEvents.type, 'offer_expired')))
	const expiredIds = expiredEvents.map((e) => (e.offerId as { offerId: string }).offerId)
	// Every first-round offer expired once; second-round offers (made at `later`) are not due yet.
	expect(expiredIds).toHaveLength(24)
	expect(new Set(expiredIds)).toEqual(new Set(overdue.map((o) => o.id)))
	for (const orderId of orderIds) {
		const offers = await offersOf(db, orderId)
		expect(offers.filter((o) => o.response === 'expired')).toHaveLength(2)
		// Routed once more, to the two suppliers that had not had it.
		expect(offers.filter((o) => o.response === 'pending')).toHaveLength(2)
		const rerouted = await db
			.select()
			.from(orderEvents)
			.where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, 'routed')))
		expect(rerouted).toHaveLength(2)
	}
})

test('an expired offer cannot be accepted, and the job opens one deadline exception for a late accepted order', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { ackDeadlineMinutes: 30 })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const supplier = await createCapableSupplier(db, ids, { term: { ackSlaMinutes: 60 } })
	const placed = await placeOrder(db, {
		actor: await createBuyer(db),
		input: orderInput(ids, { neededBy: inHours(48) }),
		now: NOW,
	})
	const [offer] = await offersOf(db, placed.orderId)
	const answer = (now: Date) =>
		versionOf(db, placed.orderId).then((expectedVersion) =>
			respondToOffer(db, {
				actor: supplier.user,
				supplierId: supplier.supplier.id,
				offerId: offer!.id,
				expectedVersion,
				response: 'accept',
				now,
			}),
		)
	await expect(answer(inHours(1))).rejects.toMatchObject({
		code: 'RULE_VIOLATION',
		message: 'This offer expired at 4 March 2031 at 09:30 UTC.',
	})
	await answer(inHours(0.25))

	await expireUntilQuiet(db, inHours(47))
	expect(await db.select().from(orderExceptions).where(eq(orderExceptions.orderId, placed.orderId))).toEqual(
		[],
	)
	await expireUntilQuiet(db, inHours(49))
	await expireUntilQuiet(db, inHours(50))
	const exceptions = await db
		.select()
		.from(orderExceptions)
		.where(eq(orderExceptions.orderId, placed.orderId))
	expect(exceptions).toEqual([
		expect.objectContaining({ kind: 'deadline_breached', status: 'open', supplierId: supplier.supplier.id }),
	])
	expect((await orderRow(db, placed.orderId)).status).toBe('accepted')
})

test('the job opens one deadline exception for a change the supplier has not acknowledged in time', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { ackDeadlineMinutes: 30 })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const supplier = await createCapableSupplier(db, ids, { term: { ackSlaMinutes: 60 } })
	const buyer = await createBuyer(db)
	const placed = await placeOrder(db, {
		actor: buyer,
		input: orderInput(ids, { neededBy: inHours(96) }),
		now: NOW,
	})
	const [offer] = await offersOf(db, placed.orderId)
	await respondToOffer(db, {
		actor: supplier.user,
		supplierId: supplier.supplier.id,
		offerId: offer!.id,
		expectedVersion: await versionOf(db, placed.orderId),
		response: 'accept',
		now: inHours(0.25),
	})
	const change = await requestChange(db, {
		actor: buyer,
		orderId: placed.orderId,
		expectedVersion: await versionOf(db, placed.orderId),
		quantity: 12,
		reason: 'Two more entities joined the payroll run',
		now: inHours(1),
	})
	const exceptionsOf = () =>
		db.select().from(orderExceptions).where(eq(orderExceptions.orderId, placed.orderId))

	// Before the acknowledgement deadline nothing is flagged; after it, one exception, once.
	await expireUntilQuiet(db, new Date(change.ackDueAt.getTime() - 60_000))
	expect(await exceptionsOf()).toEqual([])
	await expireUntilQuiet(db, new Date(change.ackDueAt.getTime() + 60_000))
	await expireUntilQuiet(db, new Date(change.ackDueAt.getTime() + 120_000))
	expect(await exceptionsOf()).toEqual([
		expect.objectContaining({
			kind: 'deadline_breached',
			status: 'open',
			supplierId: supplier.supplier.id,
			detail: expect.stringMatching(/^The change requested .* was not acknowledged by .* UTC\.$/),
		}),
	])
	expect((await orderRow(db, placed.orderId)).status).toBe('accepted')
})
