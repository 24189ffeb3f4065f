import { count, eq, inArray } from 'drizzle-orm'
import {
	listSupplierCapabilities,
	getCapabilityRules,
} from '#app/models/capability/capability-rules.server.ts'
import { buildCapabilitySetSchema, capabilityFormRow } from '#app/schemas/capability.ts'
import { expect, test } from 'vitest'
import { verifyPassword } from '#app/utils/password.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getContract } from '#app/models/contract/get-contract.server.ts'
import { checkTerms } from '#app/models/contract/term-rows.server.ts'
import {
	categories,
	contracts,
	orderClasses,
	supplierCapabilities,
	suppliers,
	users,
} from '#db/schema/index.ts'
import { DEMO_CAPABILITIES, DEMO_PASSWORD, DEMO_STAFF, DEMO_SUPPLIERS } from '#db/seed-data.ts'
import { DEMO_CONTRACTS } from '#db/seed-data-contracts.ts'
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

test('every active demo supplier but Northwind has a contract whose terms obey its class policies and capabilities', async () => {
	const db = getDb()
	await seedDemoData(db)
	await seedDemoData(db)

	const northwind = DEMO_SUPPLIERS.find((s) => s.name === 'Northwind Back Office')!
	const active = DEMO_SUPPLIERS.filter((s) => s.status === 'active' && s.id !== northwind.id)
	// The e2e journey negotiates Northwind's first contract from scratch.
	expect(DEMO_CONTRACTS.some((c) => c.supplierId === northwind.id)).toBe(false)
	expect(await db.select().from(contracts).where(eq(contracts.supplierId, northwind.id))).toEqual([])

	const seeded = await db
		.select()
		.from(contracts)
		.where(
			inArray(
				contracts.id,
				DEMO_CONTRACTS.map((c) => c.id),
			),
		)
	expect(seeded).toHaveLength(DEMO_CONTRACTS.length)
	for (const c of DEMO_CONTRACTS) {
		expect(seeded.find((s) => s.id === c.id)).toMatchObject({
			number: c.number,
			status: c.status,
			startsOn: c.startsOn,
			endsOn: c.endsOn,
		})
	}

	const details = await Promise.all(DEMO_CONTRACTS.map((c) => getContract(db, { contractId: c.id })))
	for (const supplier of active) {
		const own = details.filter((d) => d?.supplier.id === supplier.id)
		expect(own, supplier.name).toHaveLength(1)
	}
	const byStatus = (status: string) => details.filter((d) => d?.contract.status === status)
	expect(byStatus('active').length).toBeGreaterThanOrEqual(5)
	for (const d of byStatus('active')) {
		expect(d?.bindingVersion, d?.contract.number).toMatchObject({ status: 'accepted', proposedBy: 'buyer' })
		expect(d?.contract).toMatchObject({ startsOn: '2026-01-01', endsOn: '2027-12-31' })
	}
	const [negotiating] = byStatus('negotiating')
	expect(byStatus('negotiating')).toHaveLength(1)
	expect(negotiating?.bindingVersion).toBeNull()
	expect(negotiating?.pendingVersion?.proposedBy).toBe('supplier')
	expect(negotiating?.pendingVersion?.changes.length).toBeGreaterThan(0)
	expect(negotiating?.versions.map((v) => v.status)).toEqual(['countered', 'proposed'])
	const [expired] = byStatus('expired')
	expect(expired?.supplier.name).toBe('Sandpiper Order Processing')
	expect(expired?.contract).toMatchObject({ startsOn: '2024-01-01', endsOn: '2025-06-30' })

	for (const d of details) {
		const supplier = DEMO_SUPPLIERS.find((s) => s.id === d!.supplier.id)!
		const capabilities = DEMO_CAPABILITIES.filter((c) => c.supplierId === supplier.id && c.pausedAt === null)
		for (const version of d!.versions) {
			// The supplier-side check is the strictest: class policy, duplicates and capabilities.
			await expect(
				checkTerms(db, { terms: version.terms, side: 'supplier', supplierId: supplier.id }),
				`${d!.contract.number} v${version.number}`,
			).resolves.toHaveLength(version.terms.length)
		}
		const terms = (d!.bindingVersion ?? d!.pendingVersion)!.terms
		if (d!.contract.status === 'active' && capabilities.some((c) => c.orderClassKey === 'bulk')) {
			expect(
				terms.find((t) => t.orderClassKey === 'bulk')?.priceTiers.length,
				supplier.name,
			).toBeGreaterThanOrEqual(2)
		}
		if (d!.contract.status === 'active' && capabilities.some((c) => c.orderClassKey === 'emergency')) {
			const emergency = terms.filter((t) => t.orderClassKey === 'emergency')
			expect(emergency.length, supplier.name).toBeGreaterThan(0)
			for (const t of emergency) {
				expect(t.guaranteed24x7).toBe(true)
				expect(t.prioritySurchargeBps).toBeGreaterThan(0)
			}
		}
	}
})
