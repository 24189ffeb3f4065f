import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { EXCEPTION_KIND_LABELS } from '#app/domain/orders/order-events.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, type Transaction, schema } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { queueExceptionEmail } from './open-exception.server.ts'
import { actorRef, createJournal, flushJournal, note } from './order-journal.server.ts'
import { assertUuid } from './order-row.server.ts'

const { orderExceptions, orders, users } = schema

const owners = alias(users, 'owners')

/** The exception queue of the buyer dashboard, oldest first, with age in seconds and owner. */
export async function listOpenExceptions(
	db: Executor,
	{ limit = 25, offset = 0, now = new Date() }: { limit?: number; offset?: number; now?: Date } = {},
) {
	const rows = await db
		.select({
			id: orderExceptions.id,
			orderId: orderExceptions.orderId,
			orderNumber: orders.number,
			orderStatus: orders.status,
			kind: orderExceptions.kind,
			detail: orderExceptions.detail,
			openedAt: orderExceptions.openedAt,
			ownerUserId: orderExceptions.ownerUserId,
			ownerName: owners.name,
			supplierId: orderExceptions.supplierId,
		})
		.from(orderExceptions)
		.innerJoin(orders, eq(orders.id, orderExceptions.orderId))
		.leftJoin(owners, eq(owners.id, orderExceptions.ownerUserId))
		.where(eq(orderExceptions.status, 'open'))
		.orderBy(asc(orderExceptions.openedAt), asc(orderExceptions.id))
		.limit(limit)
		.offset(offset)
	return rows.map((r) => ({
		...r,
		kindLabel: EXCEPTION_KIND_LABELS[r.kind],
		ageSeconds: Math.max(0, Math.floor((now.getTime() - r.openedAt.getTime()) / 1000)),
	}))
}

export async function countOpenExceptions(db: Executor) {
	const [row] = await db
		.select({ n: count() })
		.from(orderExceptions)
		.where(eq(orderExceptions.status, 'open'))
	return row?.n ?? 0
}

async function lockException(tx: Transaction, exceptionId: string) {
	assertUuid(exceptionId, 'exception')
	const [row] = await tx
		.select({
			id: orderExceptions.id,
			status: orderExceptions.status,
			kind: orderExceptions.kind,
			detail: orderExceptions.detail,
			openedAt: orderExceptions.openedAt,
			ownerUserId: orderExceptions.ownerUserId,
			supplierId: orderExceptions.supplierId,
			orderId: orders.id,
			orderNumber: orders.number,
			orderStatus: orders.status,
		})
		.from(orderExceptions)
		.innerJoin(orders, eq(orders.id, orderExceptions.orderId))
		.where(eq(orderExceptions.id, exceptionId))
		.for('update', { of: orderExceptions })
	if (!row) throw new AppError('NOT_FOUND', { message: 'This exception does not exist.' })
	if (row.status !== 'open')
		throw new AppError('CONFLICT', { message: 'This exception is already resolved.' })
	return row
}

/** Gives an open exception an owner (an active buyer or admin), who is emailed. */
export async function assignException(
	db: Executor,
	{
		actor,
		exceptionId,
		ownerUserId,
		now = new Date(),
	}: { actor: SessionUser; exceptionId: string; ownerUserId: string; now?: Date },
) {
	assertBuyer(actor)
	assertUuid(ownerUserId, 'user')
	return db.transaction(async (tx) => {
		const exception = await lockException(tx, exceptionId)
		const [owner] = await tx
			.select({ id: users.id, name: users.name, email: users.email })
			.from(users)
			.where(
				and(eq(users.id, ownerUserId), isNull(users.disabledAt), inArray(users.role, ['buyer', 'admin'])),
			)
		if (!owner) {
			throw new AppError('RULE_VIOLATION', {
				message: 'Choose an active buyer to own this exception.',
				field: 'ownerUserId',
			})
		}
		await tx
			.update(orderExceptions)
			.set({ ownerUserId: owner.id, updatedAt: now })
			.where(eq(orderExceptions.id, exception.id))
		const journal = createJournal()
		note(journal, {
			orderId: exception.orderId,
			type: 'exception_assigned',
			auditAction: 'exception.assigned',
			entity: { type: 'order_exception', id: exception.id },
			from: exception.orderStatus,
			to: exception.orderStatus,
			actor: actorRef(actor),
			supplierId: exception.supplierId,
			data: { exceptionId: exception.id, kind: exception.kind, ownerUserId: owner.id, ownerName: owner.name },
			before: { ownerUserId: exception.ownerUserId },
			after: { ownerUserId: owner.id },
			now,
		})
		queueExceptionEmail(journal, {
			owner,
			orderId: exception.orderId,
			orderNumber: exception.orderNumber,
			kind: exception.kind,
			detail: exception.detail,
			openedAt: exception.openedAt,
			assignedBy: owner.id === actor.id ? null : actor.name,
		})
		await flushJournal(tx, journal)
		return { exceptionId: exception.id, ownerUserId: owner.id }
	})
}

/** Closes an open exception with what was done about it. */
export async function resolveException(
	db: Executor,
	{
		actor,
		exceptionId,
		resolution,
		now = new Date(),
	}: { actor: SessionUser; exceptionId: string; resolution: string; now?: Date },
) {
	assertBuyer(actor)
	const text = resolution.trim()
	if (text.length < 3 || text.length > 1000) {
		throw new AppError('RULE_VIOLATION', {
			message: 'Say how the exception was resolved (3 to 1,000 characters).',
			field: 'resolution',
		})
	}
	return db.transaction(async (tx) => {
		const exception = await lockException(tx, exceptionId)
		await tx
			.update(orderExceptions)
			.set({
				status: 'resolved',
				resolution: text,
				resolvedAt: now,
				resolvedByUserId: actor.id,
				updatedAt: now,
			})
			.where(eq(orderExceptions.id, exception.id))
		const journal = createJournal()
		note(journal, {
			orderId: exception.orderId,
			type: 'exception_resolved',
			auditAction: 'exception.resolved',
			entity: { type: 'order_exception', id: exception.id },
			from: exception.orderStatus,
			to: exception.orderStatus,
			actor: actorRef(actor),
			supplierId: exception.supplierId,
			data: { exceptionId: exception.id, kind: exception.kind, resolution: text },
			before: { status: 'open' },
			after: { status: 'resolved', resolution: text },
			now,
		})
		await flushJournal(tx, journal)
		return { exceptionId: exception.id }
	})
}

function assertBuyer(actor: SessionUser) {
	if (actor.role !== 'buyer' && actor.role !== 'admin') {
		throw new AppError('FORBIDDEN', { message: 'Only buyers handle exceptions.' })
	}
}
