import { expect, test } from 'vitest'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { ALREADY_TAKEN_MESSAGE, respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { createDatabase } from '#db/client.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	eventTypes,
	inHours,
	NOW,
	offersOf,
	orderInput,
	orderRow,
	versionOf,
} from './fixtures.ts'

test('broadcast: two suppliers accepting at the same moment from two connection pools leave exactly one winner', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, {
		routingMode: 'broadcast',
		broadcastCount: 3,
		ackDeadlineMinutes: 30,
	})
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const suppliers = await Promise.all(
		[1, 2, 3].map((i) =>
			createCapableSupplier(db, ids, { name: `Racer ${i}`, term: { unitPriceMinor: 10_000 + i } }),
		),
	)
	const placed = await placeOrder(db, { actor: await createBuyer(db), input: orderInput(ids), now: NOW })
	expect(placed.routing!.offers).toHaveLength(3)
	const offers = await offersOf(db, placed.orderId)
	const version = await versionOf(db, placed.orderId)

	const poolA = createDatabase(process.env.DATABASE_URL!, { max: 4 })
	const poolB = createDatabase(process.env.DATABASE_URL!, { max: 4 })
	try {
		const [a, b] = [suppliers[0]!, suppliers[1]!]
		const accept = (pool: typeof poolA, s: typeof a) =>
			respondToOffer(pool, {
				actor: s.user,
				supplierId: s.supplier.id,
				offerId: offers.find((o) => o.supplierId === s.supplier.id)!.id,
				expectedVersion: version,
				response: 'accept',
				now: inHours(0.1),
			})
		const results = await Promise.allSettled([accept(poolA, a), accept(poolB, b)])

		const won = results.filter((r) => r.status === 'fulfilled')
		const lost = results.filter((r) => r.status === 'rejected')
		expect(won).toHaveLength(1)
		expect(lost).toHaveLength(1)
		expect(lost[0]!.reason).toMatchObject({ code: 'CONFLICT', message: ALREADY_TAKEN_MESSAGE })

		const winnerId = results[0]!.status === 'fulfilled' ? a.supplier.id : b.supplier.id
		const order = await orderRow(db, placed.orderId)
		expect(order).toMatchObject({
			status: 'accepted',
			assignedSupplierId: winnerId,
			agreedPriceMinor: expect.any(Number),
		})
		const after = await offersOf(db, placed.orderId)
		expect(after.filter((o) => o.response === 'accepted').map((o) => o.supplierId)).toEqual([winnerId])
		// The loser's offer and the third supplier's were withdrawn by the winning transaction.
		expect(after.filter((o) => o.response === 'withdrawn')).toHaveLength(2)
		const types = await eventTypes(db, placed.orderId)
		expect(types.filter((t) => t === 'offer_accepted')).toHaveLength(1)
		expect(types.filter((t) => t === 'offer_withdrawn')).toHaveLength(2)

		// A late accept by the third supplier hears the same news, whatever version its page had.
		const third = suppliers[2]!
		await expect(
			respondToOffer(db, {
				actor: third.user,
				supplierId: third.supplier.id,
				offerId: offers.find((o) => o.supplierId === third.supplier.id)!.id,
				expectedVersion: version,
				response: 'accept',
				now: inHours(0.2),
			}),
		).rejects.toMatchObject({ code: 'CONFLICT', message: ALREADY_TAKEN_MESSAGE })
	} finally {
		await Promise.all([poolA.$client.end(), poolB.$client.end()])
	}
})

test('many rounds of simultaneous accepts never produce two winners', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { routingMode: 'broadcast', broadcastCount: 2 })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const [a, b] = await Promise.all([1, 2].map((i) => createCapableSupplier(db, ids, { name: `Round ${i}` })))
	const buyer = await createBuyer(db)
	const poolA = createDatabase(process.env.DATABASE_URL!, { max: 4 })
	const poolB = createDatabase(process.env.DATABASE_URL!, { max: 4 })
	try {
		for (let round = 0; round < 8; round++) {
			const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
			const offers = await offersOf(db, placed.orderId)
			const version = await versionOf(db, placed.orderId)
			const accept = (pool: typeof poolA, s: NonNullable<typeof a>) =>
				respondToOffer(pool, {
					actor: s.user,
					supplierId: s.supplier.id,
					offerId: offers.find((o) => o.supplierId === s.supplier.id)!.id,
					expectedVersion: version,
					response: 'accept',
					now: inHours(0.1),
				})
			const results = await Promise.allSettled([accept(poolA, a!), accept(poolB, b!)])
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
			const after = await offersOf(db, placed.orderId)
			expect(after.filter((o) => o.response === 'accepted')).toHaveLength(1)
		}
	} finally {
		await Promise.all([poolA.$client.end(), poolB.$client.end()])
	}
})
