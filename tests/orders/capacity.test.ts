import { and, eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { weekStartOf } from '#app/domain/orders/order-intake.ts'
import { cancelOrder } from '#app/models/order/buyer-work.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { capabilityWeeklyLoad } from '#db/schema/index.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	inHours,
	NOW,
	offersOf,
	orderInput,
	versionOf,
} from './fixtures.ts'

test('weekly capacity counts accepted work, excludes a supplier whose capacity is used up, and cancelling gives it back', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db)
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const small = await createCapableSupplier(db, ids, {
		name: 'Small Shop',
		weeklyCapacity: 25,
		term: { unitPriceMinor: 1_000 },
	})
	const big = await createCapableSupplier(db, ids, {
		name: 'Big Shop',
		weeklyCapacity: 10_000,
		term: { unitPriceMinor: 5_000 },
	})
	const buyer = await createBuyer(db)
	const load = async () => {
		const [row] = await db
			.select({ used: capabilityWeeklyLoad.used })
			.from(capabilityWeeklyLoad)
			.where(
				and(
					eq(capabilityWeeklyLoad.capabilityId, small.capabilityId),
					eq(capabilityWeeklyLoad.weekStart, weekStartOf(NOW)),
				),
			)
		return row?.used ?? 0
	}
	const placeAndAccept = async (at: Date) => {
		const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: at })
		const [offer] = await offersOf(db, placed.orderId)
		const winner = offer!.supplierId === small.supplier.id ? small : big
		await respondToOffer(db, {
			actor: winner.user,
			supplierId: winner.supplier.id,
			offerId: offer!.id,
			expectedVersion: await versionOf(db, placed.orderId),
			response: 'accept',
			now: at,
		})
		return { ...placed, winner: winner.supplier.id }
	}

	expect((await placeAndAccept(inHours(1))).winner).toBe(small.supplier.id)
	expect(await load()).toBe(10)
	const second = await placeAndAccept(inHours(2))
	expect(second.winner).toBe(small.supplier.id)
	expect(await load()).toBe(20)

	// 5 units left, 10 needed: Small Shop is excluded by the capacity rule and Big Shop gets the order.
	const third = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: inHours(3) })
	expect(third.routing!.offers.map((o) => o.supplierId)).toEqual([big.supplier.id])
	expect(third.routing!.excluded).toEqual([
		expect.objectContaining({
			supplierId: small.supplier.id,
			rule: 'capacity',
			reason: 'Only 5 units left this week; needs 10',
		}),
	])

	// Cancelling an accepted order releases its units.
	await cancelOrder(db, {
		actor: buyer,
		orderId: second.orderId,
		expectedVersion: await versionOf(db, second.orderId),
		reason: 'Duplicate order',
		now: inHours(4),
	})
	expect(await load()).toBe(10)
	const fourth = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: inHours(5) })
	expect(fourth.routing!.offers.map((o) => o.supplierId)).toEqual([small.supplier.id])
})

test('a capability counted in orders takes one order per unit of capacity', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db)
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const one = await createCapableSupplier(db, ids, {
		name: 'One A Week',
		weeklyCapacity: 1,
		capacityUnit: 'orders',
		term: { unitPriceMinor: 1_000 },
	})
	await createCapableSupplier(db, ids, { name: 'Backup', term: { unitPriceMinor: 9_000 } })
	const buyer = await createBuyer(db)
	const first = await placeOrder(db, { actor: buyer, input: orderInput(ids, { quantity: 500 }), now: NOW })
	expect(first.routing!.offers[0]!.supplierId).toBe(one.supplier.id)
	await respondToOffer(db, {
		actor: one.user,
		supplierId: one.supplier.id,
		offerId: first.routing!.offers[0]!.offerId,
		expectedVersion: await versionOf(db, first.orderId),
		response: 'accept',
		now: inHours(1),
	})
	const second = await placeOrder(db, {
		actor: buyer,
		input: orderInput(ids, { quantity: 1 }),
		now: inHours(2),
	})
	expect(second.routing!.excluded).toEqual([
		expect.objectContaining({
			supplierId: one.supplier.id,
			rule: 'capacity',
			reason: 'Only 0 orders left this week; needs 1',
		}),
	])
})
