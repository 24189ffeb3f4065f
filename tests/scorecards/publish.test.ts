import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { closeOrder } from '#app/models/order/buyer-work.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { deliverOrder, startWork } from '#app/models/order/supplier-work.server.ts'
import { publishMonth } from '#app/models/scorecard/publish.server.ts'
import { recomputeScorecard, scorecardEvidence } from '#app/models/scorecard/recompute.server.ts'
import { scorecardInputsHash } from '#app/models/scorecard/scorecard-of.server.ts'
import { type Database, getDb, schema } from '#app/utils/db.server.ts'
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

/** A supplier and class with one order placed, accepted, delivered and closed in March 2031. */
async function marchWithOneClosedOrder(db: Database) {
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
	return { supplierId: s.supplier.id, orderClassId: cls.id }
}

describe('published scorecards', () => {
	test('a month is published once, cannot be changed, and recomputes from the events to the same hash', async () => {
		const db = getDb()
		const scope = await marchWithOneClosedOrder(db)

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
			.where(eq(scorecardSnapshots.supplierId, scope.supplierId))
		expect(snapshot).toMatchObject({ month: '2031-03', orderClassId: scope.orderClassId })
		expect(snapshot!.counters).toMatchObject({
			offersResolved: 1,
			offersAccepted: 1,
			deliveries: 1,
			closures: 1,
			closuresWithoutRework: 1,
		})

		const check = await recomputeScorecard(db, {
			supplierId: scope.supplierId,
			orderClassId: scope.orderClassId,
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
	test('a snapshot hashed under the first version still verifies under it', async () => {
		const db = getDb()
		const scope = await marchWithOneClosedOrder(db)
		const card = await scorecardEvidence(db, { ...scope, month: '2031-03' })
		const v1 = scorecardInputsHash(
			{ ...scope, month: '2031-03', counters: card!.counters, evidence: card!.evidence },
			1,
		)
		await db.insert(scorecardSnapshots).values({
			...scope,
			month: '2031-03',
			counters: card!.counters,
			metrics: card!.metrics,
			scoreDeci: null,
			standingKey: null,
			orderCount: 1,
			policyVersion: 1,
			inputsHash: v1,
			publishedAt: new Date('2031-04-02T00:00:00Z'),
		})
		const check = await recomputeScorecard(db, { ...scope, month: '2031-03' })
		expect(check).toMatchObject({ matches: true, differences: [] })
		expect(check.recomputed.inputsHash).toBe(v1)
		expect(card!.inputsHash).not.toBe(v1)
	})
})
