import { desc, eq } from 'drizzle-orm'
import { diffPolicies } from '#app/domain/order-classes/policy-diff.ts'
import { type PolicyValues } from '#app/domain/order-classes/policy-rules.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import {
	assertMayManageOrderClasses,
	assertValidPolicy,
	type OrderClassActor,
} from './create-order-class.server.ts'
import { pickPolicyValues, POLICY_VALUE_COLUMNS } from './policy-columns.server.ts'
import { assertOrderClassId } from './update-order-class.server.ts'

const { orderClasses, orderClassPolicies, users } = schema

const utc = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/**
 * Saves `policy` as the class's next version (v2, v3, …) with the buyer's note and
 * records 'order_class.policy_changed' with the values before and after, in one
 * transaction. Earlier versions are never updated: orders keep the version they
 * were placed under. `basedOnVersion` is the version the buyer's form showed; if
 * another version was saved meanwhile, nothing is written and a CONFLICT says who
 * saved it, so the buyer can review it before saving again.
 */
export async function changeOrderClassPolicy(
	db: Executor,
	{
		actor,
		orderClassId,
		basedOnVersion,
		policy,
		changeNote,
		now = new Date(),
	}: {
		actor: OrderClassActor
		orderClassId: string
		basedOnVersion: number
		policy: PolicyValues
		changeNote: string
		now?: Date
	},
): Promise<{ version: number }> {
	assertMayManageOrderClasses(actor)
	assertOrderClassId(orderClassId)
	return db.transaction(async (tx) => {
		// Locking the class serialises saves of its policy, so two buyers cannot both write version n+1.
		const [orderClass] = await tx
			.select({ key: orderClasses.key })
			.from(orderClasses)
			.where(eq(orderClasses.id, orderClassId))
			.for('update')
		if (!orderClass) throw new AppError('NOT_FOUND', { message: 'This order class does not exist.' })
		assertValidPolicy(policy, orderClass.key)

		const [current] = await tx
			.select({
				version: orderClassPolicies.version,
				...POLICY_VALUE_COLUMNS,
				createdAt: orderClassPolicies.createdAt,
				changedByName: users.name,
			})
			.from(orderClassPolicies)
			.leftJoin(users, eq(users.id, orderClassPolicies.createdByUserId))
			.where(eq(orderClassPolicies.orderClassId, orderClassId))
			.orderBy(desc(orderClassPolicies.version))
			.limit(1)
		if (!current) throw new Error(`Order class ${orderClassId} has no policy`)
		if (current.version !== basedOnVersion) {
			const who = current.changedByName ?? 'someone'
			throw new AppError('CONFLICT', {
				message:
					`While you were editing, ${who} saved version ${current.version} of this policy ` +
					`(${utc.format(current.createdAt)} UTC). Nothing was saved. Check the current policy; ` +
					'saving again replaces it with the values in the form.',
			})
		}
		const before = pickPolicyValues(current)
		if (diffPolicies(before, policy).length === 0) {
			throw new AppError('RULE_VIOLATION', {
				message: `Nothing to save: these values are the same as version ${current.version}.`,
				field: 'root',
			})
		}

		const version = current.version + 1
		await tx.insert(orderClassPolicies).values({
			orderClassId,
			version,
			...policy,
			changeNote,
			createdByUserId: actor.id,
			createdAt: now,
		})
		await tx.update(orderClasses).set({ updatedAt: now }).where(eq(orderClasses.id, orderClassId))
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'order_class.policy_changed',
			entityType: 'order_class',
			entityId: orderClassId,
			before: { version: current.version, ...before },
			after: { version, ...policy, changeNote },
			occurredAt: now,
		})
		return { version }
	})
}
