import { count } from 'drizzle-orm'
import { insertCapability } from '#tests/factories/capabilities.ts'
import { insertContract, referenceIds } from '#tests/factories/contracts.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { monthKeyOf } from '#app/domain/scorecards/periods.ts'
import { publishMonth } from '#app/models/scorecard/publish.server.ts'
import { createDatabase, type Database, type Executor } from './client.ts'
import { users } from './schema/index.ts'
import { DEMO_CAPABILITIES, DEMO_PASSWORD, DEMO_STAFF, DEMO_SUPPLIERS } from './seed-data.ts'
import { DEMO_CONTRACTS } from './seed-data-contracts.ts'
import { seedDemoOrders } from './seed-orders.ts'

export { DEMO_LOGINS, DEMO_PASSWORD } from './seed-data.ts'

/**
 * Loads the demo data. Deterministic (fixed ids and addresses; orders from a
 * fixed plan over the six months before the seed day) and idempotent: rows that
 * already exist are left as they are. Order classes and categories are reference
 * data and come with the migrations.
 */
export async function seedDemoData(db: Executor) {
	for (const staff of DEMO_STAFF) {
		await insertUser(db, { ...staff, password: DEMO_PASSWORD }, { ifExists: 'return' })
	}
	for (const { users: people, ...supplier } of DEMO_SUPPLIERS) {
		await insertSupplier(db, supplier, { ifExists: 'return' })
		for (const person of people) {
			await insertUser(
				db,
				{ ...person, role: 'supplier', supplierId: supplier.id, password: DEMO_PASSWORD },
				{ ifExists: 'return' },
			)
		}
	}
	for (const capability of DEMO_CAPABILITIES) {
		await insertCapability(db, capability, { ifExists: 'return' })
	}
	const ids = await referenceIds(db)
	for (const { versions, ...contract } of DEMO_CONTRACTS) {
		const withIds = versions.map(({ terms, ...version }) => ({
			...version,
			terms: terms.map(({ classKey, categoryKey, ...term }) => ({
				...term,
				orderClassId: ids.classes[classKey]!,
				categoryId: categoryKey === null ? null : ids.categories[categoryKey]!,
			})),
		}))
		await insertContract(
			db,
			{ ...contract, updatedAt: contract.createdAt, versions: withIds },
			{ ifExists: 'return' },
		)
	}
	// Last: orders are routed over everything above.
	return { orders: await seedDemoOrders(db) }
}

/**
 * Publishes the demo's completed months (the seven before `now`, covering the
 * six months of demo orders), as the scorecard job would have at each month's
 * end, so the auditor finds published scorecards and a trend on first start.
 * Idempotent: publishMonth skips what is already published.
 */
export async function publishDemoMonths(db: Database, now = new Date()) {
	let published = 0
	for (let back = 7; back >= 1; back--) {
		const month = monthKeyOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)))
		published += (await publishMonth(db, { month, now })).published
	}
	return published
}

/** Seeds only a database without users, so `npm start` never touches real data. Returns whether it seeded. */
export async function seedDemoDataIfEmpty(url: string) {
	const db = createDatabase(url, { max: 1 })
	try {
		const [row] = await db.select({ n: count() }).from(users)
		if ((row?.n ?? 0) > 0) return false
		await db.transaction((tx) => seedDemoData(tx))
		await publishDemoMonths(db)
		return true
	} finally {
		await db.$client.end()
	}
}
