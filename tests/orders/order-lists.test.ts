import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { listOrders } from '#app/models/order/list-orders.server.ts'
import { countSupplierOrders, listSupplierOrders } from '#app/models/order/supplier-orders.server.ts'
import { countAhead } from '#app/utils/count-ahead.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { orders } from '#db/schema/index.ts'
import { insertOrder } from '#tests/factories/orders.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { createCategory, createOrderClass, inHours } from './fixtures.ts'

async function supplierWithOrders(statuses: (typeof orders.$inferInsert)['status'][]) {
	const db = getDb()
	const [cls, category] = [await createOrderClass(db), await createCategory(db)]
	const supplier = await insertSupplier(db, { status: 'active', regions: ['EU-West'] })
	const rows = []
	for (const [i, status] of statuses.entries()) {
		rows.push(
			await insertOrder(db, {
				orderClassId: cls.id,
				categoryId: category.id,
				assignedSupplierId: supplier.id,
				status,
				// Needed-by runs backwards, so the list's order is not the insertion order.
				neededBy: inHours(100 - i),
			}),
		)
	}
	return { db, supplier, rows }
}

test('a list counts its matches only so far past the page, and says when there are more', async () => {
	const { db, supplier } = await supplierWithOrders(Array(7).fill('closed'))
	const where = eq(orders.assignedSupplierId, supplier.id)
	expect(await countAhead(db, orders, where, 0, 5)).toEqual({ total: 5, more: true })
	expect(await countAhead(db, orders, where, 0, 6)).toEqual({ total: 6, more: true })
	expect(await countAhead(db, orders, where, 0, 7)).toEqual({ total: 7, more: false })
	// Further down the list the count reaches further: from the second page of 5 it is exact.
	expect(await countAhead(db, orders, where, 5, 5)).toEqual({ total: 7, more: false })
	expect(await countSupplierOrders(db, { supplierId: supplier.id })).toEqual({ total: 7, more: false })
	expect(await countSupplierOrders(db, { supplierId: supplier.id, status: 'accepted' })).toEqual({
		total: 0,
		more: false,
	})
})

test("the supplier's orders: its work first, then by needed-by, a page at a time", async () => {
	const { db, supplier, rows } = await supplierWithOrders([
		'closed',
		'in_progress',
		'delivered',
		'accepted',
		'rework_requested',
		'closed',
	])
	const numbers = (list: { number: string }[]) => list.map((o) => o.number)
	const byNeededBy = (list: typeof rows) =>
		[...list].sort((a, b) => a.neededBy.getTime() - b.neededBy.getTime()).map((o) => o.number)
	const working = rows.filter((o) => ['accepted', 'in_progress', 'rework_requested'].includes(o.status))
	const rest = rows.filter((o) => !working.includes(o))
	const expected = [...byNeededBy(working), ...byNeededBy(rest)]

	expect(numbers(await listSupplierOrders(db, { supplierId: supplier.id }))).toEqual(expected)
	expect(numbers(await listSupplierOrders(db, { supplierId: supplier.id, limit: 4, offset: 2 }))).toEqual(
		expected.slice(2, 6),
	)
})

test("the buyer's order list sorts by newest, by needed-by and by value (agreed price, else the estimate; none last)", async () => {
	const db = getDb()
	const [cls, category] = [await createOrderClass(db), await createCategory(db)]
	const at = (hour: number) => inHours(hour)
	const place = (hour: number, neededByHour: number, prices: { agreed?: number; estimate?: number }) =>
		insertOrder(db, {
			orderClassId: cls.id,
			categoryId: category.id,
			status: prices.agreed === undefined ? 'offered' : 'accepted',
			createdAt: at(hour),
			neededBy: at(neededByHour),
			agreedPriceMinor: prices.agreed ?? null,
			estimatedMaxMinor: prices.estimate ?? null,
		})
	const a = await place(1, 300, { agreed: 5_000, estimate: 9_000 })
	const b = await place(2, 100, { estimate: 7_000 })
	const c = await place(3, 200, {})
	const d = await place(4, 100, { agreed: 7_000 })
	const e = await place(5, 400, { estimate: 1_000 })
	const numbers = async (sort: 'newest' | 'needed_by' | 'value', offset = 0, limit = 25) =>
		(await listOrders(db, { orderClassId: cls.id, sort, limit, offset })).rows.map((o) => o.number)

	expect(await numbers('newest')).toEqual([e, d, c, b, a].map((o) => o.number))
	// Equal needed-by: the newer first.
	expect(await numbers('needed_by')).toEqual([d, b, c, a, e].map((o) => o.number))
	// a's agreed 5,000 counts, not its estimate; equal values: the newer first; c has no price at all.
	expect(await numbers('value')).toEqual([d, b, a, e, c].map((o) => o.number))
	expect(await numbers('value', 1, 2)).toEqual([b, a].map((o) => o.number))
})
