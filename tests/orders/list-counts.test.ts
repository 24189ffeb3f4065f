import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
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
