import { and, eq, or, sql } from 'drizzle-orm'
import { type Executor } from '#app/utils/db.server.ts'
import { categories, orderClasses, supplierCapabilities } from '#db/schema/index.ts'
import { insertSupplier } from './suppliers.ts'

export type NewCapability = typeof supplierCapabilities.$inferInsert
export type CapabilityRow = typeof supplierCapabilities.$inferSelect

/**
 * A capability by reference-data keys or ids: `categoryKey: 'data-entry'` and
 * `orderClassKey: 'bulk'` are looked up (the migrations give them random ids).
 */
export type CapabilityOverrides = Partial<NewCapability> & { categoryKey?: string; orderClassKey?: string }

/** Values for a capability row, given its supplier, category and class. */
export function buildCapability(
	overrides: Partial<NewCapability> & Pick<NewCapability, 'supplierId' | 'categoryId' | 'orderClassId'>,
): NewCapability {
	return {
		weeklyCapacity: 100,
		capacityUnit: 'units',
		leadTimeHours: 48,
		regions: ['EU-West'],
		available24x7: false,
		...overrides,
	}
}

async function idByKey(db: Executor, table: typeof categories | typeof orderClasses, key: string) {
	const [row] = await db.select({ id: table.id }).from(table).where(eq(table.key, key))
	if (!row) throw new Error(`No reference row with key ${key}`)
	return row.id
}

/**
 * Inserts a capability: by default data entry × standard for a fresh supplier.
 * With `ifExists: 'return'` an existing row with the same `id`, or else the
 * same (supplier, category, class), is returned unchanged (idempotent seeding).
 */
export async function insertCapability(
	db: Executor,
	{ categoryKey = 'data-entry', orderClassKey = 'standard', ...overrides }: CapabilityOverrides = {},
	{ ifExists = 'error' }: { ifExists?: 'error' | 'return' } = {},
): Promise<CapabilityRow> {
	const values = buildCapability({
		...overrides,
		supplierId: overrides.supplierId ?? (await insertSupplier(db, { regions: ['EU-West'] })).id,
		categoryId: overrides.categoryId ?? (await idByKey(db, categories, categoryKey)),
		orderClassId: overrides.orderClassId ?? (await idByKey(db, orderClasses, orderClassKey)),
	})
	if (ifExists === 'return') {
		const [inserted] = await db.insert(supplierCapabilities).values(values).onConflictDoNothing().returning()
		if (inserted) return inserted
		const byPair = and(
			eq(supplierCapabilities.supplierId, values.supplierId),
			eq(supplierCapabilities.categoryId, values.categoryId),
			eq(supplierCapabilities.orderClassId, values.orderClassId),
		)
		const [existing] = await db
			.select()
			.from(supplierCapabilities)
			.where(values.id ? or(eq(supplierCapabilities.id, values.id), byPair) : byPair)
			.orderBy(sql`${supplierCapabilities.id} = ${values.id ?? null} desc`)
			.limit(1)
		if (!existing) throw new Error(`Capability ${values.id ?? ''} neither inserted nor found`)
		return existing
	}
	const [inserted] = await db.insert(supplierCapabilities).values(values).returning()
	if (!inserted) throw new Error('Inserting the capability returned no row')
	return inserted
}
