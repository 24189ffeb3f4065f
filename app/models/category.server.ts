import { asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import { can } from '#app/domain/permissions.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { isUniqueViolation } from '#app/models/order-class/policy-columns.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'

const { categories } = schema

type Actor = Pick<SessionUser, 'id' | 'role'>
export type CategoryDetailsValues = { name: string; description: string }

const COLUMNS = {
	id: categories.id,
	key: categories.key,
	name: categories.name,
	description: categories.description,
	retiredAt: categories.retiredAt,
}

const notFound = () => new AppError('NOT_FOUND', { message: 'This category does not exist.' })
const duplicateKey = (key: string) =>
	new AppError('CONFLICT', { message: `A category with the key "${key}" already exists.`, field: 'key' })

function assertMayManageCategories(actor: Actor) {
	if (!can(actor.role, 'update', 'category')) {
		throw new AppError('FORBIDDEN', { message: 'Only buyers can change categories.' })
	}
}

const isUuid = (id: string) => z.uuid().safeParse(id).success

/** Every category, those in use first, each group by name. */
export async function listCategories(db: Executor) {
	return db
		.select(COLUMNS)
		.from(categories)
		.orderBy(sql`${categories.retiredAt} is not null`, asc(categories.name))
}

/** One category, or null for an unknown or malformed id. */
export async function getCategory(db: Executor, { categoryId }: { categoryId: string }) {
	if (!isUuid(categoryId)) return null
	const [category] = await db.select(COLUMNS).from(categories).where(eq(categories.id, categoryId))
	return category ?? null
}

/** Creates a category and records 'category.created'. A key in use (even by a retired one) is refused. */
export async function createCategory(
	db: Executor,
	{
		actor,
		values,
		now = new Date(),
	}: { actor: Actor; values: CategoryDetailsValues & { key: string }; now?: Date },
): Promise<{ id: string; key: string; name: string }> {
	assertMayManageCategories(actor)
	try {
		return await db.transaction(async (tx) => {
			const [taken] = await tx
				.select({ id: categories.id })
				.from(categories)
				.where(eq(categories.key, values.key))
			if (taken) throw duplicateKey(values.key)
			const [created] = await tx
				.insert(categories)
				.values({ ...values, createdAt: now, updatedAt: now })
				.returning({ id: categories.id, key: categories.key, name: categories.name })
			if (!created) throw new Error('Inserting the category returned no row')
			await recordAuditEvent(tx, {
				actorUserId: actor.id,
				actorRole: actor.role,
				action: 'category.created',
				entityType: 'category',
				entityId: created.id,
				after: values,
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

/** Renames a category (its key stays: data refers to it) and records 'category.updated'; same values → no-op. */
export async function updateCategory(
	db: Executor,
	{
		actor,
		categoryId,
		details,
		now = new Date(),
	}: { actor: Actor; categoryId: string; details: CategoryDetailsValues; now?: Date },
): Promise<{ changed: boolean }> {
	assertMayManageCategories(actor)
	if (!isUuid(categoryId)) throw notFound()
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({ name: categories.name, description: categories.description })
			.from(categories)
			.where(eq(categories.id, categoryId))
			.for('update')
		if (!current) throw notFound()
		if (current.name === details.name && current.description === details.description)
			return { changed: false }
		await tx
			.update(categories)
			.set({ ...details, updatedAt: now })
			.where(eq(categories.id, categoryId))
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'category.updated',
			entityType: 'category',
			entityId: categoryId,
			before: current,
			after: details,
			occurredAt: now,
		})
		return { changed: true }
	})
}

/**
 * Retires a category (nothing new is bought under it; history keeps it) or
 * reinstates it. Never deleted. The state it already has changes and records nothing.
 */
export async function setCategoryRetired(
	db: Executor,
	{
		actor,
		categoryId,
		retired,
		now = new Date(),
	}: { actor: Actor; categoryId: string; retired: boolean; now?: Date },
): Promise<{ name: string; changed: boolean }> {
	assertMayManageCategories(actor)
	if (!isUuid(categoryId)) throw notFound()
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({ name: categories.name, key: categories.key, retiredAt: categories.retiredAt })
			.from(categories)
			.where(eq(categories.id, categoryId))
			.for('update')
		if (!current) throw notFound()
		if (Boolean(current.retiredAt) === retired) return { name: current.name, changed: false }
		const retiredAt = retired ? now : null
		await tx.update(categories).set({ retiredAt, updatedAt: now }).where(eq(categories.id, categoryId))
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: retired ? 'category.retired' : 'category.reinstated',
			entityType: 'category',
			entityId: categoryId,
			before: { key: current.key, retiredAt: current.retiredAt },
			after: { key: current.key, retiredAt },
			occurredAt: now,
		})
		return { name: current.name, changed: true }
	})
}
