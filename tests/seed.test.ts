import { count, eq, inArray } from 'drizzle-orm'
import {
	listSupplierCapabilities,
	getCapabilityRules,
} from '#app/models/capability/capability-rules.server.ts'
import { buildCapabilitySetSchema, capabilityFormRow } from '#app/schemas/capability.ts'
import { expect, test } from 'vitest'
import { verifyPassword } from '#app/utils/password.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { categories, orderClasses, supplierCapabilities, suppliers, users } from '#db/schema/index.ts'
import { DEMO_CAPABILITIES, DEMO_PASSWORD, DEMO_STAFF, DEMO_SUPPLIERS } from '#db/seed-data.ts'
import { seedDemoData } from '#db/seed.ts'

test('the demo seed is complete, deterministic and idempotent', async () => {
	const db = getDb()
	await seedDemoData(db)
	await seedDemoData(db) // a second run changes nothing

	const supplierIds = DEMO_SUPPLIERS.map((s) => s.id)
	const seededSuppliers = await db.select().from(suppliers).where(inArray(suppliers.id, supplierIds))
	expect(seededSuppliers).toHaveLength(DEMO_SUPPLIERS.length)
	expect(seededSuppliers.length).toBeGreaterThanOrEqual(8)
	expect(new Set(seededSuppliers.flatMap((s) => s.regions)).size).toBeGreaterThanOrEqual(3)

	const [supplierUsers] = await db
		.select({ n: count() })
		.from(users)
		.where(inArray(users.supplierId, supplierIds))
	expect(supplierUsers?.n).toBe(DEMO_SUPPLIERS.flatMap((s) => s.users).length)
	for (const s of DEMO_SUPPLIERS) expect(s.users.length).toBeGreaterThanOrEqual(1)

	const roles = DEMO_STAFF.map((u) => u.role)
	expect(roles.filter((r) => r === 'buyer')).toHaveLength(2)
	expect(roles).toContain('admin')
	expect(roles).toContain('auditor')

	const [supplierLogin] = await db.select().from(users).where(eq(users.email, 'supplier@procura.test'))
	expect(supplierLogin?.supplierId).toBe(DEMO_SUPPLIERS[0]?.id)
	expect(await verifyPassword(supplierLogin?.passwordHash, DEMO_PASSWORD)).toBe(true)
})

test('every active demo supplier declares 2 to 5 capabilities its own form accepts, and data entry × bulk is a gap', async () => {
	const db = getDb()
	await seedDemoData(db)
	await seedDemoData(db)

	const rows = await db
		.select({
			id: supplierCapabilities.id,
			supplierId: supplierCapabilities.supplierId,
			category: categories.key,
			orderClass: orderClasses.key,
		})
		.from(supplierCapabilities)
		.innerJoin(categories, eq(categories.id, supplierCapabilities.categoryId))
		.innerJoin(orderClasses, eq(orderClasses.id, supplierCapabilities.orderClassId))
		.where(
			inArray(
				supplierCapabilities.id,
				DEMO_CAPABILITIES.map((c) => c.id),
			),
		)
	expect(rows).toHaveLength(DEMO_CAPABILITIES.length)

	for (const supplier of DEMO_SUPPLIERS.filter((s) => s.status === 'active')) {
		const own = rows.filter((r) => r.supplierId === supplier.id)
		expect(own.length, supplier.name).toBeGreaterThanOrEqual(2)
		expect(own.length, supplier.name).toBeLessThanOrEqual(5)

		// Saving the form unchanged must be possible: the seed obeys the same rules as the supplier.
		const rules = await getCapabilityRules(db, { supplierId: supplier.id })
		const schema = buildCapabilitySetSchema({ ...rules!, supplierRegions: rules!.supplier.regions })
		const stored = await listSupplierCapabilities(db, { supplierId: supplier.id })
		const parsed = schema.safeParse({ rows: stored.map(capabilityFormRow) })
		expect(parsed.success ? [] : parsed.error.issues, supplier.name).toEqual([])
	}

	expect(rows.filter((r) => r.category === 'data-entry' && r.orderClass === 'bulk')).toEqual([])
	const northwind = DEMO_SUPPLIERS.find((s) => s.name === 'Northwind Back Office')!
	expect(rows.some((r) => r.supplierId === northwind.id && r.orderClass === 'bulk')).toBe(false)
	expect(DEMO_CAPABILITIES.some((c) => c.pausedAt !== null)).toBe(true)
})
