// Jobs that run late (the machine slept, the server was off): every deadline that passed meanwhile
// is processed once, oldest first — offers past their answer deadline, accepted orders past their
// needed-by, months whose scorecards are due — also with two runners (two instances) at once.
import { and, asc, eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { expireOverdueOffers } from '#app/jobs/offer-expiry.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { publishDueMonths } from '#app/models/scorecard/publish.server.ts'
import { createDatabase, type Database } from '#db/client.ts'
import { auditEvents, orderEvents, orderExceptions } from '#db/schema/index.ts'
import { createTestDatabase } from '#tests/setup/test-database.ts'
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
} from '../orders/fixtures.ts'
import { chainAuditEvents } from '#app/models/audit-event.server.ts'

// A database of its own: a late run processes every overdue row it finds, not only this file's.
let own: Awaited<ReturnType<typeof createTestDatabase>>
let db: Database
beforeAll(async () => {
	own = await createTestDatabase('late_run')
	db = createDatabase(own.url, { max: 4 })
})
afterAll(async () => {
	await db.$client.end()
	await own.drop()
})

/** 0..n-1 in an order unrelated to creation order (fixed, so a failure repeats). */
const shuffled = (n: number) => Array.from({ length: n }, (_, i) => (i * 7 + 3) % n)

async function world({ suppliers = 3, ackDeadlineMinutes = 30 } = {}) {
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { ackDeadlineMinutes })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const capable = []
	for (let i = 0; i < suppliers; i++)
		capable.push(await createCapableSupplier(db, ids, { term: { unitPriceMinor: 10_000 + i } }))
	return { ids, capable, buyer: await createBuyer(db) }
}

/** Runs `expireOverdueOffers` at `now` until a run finds nothing, as the job's drain loop does. */
async function drain(pool: Database, now: Date, batchSize: number) {
	for (;;) {
		const r = await expireOverdueOffers(pool, { now, batchSize })
		if (r.expired === 0 && r.deadlinesBreached === 0) return
	}
}

describe('overdue offers, processed a day late', () => {
	test('expire oldest deadline first, each exactly once, and the orders go to their next supplier', async () => {
		const { ids, buyer } = await world()
		// Placed one after another, but with deadlines in a different order.
		const placed: { orderId: string; offerId: string; expiresAt: Date }[] = []
		for (const k of shuffled(12)) {
			const order = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: inHours(k / 6) })
			const [offer] = await offersOf(db, order.orderId)
			placed.push({ orderId: order.orderId, offerId: offer!.id, expiresAt: offer!.expiresAt })
		}

		await drain(db, inHours(24), 5)

		const expiries = await db
			.select({ data: orderEvents.data })
			.from(orderEvents)
			.where(
				and(
					inArray(
						orderEvents.orderId,
						placed.map((p) => p.orderId),
					),
					eq(orderEvents.type, 'offer_expired'),
				),
			)
			.orderBy(asc(orderEvents.id))
		const processed = expiries.map((e) => (e.data as { offerId: string }).offerId)
		const byDeadline = [...placed].sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())
		expect(processed).toEqual(byDeadline.map((p) => p.offerId))
		for (const { orderId } of placed) {
			const offers = await offersOf(db, orderId)
			expect(offers.map((o) => o.response)).toEqual(['expired', 'pending'])
			// The next supplier gets the whole answer time, counted from when the job ran.
			expect(offers[1]!.expiresAt.getTime()).toBe(inHours(24).getTime() + 30 * 60_000)
		}
	})
})

describe('accepted orders past their needed-by, processed a month late', () => {
	async function acceptedOrders(count: number) {
		const { ids, capable, buyer } = await world({ suppliers: 1, ackDeadlineMinutes: 240 })
		const supplier = capable[0]!
		const orders: { orderId: string; neededBy: Date }[] = []
		for (const k of shuffled(count)) {
			const neededBy = inHours(24 * 7 + k)
			const { orderId } = await placeOrder(db, {
				actor: buyer,
				input: orderInput(ids, { neededBy, quantity: 1 }),
				now: NOW,
			})
			const [offer] = await offersOf(db, orderId)
			await respondToOffer(db, {
				actor: supplier.user,
				supplierId: supplier.supplier.id,
				offerId: offer!.id,
				expectedVersion: await versionOf(db, orderId),
				response: 'accept',
				now: inHours(1),
			})
			orders.push({ orderId, neededBy })
		}
		return orders
	}

	const breachesOf = (orderIds: string[]) =>
		db
			.select({ orderId: orderExceptions.orderId })
			.from(orderExceptions)
			.where(and(inArray(orderExceptions.orderId, orderIds), eq(orderExceptions.kind, 'deadline_breached')))

	test('one runner opens one breach exception per order, oldest needed-by first', async () => {
		const orders = await acceptedOrders(8)
		await drain(db, inHours(24 * 30), 3)
		const opened = await db
			.select({ orderId: orderEvents.orderId, data: orderEvents.data })
			.from(orderEvents)
			.where(
				and(
					inArray(
						orderEvents.orderId,
						orders.map((o) => o.orderId),
					),
					eq(orderEvents.type, 'exception_opened'),
				),
			)
			.orderBy(asc(orderEvents.id))
		const byNeededBy = [...orders].sort((a, b) => a.neededBy.getTime() - b.neededBy.getTime())
		expect(opened.map((e) => e.orderId)).toEqual(byNeededBy.map((o) => o.orderId))
		expect(opened.every((e) => (e.data as { kind: string }).kind === 'deadline_breached')).toBe(true)
	})

	test('two runners at once (two instances) still open exactly one per order', async () => {
		const orders = await acceptedOrders(24)
		const poolA = createDatabase(own.url, { max: 2 })
		const poolB = createDatabase(own.url, { max: 2 })
		try {
			// Batches of one, so the two keep meeting on the same rows.
			await Promise.all([drain(poolA, inHours(24 * 30), 1), drain(poolB, inHours(24 * 30), 1)])
		} finally {
			await Promise.all([poolA.$client.end(), poolB.$client.end()])
		}
		const breaches = await breachesOf(orders.map((o) => o.orderId))
		expect(breaches.map((b) => b.orderId).sort()).toEqual(orders.map((o) => o.orderId).sort())
	})
})

describe('scorecard months, after the server was off across two month ends', () => {
	test('every finished month is published, oldest first, once', async () => {
		const { ids, capable, buyer } = await world({ suppliers: 1, ackDeadlineMinutes: 240 })
		const supplier = capable[0]!
		// An answered offer in January and one in February 2031: a scorecard row for each month.
		for (const at of [new Date('2031-01-15T09:00:00Z'), new Date('2031-02-15T09:00:00Z')]) {
			const { orderId } = await placeOrder(db, {
				actor: buyer,
				input: orderInput(ids, { neededBy: new Date(at.getTime() + 14 * 86_400_000) }),
				now: at,
			})
			const [offer] = await offersOf(db, orderId)
			await respondToOffer(db, {
				actor: supplier.user,
				supplierId: supplier.supplier.id,
				offerId: offer!.id,
				expectedVersion: await versionOf(db, orderId),
				response: 'accept',
				now: new Date(at.getTime() + 3_600_000),
			})
		}

		// First run after the server comes back in April: January is not "last month" any more.
		// (This database also holds the March orders of the tests above.)
		const first = await publishDueMonths(db, { now: new Date('2031-04-10T08:00:00Z') })
		expect(first.months).toEqual(['2031-01', '2031-02', '2031-03'])
		await chainAuditEvents(db)
		const published = await db
			.select({ after: auditEvents.after })
			.from(auditEvents)
			.where(
				and(eq(auditEvents.action, 'scorecard.published'), eq(auditEvents.supplierId, supplier.supplier.id)),
			)
			.orderBy(asc(auditEvents.seq))
		expect(published.map((e) => (e.after as { month: string }).month)).toEqual(['2031-01', '2031-02'])

		expect(await publishDueMonths(db, { now: new Date('2031-04-10T08:10:00Z') })).toEqual({
			published: 0,
			months: [],
		})
	})
})
