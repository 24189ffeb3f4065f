import { sql } from 'drizzle-orm'
import { weekStartOf } from '#app/domain/orders/order-intake.ts'
import { type Transaction } from '#app/utils/db.server.ts'

/**
 * Adds to (or, negative, releases from) the capacity a supplier committed in
 * the week of `at` for the order's (category, class): `units` for a capability
 * counted in units, `orders` for one counted in orders. One upsert; the row is
 * per (capability, week), so concurrent accepts add up instead of overwriting.
 */
export async function addCapacityLoad(
	tx: Transaction,
	{
		supplierId,
		categoryId,
		orderClassId,
		at,
		units,
		orders,
	}: {
		supplierId: string
		categoryId: string
		orderClassId: string
		at: Date
		units: number
		orders: number
	},
) {
	if (units === 0 && orders === 0) return
	await tx.execute(sql`
		insert into capability_weekly_load (capability_id, week_start, used)
		select c.id, ${weekStartOf(at)}::date, case when c.capacity_unit = 'units' then ${units}::int else ${orders}::int end
		from supplier_capabilities c
		where c.supplier_id = ${supplierId} and c.category_id = ${categoryId} and c.order_class_id = ${orderClassId}
		on conflict (capability_id, week_start)
		do update set used = greatest(0, capability_weekly_load.used + excluded.used)`)
}

/** Whether a database error is a unique violation, optionally of one constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
	for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
		const pg = e as { code?: string; constraint_name?: string }
		if (pg.code === '23505') return constraint === undefined || pg.constraint_name === constraint
	}
	return false
}
