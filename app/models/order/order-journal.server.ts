import { type ReactElement } from 'react'
import { type AuditAction } from '#app/domain/audit/audit-actions.ts'
import {
	type OrderAction,
	type OrderActor,
	type OrderStatus,
	planTransition,
} from '#app/domain/orders/order-lifecycle.ts'
import { recordAuditEvents, type NewAuditEvent } from '#app/models/audit-event.server.ts'
import { addToScorecardRollups } from '#app/models/scorecard/rollups.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Transaction, schema } from '#app/utils/db.server.ts'
import { sendEmails } from '#app/utils/email.server.ts'
import { insertRows } from '#app/utils/prepared-statements.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'

const { orderEvents } = schema

/** Who causes a change: a person (by role) or the system (router, jobs). */
export type ActorRef = { userId: string | null; role: string; kind: OrderActor }

export const SYSTEM_ACTOR: ActorRef = { userId: null, role: 'system', kind: 'system' }

/** The lifecycle side a session user acts on: admins act as buyers; auditors only read. */
export function actorRef(user: Pick<SessionUser, 'id' | 'role'>): ActorRef {
	if (user.role === 'auditor') throw new AppError('FORBIDDEN', { message: 'Auditors have read-only access.' })
	const kind: OrderActor = user.role === 'supplier' ? 'supplier' : 'buyer'
	return { userId: user.id, role: user.role, kind }
}

type PendingEmail = { to: string; subject: string; react: ReactElement }

/**
 * What one transaction has to write besides the order row: order events, audit
 * events and outbox emails. They are collected while the change is worked out
 * and written together at the end, in one round trip.
 */
export type Journal = {
	events: (typeof orderEvents.$inferInsert)[]
	audits: NewAuditEvent[]
	emails: PendingEmail[]
}

export function createJournal(): Journal {
	return { events: [], audits: [], emails: [] }
}

export type Note = {
	orderId: string
	/** The order event type, e.g. 'offer_accepted'; the audit action is `order.<type>` unless given. */
	type: string
	auditAction?: AuditAction
	from: OrderStatus | null
	to: OrderStatus | null
	actor: ActorRef
	supplierId?: string | null
	data?: Record<string, unknown>
	before?: unknown
	after?: unknown
	/** Audit entity when it is not the order itself (e.g. an exception). */
	entity?: { type: string; id: string }
	now: Date
}

/** Records one order event and its audit event. */
export function note(journal: Journal, n: Note) {
	journal.events.push({
		orderId: n.orderId,
		type: n.type,
		fromStatus: n.from,
		toStatus: n.to,
		actorUserId: n.actor.userId,
		actorRole: n.actor.role,
		supplierId: n.supplierId ?? null,
		data: n.data ?? {},
		occurredAt: n.now,
	})
	journal.audits.push({
		actorUserId: n.actor.userId,
		actorRole: n.actor.role,
		action: n.auditAction ?? (`order.${n.type}` as AuditAction),
		entityType: n.entity?.type ?? 'order',
		entityId: n.entity?.id ?? n.orderId,
		supplierId: n.supplierId ?? null,
		before: n.before ?? { status: n.from },
		after: n.after ?? { status: n.to, ...n.data },
		occurredAt: n.now,
	})
}

export function queueEmail(journal: Journal, email: PendingEmail) {
	journal.emails.push(email)
}

/** A mutable view of the order's status while one transaction works on it. */
export type StatusHolder = { id: string; status: OrderStatus }

/**
 * Checks one lifecycle move with the pure transition table and records it
 * (event + audit); the order row itself is saved once at the end by the caller.
 */
export function transition(
	journal: Journal,
	order: StatusHolder,
	{
		action,
		type,
		actor,
		now,
		supplierId,
		data,
		auditAction,
	}: {
		action: OrderAction
		type: string
		actor: ActorRef
		now: Date
		supplierId?: string | null
		data?: Record<string, unknown>
		auditAction?: AuditAction
	},
): OrderStatus {
	const plan = planTransition(action, order.status, actor.kind)
	if (!plan.ok) {
		throw new AppError(plan.reason === 'not_allowed_for_actor' ? 'FORBIDDEN' : 'RULE_VIOLATION', {
			message: plan.message,
		})
	}
	note(journal, {
		orderId: order.id,
		type,
		auditAction,
		from: plan.from,
		to: plan.to,
		actor,
		supplierId,
		data,
		now,
	})
	order.status = plan.to
	return plan.to
}

/**
 * Writes everything collected in one pipelined batch: the scorecard rollup
 * increments, the events (one insert), the outbox emails and the audit events
 * (one insert; they are linked into the chain after commit, so no lock is taken).
 */
export async function flushJournal(tx: Transaction, journal: Journal) {
	await Promise.all([
		// First in the batch: it reads the orders' stored history, which must not yet hold these events.
		addToScorecardRollups(tx, journal.events),
		journal.events.length > 0 ? insertRows(tx, orderEvents, journal.events) : null,
		sendEmails(tx, journal.emails),
		recordAuditEvents(tx, journal.audits),
	])
	journal.events = []
	journal.emails = []
	journal.audits = []
}
