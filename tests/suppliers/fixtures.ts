// Rows the supplier directory and coverage tests build on, inserted directly so
// these tests do not depend on the capability editor's models.
import { randomUUID } from 'node:crypto'
import { getDb, schema } from '#app/utils/db.server.ts'

type NewCapability = typeof schema.supplierCapabilities.$inferInsert

/** A capability row: 100 units a week, 24 h lead time, unless overridden. */
export async function insertCapability(
	values: Pick<NewCapability, 'supplierId' | 'categoryId' | 'orderClassId'> & Partial<NewCapability>,
) {
	const [row] = await getDb()
		.insert(schema.supplierCapabilities)
		.values({ weeklyCapacity: 100, leadTimeHours: 24, ...values })
		.returning()
	return row!
}

/** A category of its own, so the test reads cells no other test touches. */
export async function insertCategory(name = `Category ${randomUUID().slice(0, 8)}`) {
	const [row] = await getDb()
		.insert(schema.categories)
		.values({ key: `test-${randomUUID()}`, name })
		.returning({ id: schema.categories.id, name: schema.categories.name })
	return row!
}

/** An order class with a first policy: the matrix only shows classes that have one. */
export async function insertOrderClass(name = `Class ${randomUUID().slice(0, 8)}`, priorityRank = 50) {
	const db = getDb()
	const [row] = await db
		.insert(schema.orderClasses)
		.values({ key: `test-${randomUUID()}`, name, priorityRank })
		.returning({ id: schema.orderClasses.id, name: schema.orderClasses.name })
	await db.insert(schema.orderClassPolicies).values({
		orderClassId: row!.id,
		version: 1,
		ackDeadlineMinutes: 60,
		deliveryTargetHours: 48,
		weightPrice: 25,
		weightSpeed: 25,
		weightReliability: 25,
		weightCapacity: 25,
	})
	return row!
}

/** A prefix to put in every name a test creates, and to search by. */
export function uniquePrefix(label: string) {
	return `${label} ${randomUUID().slice(0, 8)}`
}
