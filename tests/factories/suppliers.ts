import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { type Executor } from '#app/utils/db.server.ts'
import { suppliers } from '#db/schema/index.ts'

export type NewSupplier = typeof suppliers.$inferInsert
export type SupplierRow = typeof suppliers.$inferSelect

/**
 * Values for a supplier row. Unique by default; pass `id` and `name` (and
 * anything else) for deterministic data such as the seed.
 */
export function buildSupplier(overrides: Partial<NewSupplier> = {}): NewSupplier {
	const unique = randomUUID().slice(0, 8)
	return {
		name: `Supplier ${unique}`,
		status: 'active',
		regions: ['EU'],
		contactEmail: `contact-${unique}@supplier.test`,
		...overrides,
	}
}

/**
 * Inserts a supplier. With `ifExists: 'return'` and an explicit `id`, an
 * existing row with that id is returned unchanged (idempotent seeding).
 */
export async function insertSupplier(
	db: Executor,
	overrides: Partial<NewSupplier> = {},
	{ ifExists = 'error' }: { ifExists?: 'error' | 'return' } = {},
): Promise<SupplierRow> {
	const values = buildSupplier(overrides)
	if (ifExists === 'return' && values.id) {
		const [inserted] = await db
			.insert(suppliers)
			.values(values)
			.onConflictDoNothing({ target: suppliers.id })
			.returning()
		if (inserted) return inserted
		const [existing] = await db.select().from(suppliers).where(eq(suppliers.id, values.id))
		if (!existing) throw new Error(`Supplier ${values.id} neither inserted nor found`)
		return existing
	}
	const [inserted] = await db.insert(suppliers).values(values).returning()
	if (!inserted) throw new Error('Inserting the supplier returned no row')
	return inserted
}
