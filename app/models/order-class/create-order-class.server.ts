import { eq } from 'drizzle-orm'
import { policyProblems, type PolicyValues } from '#app/domain/order-classes/policy-rules.ts'
import { can } from '#app/domain/permissions.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { isUniqueViolation } from './policy-columns.server.ts'

const { orderClasses, orderClassPolicies } = schema

export type OrderClassActor = Pick<SessionUser, 'id' | 'role'>

export type NewOrderClassValues = {
	key: string
	name: string
	description: string
	priorityRank: number
	policy: PolicyValues
}

export function assertMayManageOrderClasses(actor: OrderClassActor) {
	if (!can(actor.role, 'update', 'order_class')) {
		throw new AppError('FORBIDDEN', { message: 'Only buyers can change order classes.' })
	}
}

/** Refuses a policy that breaks the rules, naming the first problem's field (the form checks first). */
export function assertValidPolicy(policy: PolicyValues, classKey: string) {
	const [problem] = policyProblems(policy, { classKey })
	if (problem) throw new AppError('RULE_VIOLATION', { message: problem.message, field: problem.field })
}

function duplicateKey(key: string) {
	return new AppError('CONFLICT', {
		message: `An order class with the key "${key}" already exists.`,
		field: 'key',
	})
}

/**
 * Creates a class with its first policy (version 1) and records 'order_class.created',
 * in one transaction. A key already in use, retired or not, is refused on the key field.
 */
export async function createOrderClass(
	db: Executor,
	{ actor, values, now = new Date() }: { actor: OrderClassActor; values: NewOrderClassValues; now?: Date },
): Promise<{ id: string; key: string; name: string }> {
	assertMayManageOrderClasses(actor)
	assertValidPolicy(values.policy, values.key)
	try {
		return await db.transaction(async (tx) => {
			const [taken] = await tx
				.select({ id: orderClasses.id })
				.from(orderClasses)
				.where(eq(orderClasses.key, values.key))
			if (taken) throw duplicateKey(values.key)
			const [created] = await tx
				.insert(orderClasses)
				.values({
					key: values.key,
					name: values.name,
					description: values.description,
					priorityRank: values.priorityRank,
					createdAt: now,
					updatedAt: now,
				})
				.returning({ id: orderClasses.id, key: orderClasses.key, name: orderClasses.name })
			if (!created) throw new Error('Inserting the order class returned no row')
			await tx.insert(orderClassPolicies).values({
				orderClassId: created.id,
				version: 1,
				...values.policy,
				changeNote: 'Created with the class',
				createdByUserId: actor.id,
				createdAt: now,
			})
			await recordAuditEvent(tx, {
				actorUserId: actor.id,
				actorRole: actor.role,
				action: 'order_class.created',
				entityType: 'order_class',
				entityId: created.id,
				after: {
					key: values.key,
					name: values.name,
					description: values.description,
					priorityRank: values.priorityRank,
					policy: { version: 1, ...values.policy },
				},
				occurredAt: now,
			})
			return created
		})
	} catch (error) {
		// Two buyers creating the same key at once: the loser hits the unique index.
		if (isUniqueViolation(error)) throw duplicateKey(values.key)
		throw error
	}
}
