import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { closeOrder } from '#app/models/order/buyer-work.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { deliverOrder, startWork } from '#app/models/order/supplier-work.server.ts'
import { publishMonth } from '#app/models/scorecard/publish.server.ts'
import { recomputeScorecard } from '#app/models/scorecard/recompute.server.ts'
import { getDb, schema } from '#app/utils/db.server.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	inHours,
	offersOf,
	orderInput,
	versionOf,
} from '../orders/fixtures.ts'

const { scorecardSnapshots } = schema

describe('published scorecards', () => {
	test('a month is published once, cannot be changed, and recomputes from the events to the same hash', async () => {
		const db = getDb()
		const category = await createCategory(db)
		const cls = await createOrderClass(db, { ackDeadlineMinutes: 240 })
		const ids = { categoryId: category.id, orderClassId: cls.id }
		const s = await createCapableSupplier(db, ids, { name: 'Monthly Ledger Co' })
		const buyer = await createBuyer(db)
		const call = { actor: s.user, supplierId: s.supplier.id }
		// fixtures' NOW is 2031-03-04: the whole journey happens in March 2031.
		const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: inHours(0) })
		const offerId = (await offersOf(db, placed.orderId))[0]!.id
		const orderId = placed.orderId
		await respondToOffer(db, {
			...call,
			offerId,
			expectedVersion: await versionOf(db, orderId),
			response: 'accept',
			now: inHours(1),
		})
		await startWork(db, { ...call, orderId, expectedVersion: await versionOf(db, orderId), now: inHours(2) })
		await deliverOrder(db, {
			...call,
			orderId,
			expectedVersion: await versionOf(db, orderId),
			deliveredQuantity: 10,
			now: inHours(30),
		})
		await closeOrder(db, {
			actor: buyer,
			orderId,
			expectedVersion: await versionOf(db, orderId),
			now: inHours(40),
		})

		// Not before the month is over (and its grace hour has passed).
		expect(await publishMonth(db, { month: '2031-03', now: new Date('2031-04-01T00:30:00Z') })).toEqual({
			published: 0,
		})
		const first = await publishMonth(db, { month: '2031-03', now: new Date('2031-04-02T00:00:00Z') })
		expect(first.published).toBeGreaterThanOrEqual(1)
		expect(await publishMonth(db, { month: '2031-03', now: new Date('2031-04-03T00:00:00Z') })).toEqual({
			published: 0,
		})

		const [snapshot] = await db
			.select()
			.from(scorecardSnapshots)
			.where(eq(scorecardSnapshots.supplierId, s.supplier.id))
		expect(snapshot).toMatchObject({ month: '2031-03', orderClassId: cls.id })
		expect(snapshot!.counters).toMatchObject({
			offersResolved: 1,
			offersAccepted: 1,
			deliveries: 1,
			closures: 1,
			closuresWithoutRework: 1,
		})

		const check = await recomputeScorecard(db, {
			supplierId: s.supplier.id,
			orderClassId: cls.id,
			month: '2031-03',
		})
		expect(check).toMatchObject({ matches: true, differences: [] })
		expect(check.recomputed.inputsHash).toBe(snapshot!.inputsHash)

		await expect(
			db.$client`update scorecard_snapshots set score_deci = 1000 where id = ${snapshot!.id}`,
		).rejects.toThrow(/immutable/)
		await expect(db.$client`delete from scorecard_snapshots where id = ${snapshot!.id}`).rejects.toThrow(
			/immutable/,
		)
	})
})
