import { desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { diffPolicies, type PolicyChange } from '#app/domain/order-classes/policy-diff.ts'
import { type PolicyValues } from '#app/domain/order-classes/policy-rules.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { pickPolicyValues, POLICY_VALUE_COLUMNS } from './policy-columns.server.ts'

const { orderClasses, orderClassPolicies, users } = schema

export type PolicyVersion = {
	id: string
	version: number
	values: PolicyValues
	changeNote: string
	createdAt: Date
	/** Who saved it; null for the reference data every deployment starts with, or a deleted user. */
	changedByName: string | null
	/** What differs from the version before, in words; empty for the first version. */
	changes: PolicyChange[]
}

/** One class's header row, or null for an unknown or malformed id. */
export async function getOrderClass(db: Executor, { orderClassId }: { orderClassId: string }) {
	if (!z.uuid().safeParse(orderClassId).success) return null
	const [orderClass] = await db
		.select({
			id: orderClasses.id,
			key: orderClasses.key,
			name: orderClasses.name,
			description: orderClasses.description,
			priorityRank: orderClasses.priorityRank,
			retiredAt: orderClasses.retiredAt,
		})
		.from(orderClasses)
		.where(eq(orderClasses.id, orderClassId))
	return orderClass ?? null
}

/** Every policy version of a class, newest first, each with who saved it and what it changed. */
export async function listPolicyHistory(
	db: Executor,
	{ orderClassId }: { orderClassId: string },
): Promise<PolicyVersion[]> {
	const rows = await db
		.select({
			id: orderClassPolicies.id,
			version: orderClassPolicies.version,
			...POLICY_VALUE_COLUMNS,
			changeNote: orderClassPolicies.changeNote,
			createdAt: orderClassPolicies.createdAt,
			changedByName: users.name,
		})
		.from(orderClassPolicies)
		.leftJoin(users, eq(users.id, orderClassPolicies.createdByUserId))
		.where(eq(orderClassPolicies.orderClassId, orderClassId))
		.orderBy(desc(orderClassPolicies.version))
	return rows.map((row, i) => {
		const values = pickPolicyValues(row)
		const previous = rows[i + 1]
		return {
			id: row.id,
			version: row.version,
			values,
			changeNote: row.changeNote,
			createdAt: row.createdAt,
			changedByName: row.changedByName,
			changes: previous ? diffPolicies(pickPolicyValues(previous), values) : [],
		}
	})
}

/**
 * Everything the class page shows: the class, its current policy (the highest
 * version) and the whole history. Null for an unknown or malformed id.
 */
export async function getOrderClassPage(db: Executor, { orderClassId }: { orderClassId: string }) {
	const orderClass = await getOrderClass(db, { orderClassId })
	if (!orderClass) return null
	const history = await listPolicyHistory(db, { orderClassId })
	const current = history[0]
	// The reference data and createOrderClass always write a first version.
	if (!current) throw new Error(`Order class ${orderClassId} has no policy`)
	return { orderClass, policy: current, history }
}
