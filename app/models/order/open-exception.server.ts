import { randomUUID } from 'node:crypto'
import { and, eq, inArray, sql } from 'drizzle-orm'
import { createElement } from 'react'
import { EXCEPTION_KIND_LABELS, type ExceptionKind } from '#app/domain/orders/order-events.ts'
import { type Executor, type Transaction, schema } from '#app/utils/db.server.ts'
import { ExceptionAssignedEmail, getExceptionAssignedSubject } from '#emails/exception-assigned.tsx'
import { orderUrl, userRecipient } from './order-emails.server.ts'
import { type ActorRef, type Journal, note, queueEmail } from './order-journal.server.ts'
import { type OrderRow } from './order-row.server.ts'

const { orderExceptions, orders } = schema

/**
 * Opens an exception on an order inside the caller's transaction, with its
 * event, audit event and — when it has an owner — an email to that owner.
 */
export async function openException(
	tx: Transaction,
	journal: Journal,
	{
		order,
		kind,
		detail,
		supplierId = null,
		ownerUserId = null,
		actor,
		now,
	}: {
		order: Pick<OrderRow, 'id' | 'number' | 'status'>
		kind: ExceptionKind
		detail: string
		supplierId?: string | null
		ownerUserId?: string | null
		actor: ActorRef
		now: Date
	},
) {
	const id = randomUUID()
	const [owner] = await Promise.all([
		userRecipient(tx, ownerUserId),
		tx
			.insert(orderExceptions)
			.values({ id, orderId: order.id, kind, detail, supplierId, ownerUserId, openedAt: now }),
	])
	note(journal, {
		orderId: order.id,
		type: 'exception_opened',
		auditAction: 'exception.opened',
		entity: { type: 'order_exception', id },
		from: order.status,
		to: order.status,
		actor,
		supplierId,
		data: { exceptionId: id, kind, detail, ownerUserId },
		before: null,
		after: { orderId: order.id, kind, detail, ownerUserId, supplierId },
		now,
	})
	if (owner)
		queueExceptionEmail(journal, {
			owner,
			orderId: order.id,
			orderNumber: order.number,
			kind,
			detail,
			openedAt: now,
			assignedBy: null,
		})
	return id
}

export function queueExceptionEmail(
	journal: Journal,
	e: {
		owner: { name: string; email: string }
		orderId: string
		orderNumber: string
		kind: ExceptionKind
		detail: string
		openedAt: Date
		assignedBy: string | null
	},
) {
	const kindLabel = EXCEPTION_KIND_LABELS[e.kind]
	queueEmail(journal, {
		to: e.owner.email,
		subject: getExceptionAssignedSubject({ orderNumber: e.orderNumber, kindLabel }),
		react: createElement(ExceptionAssignedEmail, {
			recipientName: e.owner.name,
			orderNumber: e.orderNumber,
			kindLabel,
			detail: e.detail,
			openedAt: e.openedAt,
			assignedBy: e.assignedBy,
			url: orderUrl('buyer', e.orderId),
		}),
	})
}

/** Resolves the order's open exceptions of these kinds (e.g. 'unroutable' once a supplier has it). */
export async function resolveOpenExceptionsOf(
	tx: Transaction,
	journal: Journal,
	{
		order,
		kinds,
		resolution,
		actor,
		now,
	}: {
		order: Pick<OrderRow, 'id' | 'status'>
		kinds: readonly ExceptionKind[]
		resolution: string
		actor: ActorRef
		now: Date
	},
) {
	const resolved = await tx
		.update(orderExceptions)
		.set({ status: 'resolved', resolution, resolvedAt: now, resolvedByUserId: actor.userId, updatedAt: now })
		.where(
			and(
				eq(orderExceptions.orderId, order.id),
				eq(orderExceptions.status, 'open'),
				inArray(orderExceptions.kind, [...kinds]),
			),
		)
		.returning({ id: orderExceptions.id, kind: orderExceptions.kind, supplierId: orderExceptions.supplierId })
	for (const e of resolved) {
		note(journal, {
			orderId: order.id,
			type: 'exception_resolved',
			auditAction: 'exception.resolved',
			entity: { type: 'order_exception', id: e.id },
			from: order.status,
			to: order.status,
			actor,
			supplierId: e.supplierId,
			data: { exceptionId: e.id, kind: e.kind, resolution },
			before: { status: 'open' },
			after: { status: 'resolved', resolution },
			now,
		})
	}
	return resolved.length
}

export async function hasOpenException(db: Executor, orderId: string, kind: ExceptionKind) {
	const [row] = await db
		.select({ id: orderExceptions.id })
		.from(orderExceptions)
		.where(
			and(
				eq(orderExceptions.orderId, orderId),
				eq(orderExceptions.kind, kind),
				eq(orderExceptions.status, 'open'),
			),
		)
		.limit(1)
	return Boolean(row)
}

// Kept for callers that count an order's open exceptions alongside other columns.
export const openExceptionCountSql = sql<number>`(select count(*)::int from order_exceptions e where e.order_id = ${orders.id} and e.status = 'open')`
