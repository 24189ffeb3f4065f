// Read helpers for the order pages' choices (the order model has no reads for these).
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { listOrderClassesWithPolicy } from '#app/models/order-class/current-policies.server.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'

const { categories, suppliers, users } = schema

/** What the intake form offers: classes in use with their current policy's intake rules, categories, suppliers. */
export async function listOrderFormOptions(db: Executor) {
	const [classes, categoryRows, supplierRows] = await Promise.all([
		listOrderClassesWithPolicy(db),
		db
			.select({ id: categories.id, name: categories.name })
			.from(categories)
			.where(isNull(categories.retiredAt))
			.orderBy(asc(categories.name)),
		listActiveSupplierOptions(db),
	])
	return {
		classes: classes.map((c) => ({
			id: c.id,
			key: c.key,
			name: c.name,
			description: c.description,
			minQuantity: c.policy.minQuantity,
			justificationRequired: c.policy.justificationRequired,
			requires24x7: c.policy.requires24x7,
			ackDeadlineMinutes: c.policy.ackDeadlineMinutes,
			currency: c.policy.currency,
		})),
		categories: categoryRows,
		suppliers: supplierRows,
	}
}

/** Active suppliers by name: a preferred supplier, or a manual assignment. */
export async function listActiveSupplierOptions(db: Executor) {
	return db
		.select({ id: suppliers.id, name: suppliers.name })
		.from(suppliers)
		.where(eq(suppliers.status, 'active'))
		.orderBy(asc(suppliers.name))
}

/** The name of one supplier (null when there is none), for a filter that names it. */
export async function supplierNameOf(db: Executor, supplierId: string | undefined) {
	if (!supplierId) return null
	const [row] = await db.select({ name: suppliers.name }).from(suppliers).where(eq(suppliers.id, supplierId))
	return row?.name ?? null
}

/** Every supplier by name, for a filter select. */
export async function listSupplierNames(db: Executor) {
	return db.select({ id: suppliers.id, name: suppliers.name }).from(suppliers).orderBy(asc(suppliers.name))
}

/** People who can own an exception: buyers and admins who can sign in. */
export async function listActiveBuyers(db: Executor) {
	return db
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(and(inArray(users.role, ['buyer', 'admin']), isNull(users.disabledAt)))
		.orderBy(asc(users.name))
}
