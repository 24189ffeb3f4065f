import { asc, isNull, ne } from 'drizzle-orm'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { listOrderClassesWithPolicy } from '#app/models/order-class/current-policies.server.ts'

const { categories, suppliers } = schema

/**
 * What the terms editor offers: the classes in use with the part of their current policy a term is
 * checked against, and the categories in use.
 */
export async function listTermOptions(db: Executor) {
	const [classes, categoryRows] = await Promise.all([
		listOrderClassesWithPolicy(db),
		db
			.select({ id: categories.id, name: categories.name })
			.from(categories)
			.where(isNull(categories.retiredAt))
			.orderBy(asc(categories.name)),
	])
	return {
		classes: classes.map((c) => ({
			id: c.id,
			name: c.name,
			policy: {
				className: c.name,
				ackDeadlineMinutes: c.policy.ackDeadlineMinutes,
				deliveryTargetHours: c.policy.deliveryTargetHours,
				minQuantity: c.policy.minQuantity,
				requires24x7: c.policy.requires24x7,
			},
		})),
		categories: categoryRows,
	}
}

/** Suppliers a new contract can be made with: every one that is not blocked. */
export async function listContractSupplierOptions(db: Executor) {
	return db
		.select({ id: suppliers.id, name: suppliers.name })
		.from(suppliers)
		.where(ne(suppliers.status, 'blocked'))
		.orderBy(asc(suppliers.name))
}

/** Every supplier, for the list's filter (contracts of a blocked supplier still exist). */
export async function listSupplierFilterOptions(db: Executor) {
	return db.select({ id: suppliers.id, name: suppliers.name }).from(suppliers).orderBy(asc(suppliers.name))
}
