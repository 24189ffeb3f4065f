import { and, asc, eq, isNull } from 'drizzle-orm'
import { computeCoverage, type CoverageMatrix } from '#app/domain/suppliers/coverage.ts'
import { listOrderClassesWithPolicy } from '#app/models/order-class/current-policies.server.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'

const { categories, supplierCapabilities, suppliers } = schema

/**
 * The buyer's capability matrix: categories that are not retired (rows, by
 * name) × order classes that are not retired (columns, most urgent first),
 * each cell counting the active suppliers with a capability that is not paused.
 */
export async function getCoverageMatrix(db: Executor): Promise<CoverageMatrix> {
	const [categoryRows, classRows, capabilities] = await Promise.all([
		db
			.select({ id: categories.id, name: categories.name })
			.from(categories)
			.where(isNull(categories.retiredAt))
			.orderBy(asc(categories.name), asc(categories.id)),
		listOrderClassesWithPolicy(db),
		db
			.select({
				supplierId: supplierCapabilities.supplierId,
				supplierStatus: suppliers.status,
				categoryId: supplierCapabilities.categoryId,
				orderClassId: supplierCapabilities.orderClassId,
				weeklyCapacity: supplierCapabilities.weeklyCapacity,
				pausedAt: supplierCapabilities.pausedAt,
			})
			.from(supplierCapabilities)
			.innerJoin(suppliers, eq(suppliers.id, supplierCapabilities.supplierId))
			// Narrows the read to what computeCoverage counts; that function stays the rule.
			.where(and(eq(suppliers.status, 'active'), isNull(supplierCapabilities.pausedAt))),
	])
	return computeCoverage({
		categories: categoryRows,
		orderClasses: classRows.map((c) => ({ id: c.id, name: c.name })),
		capabilities,
	})
}
