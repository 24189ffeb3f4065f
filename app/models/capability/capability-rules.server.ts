import { and, asc, count, eq, isNotNull } from 'drizzle-orm'
import { type StoredCapability } from '#app/domain/capabilities/capability-diff.ts'
import {
	type CapabilityCategoryRule,
	type CapabilityClassRule,
} from '#app/domain/capabilities/capability-rules.ts'
import { listOrderClassesWithPolicy } from '#app/models/order-class/current-policies.server.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'

const { categories, orderClasses, supplierCapabilities, suppliers } = schema

export type CapabilityClassOption = CapabilityClassRule & { key: string }
export type CapabilityCategoryOption = CapabilityCategoryRule & { key: string }

/**
 * What the capability form needs to validate a declaration set: the caller's
 * supplier (its regions bound every row's) and every class with the policy
 * fields that bound a capability. Retired classes and categories are included
 * so saved rows that use them still show; the rules refuse adding them anew.
 * Null when the supplier does not exist.
 */
export async function getCapabilityRules(db: Executor, { supplierId }: { supplierId: string }) {
	const [supplier] = await db
		.select({ id: suppliers.id, name: suppliers.name, regions: suppliers.regions })
		.from(suppliers)
		.where(eq(suppliers.id, supplierId))
	if (!supplier) return null
	const [classRows, categoryRows] = await Promise.all([
		listOrderClassesWithPolicy(db, { includeRetired: true }),
		db
			.select({
				id: categories.id,
				key: categories.key,
				name: categories.name,
				retiredAt: categories.retiredAt,
			})
			.from(categories)
			.orderBy(asc(categories.name)),
	])
	const classes: CapabilityClassOption[] = classRows.map((c) => ({
		id: c.id,
		key: c.key,
		name: c.name,
		retired: c.retiredAt !== null,
		deliveryTargetHours: c.policy.deliveryTargetHours,
		minQuantity: c.policy.minQuantity,
		requires24x7: c.policy.requires24x7,
	}))
	const categoryOptions: CapabilityCategoryOption[] = categoryRows.map((c) => ({
		id: c.id,
		key: c.key,
		name: c.name,
		retired: c.retiredAt !== null,
	}))
	return { supplier, classes, categories: categoryOptions }
}

/** The supplier's declarations, by category name then class priority; scoped by the session's supplier id. */
export async function listSupplierCapabilities(
	db: Executor,
	{ supplierId }: { supplierId: string },
): Promise<StoredCapability[]> {
	const rows = await db
		.select({
			id: supplierCapabilities.id,
			categoryId: supplierCapabilities.categoryId,
			orderClassId: supplierCapabilities.orderClassId,
			weeklyCapacity: supplierCapabilities.weeklyCapacity,
			capacityUnit: supplierCapabilities.capacityUnit,
			leadTimeHours: supplierCapabilities.leadTimeHours,
			regions: supplierCapabilities.regions,
			available24x7: supplierCapabilities.available24x7,
			exceptionNote: supplierCapabilities.exceptionNote,
			pausedAt: supplierCapabilities.pausedAt,
		})
		.from(supplierCapabilities)
		.innerJoin(categories, eq(categories.id, supplierCapabilities.categoryId))
		.innerJoin(orderClasses, eq(orderClasses.id, supplierCapabilities.orderClassId))
		.where(eq(supplierCapabilities.supplierId, supplierId))
		.orderBy(asc(categories.name), asc(orderClasses.priorityRank), asc(supplierCapabilities.id))
	return rows
}

/** How many capabilities the supplier declares, and how many of them are paused. */
export async function countSupplierCapabilities(db: Executor, { supplierId }: { supplierId: string }) {
	const [[all], [paused]] = await Promise.all([
		db
			.select({ n: count() })
			.from(supplierCapabilities)
			.where(eq(supplierCapabilities.supplierId, supplierId)),
		db
			.select({ n: count() })
			.from(supplierCapabilities)
			.where(and(eq(supplierCapabilities.supplierId, supplierId), isNotNull(supplierCapabilities.pausedAt))),
	])
	return { total: all?.n ?? 0, paused: paused?.n ?? 0 }
}
