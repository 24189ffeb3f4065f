import { and, asc, count, desc, eq, exists, gt, ilike, isNull, or, sql, type SQL } from 'drizzle-orm'
import { type Region } from '#app/domain/regions.ts'
import { type SupplierStatus } from '#app/domain/suppliers/supplier-status.ts'
import { listOrderClassesWithPolicy } from '#app/models/order-class/current-policies.server.ts'
import { type SupplierSort } from '#app/schemas/supplier.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'

const { categories, supplierCapabilities, suppliers, userInvitations, users } = schema

export type SupplierDirectoryFilter = {
	search?: string | null
	status?: SupplierStatus | null
	region?: Region | null
	/** Suppliers with a capability that is not paused for this category (and class, when both are given). */
	categoryId?: string | null
	orderClassId?: string | null
}

export type SupplierDirectoryRow = {
	id: string
	name: string
	status: SupplierStatus
	regions: string[]
	contactEmail: string | null
	capabilityCount: number
	userCount: number
	invitedCount: number
}

/** One page of the buyer's supplier directory with the number of matches. */
export async function listSuppliers(
	db: Executor,
	{
		sort = 'name',
		limit,
		offset,
		now = new Date(),
		...filter
	}: SupplierDirectoryFilter & { sort?: SupplierSort; limit: number; offset: number; now?: Date },
): Promise<{ suppliers: SupplierDirectoryRow[]; total: number }> {
	const where = and(...directoryConditions(db, filter))
	const byName = sort === '-name' ? desc(sql`lower(${suppliers.name})`) : asc(sql`lower(${suppliers.name})`)
	const [rows, [totals]] = await Promise.all([
		db
			.select({
				id: suppliers.id,
				name: suppliers.name,
				status: suppliers.status,
				regions: suppliers.regions,
				contactEmail: suppliers.contactEmail,
				capabilityCount: db.$count(supplierCapabilities, eq(supplierCapabilities.supplierId, suppliers.id)),
				userCount: db.$count(users, eq(users.supplierId, suppliers.id)),
				invitedCount: db.$count(
					userInvitations,
					and(
						eq(userInvitations.supplierId, suppliers.id),
						isNull(userInvitations.acceptedAt),
						isNull(userInvitations.revokedAt),
						gt(userInvitations.expiresAt, now),
					),
				),
			})
			.from(suppliers)
			.where(where)
			.orderBy(byName, asc(suppliers.id))
			.limit(limit)
			.offset(offset),
		db.select({ total: count() }).from(suppliers).where(where),
	])
	return { suppliers: rows, total: totals?.total ?? 0 }
}

function directoryConditions(db: Executor, filter: SupplierDirectoryFilter): SQL[] {
	const conditions: SQL[] = []
	const term = filter.search?.trim()
	if (term) {
		// The search text is data, not a pattern: escape LIKE's wildcards.
		const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
		conditions.push(or(ilike(suppliers.name, pattern), ilike(suppliers.contactEmail, pattern))!)
	}
	if (filter.status) conditions.push(eq(suppliers.status, filter.status))
	if (filter.region) conditions.push(sql`${filter.region} = any(${suppliers.regions})`)
	if (filter.categoryId || filter.orderClassId) {
		const capability = [
			eq(supplierCapabilities.supplierId, suppliers.id),
			isNull(supplierCapabilities.pausedAt),
			filter.categoryId ? eq(supplierCapabilities.categoryId, filter.categoryId) : undefined,
			filter.orderClassId ? eq(supplierCapabilities.orderClassId, filter.orderClassId) : undefined,
		]
		conditions.push(
			exists(
				db
					.select({ one: sql`1` })
					.from(supplierCapabilities)
					.where(and(...capability)),
			),
		)
	}
	return conditions
}

/** Categories that are not retired, by name: the directory's category filter. */
export async function listCategoryOptions(db: Executor): Promise<{ id: string; name: string }[]> {
	return db
		.select({ id: categories.id, name: categories.name })
		.from(categories)
		.where(isNull(categories.retiredAt))
		.orderBy(asc(categories.name))
}

/** The directory page: one page of suppliers plus the choices its filters offer. */
export async function getSupplierDirectory(
	db: Executor,
	args: SupplierDirectoryFilter & { sort?: SupplierSort; limit: number; offset: number; now?: Date },
) {
	const [page, categoryOptions, orderClasses] = await Promise.all([
		listSuppliers(db, args),
		listCategoryOptions(db),
		listOrderClassesWithPolicy(db),
	])
	return {
		...page,
		categoryOptions,
		orderClassOptions: orderClasses.map((c) => ({ id: c.id, name: c.name })),
	}
}
