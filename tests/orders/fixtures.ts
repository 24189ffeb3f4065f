// Routing fixtures of a test's own: a fresh category (and, where it matters, a fresh
// order class), so the candidates are exactly the suppliers the test creates.
import { randomUUID } from 'node:crypto'
import { asc, count, eq, like, sql } from 'drizzle-orm'
import { type PriceTier } from '#app/domain/pricing/price-for.ts'
import { type Database, type Executor, getDb } from '#app/utils/db.server.ts'
import { enableFastPasswordHashingForTests } from '#app/utils/password.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import {
	auditEvents,
	categories,
	contracts,
	contractTerms,
	contractVersions,
	orderClasses,
	orderClassPolicies,
	orderEvents,
	orderOffers,
	orders,
	outboxEmails,
	supplierCapabilities,
} from '#db/schema/index.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'

// Argon2 at production cost would make every supplier user slow to create.
enableFastPasswordHashingForTests()

export const NOW = new Date('2031-03-04T09:00:00Z')
export const inHours = (h: number, from = NOW) => new Date(from.getTime() + h * 3_600_000)

export async function createCategory(db: Executor = getDb()) {
	const key = `t-${randomUUID().slice(0, 12)}`
	const [row] = await db
		.insert(categories)
		.values({ key, name: `Category ${key}` })
		.returning()
	return row!
}

type Policy = Partial<typeof orderClassPolicies.$inferInsert>

/** A class of the test's own with version 1 of its policy (standard-like unless told). */
export async function createOrderClass(
	db: Executor = getDb(),
	policy: Policy = {},
	{ priorityRank = 50 } = {},
) {
	const key = `c-${randomUUID().slice(0, 12)}`
	const [cls] = await db
		.insert(orderClasses)
		.values({ key, name: `Class ${key}`, priorityRank })
		.returning()
	const [row] = await db
		.insert(orderClassPolicies)
		.values({
			orderClassId: cls!.id,
			version: 1,
			ackDeadlineMinutes: 60,
			deliveryTargetHours: 120,
			approvalThresholdMinor: 100_000_000,
			contractRequired: true,
			routingMode: 'cascade',
			broadcastCount: 1,
			weightPrice: 40,
			weightSpeed: 20,
			weightReliability: 20,
			weightCapacity: 20,
			...policy,
		})
		.returning()
	return { ...cls!, policy: row! }
}

export async function seededClass(db: Executor, key: string) {
	const [cls] = await db.select().from(orderClasses).where(eq(orderClasses.key, key))
	return cls!
}

export type TermSpec = {
	unitPriceMinor?: number | null
	priceTiers?: PriceTier[]
	ackSlaMinutes?: number
	guaranteed24x7?: boolean
	/** undefined: the capability's category; null: any category of the class. */
	categoryId?: string | null
	prioritySurchargeBps?: number
}

/** An active contract whose accepted version 1 is binding, with one term. Returns the term id. */
export async function insertBindingTerm(
	db: Executor,
	{
		supplierId,
		orderClassId,
		categoryId,
		term = {},
		startsOn = '2030-01-01',
		endsOn = '2035-12-31',
		status = 'active',
	}: {
		supplierId: string
		orderClassId: string
		categoryId: string | null
		term?: TermSpec
		startsOn?: string
		endsOn?: string
		status?: 'active' | 'expired' | 'terminated' | 'draft'
	},
) {
	const [contract] = await db
		.insert(contracts)
		.values({
			number: `CT-T-${randomUUID().slice(0, 10)}`,
			supplierId,
			title: 'Test contract',
			startsOn,
			endsOn,
			status,
		})
		.returning()
	const [version] = await db
		.insert(contractVersions)
		.values({ contractId: contract!.id, number: 1, proposedBy: 'buyer', status: 'draft' })
		.returning()
	const [row] = await db
		.insert(contractTerms)
		.values({
			contractVersionId: version!.id,
			orderClassId,
			categoryId,
			unitPriceMinor: term.priceTiers?.length ? null : (term.unitPriceMinor ?? 10_000),
			priceTiers: term.priceTiers ?? [],
			ackSlaMinutes: term.ackSlaMinutes ?? 240,
			deliverySlaHours: 72,
			prioritySurchargeBps: term.prioritySurchargeBps ?? 0,
			guaranteed24x7: term.guaranteed24x7 ?? false,
		})
		.returning()
	// Terms can only be written while the version is a draft; then it is accepted and made binding.
	await db
		.update(contractVersions)
		.set({ status: 'accepted', proposedAt: sql`now()` })
		.where(eq(contractVersions.id, version!.id))
	await db.update(contracts).set({ bindingVersionId: version!.id }).where(eq(contracts.id, contract!.id))
	return row!.id
}

export type CapableSpec = {
	name?: string
	status?: 'invited' | 'active' | 'on_hold' | 'blocked'
	regions?: string[]
	weeklyCapacity?: number
	capacityUnit?: 'units' | 'orders'
	leadTimeHours?: number
	available24x7?: boolean
	/** null: no contract at all. */
	term?: TermSpec | null
}

/** A supplier with a capability for (category, class), a binding term unless `term: null`, and one user. */
export async function createCapableSupplier(
	db: Executor,
	{ categoryId, orderClassId }: { categoryId: string; orderClassId: string },
	spec: CapableSpec = {},
) {
	const supplier = await insertSupplier(db, {
		name: spec.name ?? `Supplier ${randomUUID().slice(0, 8)}`,
		status: spec.status ?? 'active',
		regions: spec.regions ?? ['EU-West'],
	})
	const [capability] = await db
		.insert(supplierCapabilities)
		.values({
			supplierId: supplier.id,
			categoryId,
			orderClassId,
			weeklyCapacity: spec.weeklyCapacity ?? 1000,
			capacityUnit: spec.capacityUnit ?? 'units',
			leadTimeHours: spec.leadTimeHours ?? 24,
			regions: spec.regions ?? ['EU-West'],
			available24x7: spec.available24x7 ?? false,
		})
		.returning()
	const termId =
		spec.term === null
			? null
			: await insertBindingTerm(db, {
					supplierId: supplier.id,
					orderClassId,
					categoryId: spec.term?.categoryId === undefined ? categoryId : spec.term.categoryId,
					term: spec.term ?? {},
				})
	const user = await insertUser(db, {
		role: 'supplier',
		supplierId: supplier.id,
		name: `${supplier.name} user`,
	})
	return { supplier, capabilityId: capability!.id, termId, user: asSession(user) }
}

export function asSession(user: {
	id: string
	email: string
	name: string
	role: SessionUser['role']
	supplierId: string | null
}): SessionUser {
	return { id: user.id, email: user.email, name: user.name, role: user.role, supplierId: user.supplierId }
}

export async function createBuyer(db: Executor = getDb(), role: 'buyer' | 'admin' = 'buyer') {
	return asSession(await insertUser(db, { role }))
}

/** A valid intake for (class, category): 10 units, EU-West, needed in a week. */
export function orderInput(
	ids: { orderClassId: string; categoryId: string },
	overrides: Record<string, unknown> = {},
) {
	return {
		...ids,
		quantity: 10,
		unit: 'payslips',
		description: 'Monthly payroll run for the Lisbon office',
		neededBy: inHours(24 * 7),
		region: 'EU-West',
		...overrides,
	}
}

/** Counts of what an order's transitions wrote, to compare before and after one step. */
export async function footprint(db: Executor, order: { id: string; number: string }) {
	const [events] = await db.select({ n: count() }).from(orderEvents).where(eq(orderEvents.orderId, order.id))
	const [audits] = await db.select({ n: count() }).from(auditEvents).where(eq(auditEvents.entityId, order.id))
	// Every order email names the order in its subject.
	const [emails] = await db
		.select({ n: count() })
		.from(outboxEmails)
		.where(like(outboxEmails.subject, `%${order.number}%`))
	return { events: events!.n, audits: audits!.n, emails: emails!.n }
}

/** The order's current version, as a form would have it. */
export async function versionOf(db: Executor, orderId: string) {
	const [row] = await db.select({ version: orders.version }).from(orders).where(eq(orders.id, orderId))
	return row!.version
}

export async function orderRow(db: Executor, orderId: string) {
	const [row] = await db.select().from(orders).where(eq(orders.id, orderId))
	return row!
}

export async function offersOf(db: Executor, orderId: string) {
	return db
		.select()
		.from(orderOffers)
		.where(eq(orderOffers.orderId, orderId))
		.orderBy(asc(orderOffers.offeredAt), asc(orderOffers.rank))
}

export async function eventTypes(db: Executor, orderId: string) {
	const rows = await db
		.select({ type: orderEvents.type })
		.from(orderEvents)
		.where(eq(orderEvents.orderId, orderId))
		.orderBy(asc(orderEvents.id))
	return rows.map((r) => r.type)
}

/**
 * Runs the expiry job until it finds nothing more at `now`. Other files in this
 * worker's database may have left overdue offers; the job handles those too.
 */
export async function expireUntilQuiet(db: Database, now: Date) {
	const { expireOverdueOffers } = await import('#app/jobs/offer-expiry.server.ts')
	for (;;) {
		const result = await expireOverdueOffers(db, { now })
		if (result.expired === 0 && result.deadlinesBreached === 0) return
	}
}
