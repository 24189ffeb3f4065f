import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { getOrderForBuyer } from '#app/models/order/order-page.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { orderOffers, orders, routingDecisions } from '#db/schema/index.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	inHours,
	NOW,
	orderInput,
	seededClass,
} from './fixtures.ts'

describe('routing decision', () => {
	test('stores every candidate with its score components and every exclusion with its rule', async () => {
		const db = getDb()
		const category = await createCategory(db)
		const cls = await createOrderClass(db, { ackDeadlineMinutes: 60 })
		const ids = { categoryId: category.id, orderClassId: cls.id }
		const cheap = await createCapableSupplier(db, ids, {
			name: 'Alder Payroll',
			term: { unitPriceMinor: 10_000, ackSlaMinutes: 30 },
		})
		const dear = await createCapableSupplier(db, ids, {
			name: 'Birch Payroll',
			term: { unitPriceMinor: 12_500 },
		})
		const nordic = await createCapableSupplier(db, ids, { name: 'Cedar Nordic', regions: ['Nordics'] })
		const full = await createCapableSupplier(db, ids, { name: 'Damson Small', weeklyCapacity: 5 })
		const noContract = await createCapableSupplier(db, ids, { name: 'Elm Uncontracted', term: null })
		const slow = await createCapableSupplier(db, ids, { name: 'Fir Slow', leadTimeHours: 24 * 30 })
		const onHold = await createCapableSupplier(db, ids, { name: 'Gorse On Hold', status: 'on_hold' })
		const buyer = await createBuyer(db)

		const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })

		expect(placed.status).toBe('offered')
		expect(placed.warnings).toEqual([])
		const [decision] = await db
			.select()
			.from(routingDecisions)
			.where(eq(routingDecisions.orderId, placed.orderId))
		expect(decision).toMatchObject({
			attempt: 1,
			mode: 'cascade',
			outcome: 'offered',
			offeredSupplierIds: [cheap.supplier.id],
		})
		const candidates = decision!.candidates as {
			supplierId: string
			rank: number
			components: Record<string, number>
			priceMinor: number
		}[]
		expect(candidates.map((c) => [c.supplierId, c.rank, c.priceMinor])).toEqual([
			[cheap.supplier.id, 1, 100_000],
			[dear.supplier.id, 2, 125_000],
		])
		expect(candidates[0]!.components).toEqual({ price: 1, speed: 1, reliability: 0.5, capacity: 0.99 })
		expect(candidates[1]!.components.price).toBeCloseTo(0.8)
		const excluded = decision!.excluded as { supplierId: string; rule: string; reason: string }[]
		const rules = Object.fromEntries(excluded.map((e) => [e.supplierId, e.rule]))
		expect(rules).toEqual({
			[nordic.supplier.id]: 'region',
			[full.supplier.id]: 'capacity',
			[noContract.supplier.id]: 'no_contract',
			[slow.supplier.id]: 'lead_time',
			[onHold.supplier.id]: 'supplier_not_active',
		})
		expect(excluded.find((e) => e.rule === 'capacity')!.reason).toBe('Only 5 units left this week; needs 10')

		// The offer's deadline is the stricter of the class (60 min) and the term (30 min).
		const [offer] = await db.select().from(orderOffers).where(eq(orderOffers.orderId, placed.orderId))
		expect(offer).toMatchObject({
			supplierId: cheap.supplier.id,
			rank: 1,
			priceMinor: 100_000,
			response: 'pending',
		})
		expect(offer!.expiresAt).toEqual(new Date(NOW.getTime() + 30 * 60_000))
		const [order] = await db.select().from(orders).where(eq(orders.id, placed.orderId))
		expect(order).toMatchObject({
			estimatedMinMinor: 100_000,
			estimatedMaxMinor: 125_000,
			orderClassPolicyId: cls.policy.id,
		})
		expect(order!.number).toMatch(/^PO-2031-\d{6}$/)

		// The buyer's page reads the decision back as the "why this supplier" table.
		const page = await getOrderForBuyer(db, { orderId: placed.orderId })
		expect(page!.decisions[0]!.candidates[0]!.supplierName).toBe('Alder Payroll')
		expect(page!.decisions[0]!.excluded).toHaveLength(5)
		expect(page!.offers[0]!.supplierName).toBe('Alder Payroll')
	})

	test('an emergency class excludes suppliers that are not 24x7 and broadcasts to the top K', async () => {
		const db = getDb()
		const category = await createCategory(db)
		const cls = await createOrderClass(db, {
			requires24x7: true,
			justificationRequired: true,
			routingMode: 'broadcast',
			broadcastCount: 2,
		})
		const ids = { categoryId: category.id, orderClassId: cls.id }
		const always = await Promise.all(
			[1, 2, 3].map((i) =>
				createCapableSupplier(db, ids, {
					name: `Always ${i}`,
					available24x7: true,
					term: { unitPriceMinor: 10_000 * i, guaranteed24x7: true },
				}),
			),
		)
		const office = await createCapableSupplier(db, ids, { name: 'Office Hours', available24x7: false })
		const buyer = await createBuyer(db)

		const placed = await placeOrder(db, {
			actor: buyer,
			input: orderInput(ids, { justification: 'Payroll system outage before payday', neededBy: inHours(48) }),
			now: NOW,
		})

		expect(placed.status).toBe('offered')
		expect(placed.routing!.offers.map((o) => o.supplierId)).toEqual([
			always[0]!.supplier.id,
			always[1]!.supplier.id,
		])
		expect(placed.routing!.excluded).toEqual([
			expect.objectContaining({ supplierId: office.supplier.id, rule: 'not_24x7' }),
		])
	})

	test('one-time orders route to capable suppliers without a contract', async () => {
		const db = getDb()
		const category = await createCategory(db)
		const cls = await createOrderClass(db, { contractRequired: false })
		const ids = { categoryId: category.id, orderClassId: cls.id }
		const free = await createCapableSupplier(db, ids, { name: 'Freelance Ltd', term: null })
		const buyer = await createBuyer(db)

		const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })

		expect(placed.status).toBe('offered')
		expect(placed.routing!.offers).toEqual([
			expect.objectContaining({ supplierId: free.supplier.id, priceMinor: null }),
		])
		expect(placed.routing!.candidates[0]!.reasons[0]).toBe(
			'No contract price (capable supplier without a term)',
		)
	})

	test('the seeded one-time class does not require a contract either', async () => {
		const db = getDb()
		const category = await createCategory(db)
		const oneTime = await seededClass(db, 'one-time')
		const ids = { categoryId: category.id, orderClassId: oneTime.id }
		const free = await createCapableSupplier(db, ids, { term: null })
		const placed = await placeOrder(db, { actor: await createBuyer(db), input: orderInput(ids), now: NOW })
		expect(placed.routing!.offers.map((o) => o.supplierId)).toEqual([free.supplier.id])
	})
})
