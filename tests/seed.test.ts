import { count, eq, inArray, type SQL, sql } from 'drizzle-orm'
import {
	listSupplierCapabilities,
	getCapabilityRules,
} from '#app/models/capability/capability-rules.server.ts'
import { buildCapabilitySetSchema, capabilityFormRow } from '#app/schemas/capability.ts'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { verifyPassword } from '#app/utils/password.server.ts'
import { getContract } from '#app/models/contract/get-contract.server.ts'
import { checkTerms } from '#app/models/contract/term-rows.server.ts'
import {
	categories,
	contracts,
	orderClasses,
	scorecardSnapshots,
	supplierCapabilities,
	suppliers,
	users,
} from '#db/schema/index.ts'
import { DEMO_CAPABILITIES, DEMO_PASSWORD, DEMO_STAFF, DEMO_SUPPLIERS } from '#db/seed-data.ts'
import { DEMO_CONTRACTS } from '#db/seed-data-contracts.ts'
import { publishDemoMonths, seedDemoData } from '#db/seed.ts'
import { monthKeyOf } from '#app/domain/scorecards/periods.ts'
import { recomputeScorecard } from '#app/models/scorecard/recompute.server.ts'
import { type OrderPlan, planDemoOrders } from '#db/seed-orders-plan.ts'
import { verifyAuditChain } from '#app/models/audit-event.server.ts'
import { createDatabase, type Database } from '#db/client.ts'
import { createTestDatabase } from '#tests/setup/test-database.ts'

// The seed fills and inspects whole tables (orders, the audit chain, the outbox), so it gets a
// database of its own instead of the worker's, which other test files share.
let db: Database
let dropDatabase: () => Promise<void>
let firstRun: Awaited<ReturnType<typeof seedDemoData>>

beforeAll(async () => {
	const database = await createTestDatabase(`seed${process.env.VITEST_POOL_ID ?? '0'}`)
	dropDatabase = database.drop
	db = createDatabase(database.url, { max: 2 })
	firstRun = await seedDemoData(db)
}, 180_000)

afterAll(async () => {
	await db?.$client.end()
	await dropDatabase?.()
})

test('the demo seed is complete, deterministic and idempotent', async () => {
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

describe('demo orders', () => {
	const rowsOf = async <T>(query: SQL) => (await db.execute(query)) as unknown as T[]
	/** How many rows `from …` (a FROM clause with its WHERE) gives. */
	const howMany = async (from: SQL) =>
		(await rowsOf<{ n: number }>(sql`select count(*)::int as n from ${from}`))[0]!.n
	const STATES = [
		'delivered',
		'in_progress',
		'accepted',
		'offered',
		'in_review',
		'rejected',
		'cancelled',
		'unroutable',
	]

	test('cover every class and the states a buyer meets, mostly closed, over the six months before the seed day', async () => {
		const { seedDay, orders, skipped } = firstRun.orders
		expect(skipped).toEqual([])
		expect(orders).toBeGreaterThanOrEqual(200)
		const rows = await rowsOf<{ class: string; status: string; n: number }>(sql`
			select c.key as class, o.status, count(*)::int as n
			from orders o join order_classes c on c.id = o.order_class_id group by 1, 2`)
		const total = (key: 'class' | 'status', value: string) =>
			rows.filter((r) => r[key] === value).reduce((sum, r) => sum + r.n, 0)
		for (const orderClass of ['emergency', 'urgent', 'standard', 'bulk', 'one-time'])
			expect(total('class', orderClass), orderClass).toBeGreaterThan(5)
		for (const status of STATES) expect(total('status', status), status).toBeGreaterThan(0)
		expect(total('status', 'closed')).toBeGreaterThan(orders / 2)

		const [span] = await rowsOf<{ first: string; last: string }>(
			sql`select min(created_at)::text as first, max(updated_at)::text as last from orders`,
		)
		expect(new Date(span!.first).getTime()).toBeGreaterThanOrEqual(seedDay.getTime() - 180 * 86_400_000)
		expect(new Date(span!.last).getTime()).toBeLessThan(seedDay.getTime())

		// Demo buyers place and review (never their own order); demo users act.
		const buyers = DEMO_STAFF.filter((u) => u.role === 'buyer').map((u) => u.id)
		const people = [...DEMO_STAFF, ...DEMO_SUPPLIERS.flatMap((s) => s.users)].map((u) => u.id)
		expect(await howMany(sql`orders where placed_by_user_id not in ${buyers}`)).toBe(0)
		expect(await howMany(sql`orders where reviewed_by_user_id = placed_by_user_id`)).toBe(0)
		expect(await howMany(sql`orders where reviewed_by_user_id is not null`)).toBeGreaterThan(0)
		expect(await howMany(sql`order_events where actor_user_id not in ${people}`)).toBe(0)
	})

	test('every order has a history, every accepted one exactly one accepted offer, and nothing falls due at first start', async () => {
		expect(
			await howMany(sql`orders o where not exists (select 1 from order_events e where e.order_id = o.id)`),
		).toBe(0)
		const accepted = sql`(select count(*) from order_offers f where f.order_id = o.id and f.response = 'accepted')`
		expect(await howMany(sql`orders o where (o.accepted_at is not null) <> (${accepted} = 1)`)).toBe(0)
		// A few bulk offers wait for an answer; none sits in the emergency inbox the e2e tests use.
		const pending = await rowsOf<{ class: string; status: string; open: boolean }>(sql`
			select c.key as class, o.status, f.expires_at > now() as open
			from order_offers f join orders o on o.id = f.order_id join order_classes c on c.id = o.order_class_id
			where f.response = 'pending'`)
		expect(pending.length).toBeGreaterThan(0)
		expect(pending.length).toBeLessThan(10)
		for (const offer of pending) expect(offer).toEqual({ class: 'bulk', status: 'offered', open: true })
		// The offer expiry job's deadline check finds nothing it has not flagged already.
		const breached = sql`exists (select 1 from order_exceptions e where e.order_id = o.id and e.kind = 'deadline_breached')`
		expect(
			await howMany(sql`orders o where o.status in ('accepted', 'in_progress', 'rework_requested')
				and o.needed_by <= now() and not ${breached}`),
		).toBe(0)
	})

	test('the timelines tell real stories: late, declined and routed again, expired, reworked, changed', async () => {
		const withEvent = (type: string, and = sql``) =>
			howMany(
				sql`orders o where exists (select 1 from order_events e where e.order_id = o.id and e.type = ${type} ${and})`,
			)
		const routedAfter = sql`and exists (select 1 from order_events r
			where r.order_id = o.id and r.type = 'routed' and r.occurred_at >= e.occurred_at)`
		expect(await withEvent('delivered', sql`and e.occurred_at > o.needed_by`), 'late').toBeGreaterThan(5)
		expect(await withEvent('offer_declined', routedAfter), 'declined, routed again').toBeGreaterThan(3)
		expect(await withEvent('offer_expired'), 'expired').toBeGreaterThan(3)
		expect(await withEvent('rework_requested', sql`and o.status = 'closed'`), 'reworked').toBeGreaterThan(3)
		expect(await withEvent('change_acknowledged'), 'changed').toBeGreaterThan(3)
		expect(await withEvent('assigned_manually'), 'assigned by hand').toBeGreaterThan(3)
		expect(await withEvent('exception_resolved'), 'exceptions resolved').toBeGreaterThan(3)
	})

	test('the audit chain verifies and no historical email waits to be sent', async () => {
		expect(await verifyAuditChain(db)).toMatchObject({ ok: true })
		const outbox = await rowsOf(sql`
			select status, delivered_via as via, sent_at = created_at as same from outbox_emails group by 1, 2, 3`)
		expect(outbox).toEqual([{ status: 'sent', via: 'mailbox', same: true }])
	})

	test('Northwind’s dashboard stays as its e2e test knows it: two closed one-time orders at most', async () => {
		const northwind = DEMO_SUPPLIERS.find((s) => s.name === 'Northwind Back Office')!.id
		const rows = await rowsOf(sql`
			select c.key as class, o.status from orders o join order_classes c on c.id = o.order_class_id
			where exists (select 1 from order_offers f where f.order_id = o.id and f.supplier_id = ${northwind})`)
		expect(rows.length).toBeLessThanOrEqual(2)
		for (const row of rows) expect(row).toEqual({ class: 'one-time', status: 'closed' })
	})

	test('seeding again adds nothing', async () => {
		const rowCount = async () =>
			(
				await rowsOf<{
					n: number
				}>(sql`select ((select count(*) from orders) + (select count(*) from order_events)
					+ (select count(*) from audit_events) + (select count(*) from outbox_emails))::int as n`)
			)[0]!.n
		const before = await rowCount()
		expect((await seedDemoData(db)).orders).toMatchObject({ orders: 0, actions: 0, skipped: [] })
		expect(await rowCount()).toBe(before)
	})

	test('the plan depends only on the seed day', () => {
		const day = new Date('2026-07-15T00:00:00Z')
		const story = (p: OrderPlan) => [p.scenario, p.recipe.key, p.description]
		expect(planDemoOrders(day)).toEqual(planDemoOrders(day))
		expect(planDemoOrders(new Date('2026-09-02T00:00:00Z')).map(story)).toEqual(
			planDemoOrders(day).map(story),
		)
	})
})

test('the completed demo months are published once, and each recomputes to its snapshot', async () => {
	const now = new Date()
	const first = await publishDemoMonths(db, now)
	expect(first).toBeGreaterThan(0)
	expect(await publishDemoMonths(db, now)).toBe(0)
	const months = await db.selectDistinct({ month: scorecardSnapshots.month }).from(scorecardSnapshots)
	// Six months of demo orders before the seed day: at least five full months have facts.
	expect(months.length).toBeGreaterThanOrEqual(5)
	expect(months.every(({ month }) => month < monthKeyOf(now))).toBe(true)
	for (const snapshot of await db.select().from(scorecardSnapshots)) {
		const { matches, differences } = await recomputeScorecard(db, snapshot)
		expect(matches, JSON.stringify(differences)).toBe(true)
	}
})
