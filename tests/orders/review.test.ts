import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { getOrderForBuyer } from '#app/models/order/order-page.server.ts'
import { OWN_ORDER_REVIEW_MESSAGE, reviewOrder } from '#app/models/order/review-order.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { orderExceptions } from '#db/schema/index.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	eventTypes,
	footprint,
	inHours,
	NOW,
	offersOf,
	orderInput,
	orderRow,
	versionOf,
} from './fixtures.ts'

async function overThreshold() {
	const db = getDb()
	const category = await createCategory(db)
	// 10 × €100 = €1,000 against a €500 threshold.
	const cls = await createOrderClass(db, { approvalThresholdMinor: 50_000 })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const supplier = await createCapableSupplier(db, ids, { term: { unitPriceMinor: 10_000 } })
	const placer = await createBuyer(db)
	const placed = await placeOrder(db, { actor: placer, input: orderInput(ids), now: NOW })
	return { db, ids, supplier, placer, placed }
}

test('an order over the approval threshold waits for a second buyer, who approves it, and it routes', async () => {
	const { db, supplier, placer, placed } = await overThreshold()
	expect(placed.status).toBe('in_review')
	expect(placed.reviewReasons).toEqual(['Estimated value above the class approval threshold (500 EUR)'])
	expect(placed.routing).toBeNull()
	expect(await offersOf(db, placed.orderId)).toEqual([])
	expect(await eventTypes(db, placed.orderId)).toEqual([
		'placed',
		'submitted',
		'sent_to_review',
		'exception_opened',
	])
	const [exception] = await db
		.select()
		.from(orderExceptions)
		.where(eq(orderExceptions.orderId, placed.orderId))
	expect(exception).toMatchObject({ kind: 'large_value', status: 'open' })
	// The placer was told it waits for review.
	expect((await footprint(db, { id: placed.orderId, number: placed.number })).emails).toBe(1)

	// The buyer who placed it cannot approve it; the page does not offer it either.
	const version = await versionOf(db, placed.orderId)
	await expect(
		reviewOrder(db, {
			actor: placer,
			orderId: placed.orderId,
			expectedVersion: version,
			decision: 'approve',
			now: inHours(1),
		}),
	).rejects.toMatchObject({ code: 'FORBIDDEN', message: OWN_ORDER_REVIEW_MESSAGE })
	expect((await orderRow(db, placed.orderId)).version).toBe(version)
	expect(
		(await getOrderForBuyer(db, { orderId: placed.orderId, viewerId: placer.id }))!.actions,
	).not.toContain('approve')

	const reviewer = await createBuyer(db)
	expect((await getOrderForBuyer(db, { orderId: placed.orderId, viewerId: reviewer.id }))!.actions).toEqual(
		expect.arrayContaining(['approve', 'reject']),
	)
	const reviewed = await reviewOrder(db, {
		actor: reviewer,
		orderId: placed.orderId,
		expectedVersion: version,
		decision: 'approve',
		reason: 'Budgeted for Q1',
		now: inHours(1),
	})
	expect(reviewed.status).toBe('offered')
	expect(reviewed.routing!.offers.map((o) => o.supplierId)).toEqual([supplier.supplier.id])
	expect(await orderRow(db, placed.orderId)).toMatchObject({
		reviewedByUserId: reviewer.id,
		reviewNote: 'Budgeted for Q1',
	})
	expect((await eventTypes(db, placed.orderId)).slice(4)).toEqual([
		'approved',
		'exception_resolved',
		'routed',
		'offered',
	])
	const [resolved] = await db
		.select()
		.from(orderExceptions)
		.where(eq(orderExceptions.orderId, placed.orderId))
	expect(resolved).toMatchObject({ status: 'resolved', resolvedByUserId: reviewer.id })
})

test('a second buyer rejects with a reason; without one nothing changes', async () => {
	const { db, placed } = await overThreshold()
	const reviewer = await createBuyer(db)
	const version = await versionOf(db, placed.orderId)
	await expect(
		reviewOrder(db, {
			actor: reviewer,
			orderId: placed.orderId,
			expectedVersion: version,
			decision: 'reject',
			reason: ' ',
			now: inHours(1),
		}),
	).rejects.toMatchObject({ code: 'RULE_VIOLATION', field: 'reason' })
	const rejected = await reviewOrder(db, {
		actor: reviewer,
		orderId: placed.orderId,
		expectedVersion: version,
		decision: 'reject',
		reason: 'Too expensive for this quarter',
		now: inHours(1),
	})
	expect(rejected.status).toBe('rejected')
	expect(rejected.routing).toBeNull()
})

test('intake errors come back per field and place nothing', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { minQuantity: 500, justificationRequired: true })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	await createCapableSupplier(db, ids, { leadTimeHours: 48 })
	const buyer = await createBuyer(db)
	const error = await placeOrder(db, {
		actor: buyer,
		input: orderInput(ids, { quantity: 20, neededBy: inHours(10), justification: 'short' }),
		now: NOW,
	}).catch((e: unknown) => e)
	expect(error).toMatchObject({ code: 'RULE_VIOLATION' })
	expect((error as { details: { field: string }[] }).details.map((d) => d.field)).toEqual([
		'quantity',
		'neededBy',
		'justification',
	])
})

test('a quantity far above the newest orders of its class and category waits for review; other categories do not count', async () => {
	const db = getDb()
	const cls = await createOrderClass(db)
	const [usual, other] = [await createCategory(db), await createCategory(db)]
	const ids = { orderClassId: cls.id, categoryId: usual.id }
	const otherIds = { orderClassId: cls.id, categoryId: other.id }
	await createCapableSupplier(db, ids, { weeklyCapacity: 1_000_000 })
	await createCapableSupplier(db, otherIds, { weeklyCapacity: 1_000_000 })
	const buyer = await createBuyer(db)
	const place = (at: Date, where: typeof ids, quantity: number) =>
		placeOrder(db, { actor: buyer, input: orderInput(where, { quantity }), now: at })

	// No history yet: nothing to compare with.
	expect((await place(NOW, ids, 10)).status).toBe('offered')
	// Another category's 600 says nothing about this one: 60 is 6 × this category's largest, 10.
	expect((await place(inHours(1), otherIds, 600)).status).toBe('offered')
	const unusual = await place(inHours(2), ids, 60)
	expect(unusual.status).toBe('in_review')
	expect(unusual.reviewReasons).toEqual(['Quantity far above earlier orders (largest so far 10)'])
})

test('the quantity history is the newest 20 orders of the class in the category', async () => {
	const db = getDb()
	const cls = await createOrderClass(db)
	const category = await createCategory(db)
	const ids = { orderClassId: cls.id, categoryId: category.id }
	await createCapableSupplier(db, ids, { weeklyCapacity: 1_000_000 })
	const buyer = await createBuyer(db)
	const place = (hour: number, quantity: number) =>
		placeOrder(db, { actor: buyer, input: orderInput(ids, { quantity }), now: inHours(hour) })
	await place(0, 100)
	for (let hour = 1; hour <= 20; hour++) await place(hour, 2)
	// The 100 is the 21st newest now: the largest of the newest 20 is 2, and 11 is more than 5 × 2.
	const placed = await place(21, 11)
	expect(placed.reviewReasons).toEqual(['Quantity far above earlier orders (largest so far 2)'])
})
