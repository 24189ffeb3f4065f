import { eq } from 'drizzle-orm'
import { z } from 'zod'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { assertMayManageOrderClasses, type OrderClassActor } from './create-order-class.server.ts'

const { orderClasses } = schema

const notFound = () => new AppError('NOT_FOUND', { message: 'This order class does not exist.' })

/** A malformed id is simply not found (PostgreSQL would refuse to compare it with a uuid). */
export function assertOrderClassId(orderClassId: string) {
	if (!z.uuid().safeParse(orderClassId).success) throw notFound()
}

export type OrderClassDetailsValues = { name: string; description: string; priorityRank: number }

/**
 * Renames a class or changes its description or rank, recording 'order_class.updated'
 * with the values before and after. Saving the same values changes and records nothing.
 */
export async function updateOrderClassDetails(
	db: Executor,
	{
		actor,
		orderClassId,
		details,
		now = new Date(),
	}: { actor: OrderClassActor; orderClassId: string; details: OrderClassDetailsValues; now?: Date },
): Promise<{ changed: boolean }> {
	assertMayManageOrderClasses(actor)
	assertOrderClassId(orderClassId)
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({
				name: orderClasses.name,
				description: orderClasses.description,
				priorityRank: orderClasses.priorityRank,
			})
			.from(orderClasses)
			.where(eq(orderClasses.id, orderClassId))
			.for('update')
		if (!current) throw notFound()
		const before: Partial<OrderClassDetailsValues> = {}
		const after: Partial<OrderClassDetailsValues> = {}
		for (const field of ['name', 'description', 'priorityRank'] as const) {
			if (current[field] === details[field]) continue
			Object.assign(before, { [field]: current[field] })
			Object.assign(after, { [field]: details[field] })
		}
		if (Object.keys(after).length === 0) return { changed: false }
		await tx
			.update(orderClasses)
			.set({ ...details, updatedAt: now })
			.where(eq(orderClasses.id, orderClassId))
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'order_class.updated',
			entityType: 'order_class',
			entityId: orderClassId,
			before,
			after,
			occurredAt: now,
		})
		return { changed: true }
	})
}

/**
 * Retires a class (no new orders of it; existing orders and its history stay) or
 * reinstates it. A class is never deleted. Asking for the state it already has
 * changes and records nothing.
 */
export async function setOrderClassRetired(
	db: Executor,
	{
		actor,
		orderClassId,
		retired,
		now = new Date(),
	}: { actor: OrderClassActor; orderClassId: string; retired: boolean; now?: Date },
): Promise<{ name: string; changed: boolean }> {
	assertMayManageOrderClasses(actor)
	assertOrderClassId(orderClassId)
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({ name: orderClasses.name, key: orderClasses.key, retiredAt: orderClasses.retiredAt })
			.from(orderClasses)
			.where(eq(orderClasses.id, orderClassId))
			.for('update')
		if (!current) throw notFound()
		if (Boolean(current.retiredAt) === retired) return { name: current.name, changed: false }
		const retiredAt = retired ? now : null
		await tx.update(orderClasses).set({ retiredAt, updatedAt: now }).where(eq(orderClasses.id, orderClassId))
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: retired ? 'order_class.retired' : 'order_class.reinstated',
			entityType: 'order_class',
			entityId: orderClassId,
			before: { key: current.key, retiredAt: current.retiredAt },
			after: { key: current.key, retiredAt },
			occurredAt: now,
		})
		return { name: current.name, changed: true }
	})
}
