import { count, eq, inArray } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { verifyPassword } from '#app/utils/password.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { suppliers, users } from '#db/schema/index.ts'
import { DEMO_PASSWORD, DEMO_STAFF, DEMO_SUPPLIERS } from '#db/seed-data.ts'
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

	const [supplierUsers] = await db.select({ n: count() }).from(users).where(inArray(users.supplierId, supplierIds))
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
