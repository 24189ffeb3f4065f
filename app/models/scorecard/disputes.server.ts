import { and, asc, count, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { createElement } from 'react'
import { z } from 'zod'
import { type DayCounters } from '#app/domain/scorecards/order-history-facts.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { DISPUTE_METRICS, type DisputeMetric, type DisputeStatus } from '#app/schemas/scorecard-dispute.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { sendEmail } from '#app/utils/email.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import {
	getScorecardDisputeRaisedSubject,
	ScorecardDisputeRaisedEmail,
} from '#emails/scorecard-dispute-raised.tsx'
import {
	getScorecardDisputeResolvedSubject,
	ScorecardDisputeResolvedEmail,
} from '#emails/scorecard-dispute-resolved.tsx'
import { correctOrder } from './dispute-corrections.server.ts'

const { orderClasses, orderEvents, orders, scorecardDisputes, suppliers, users } = schema

const isUuid = (id: string) => z.uuid().safeParse(id).success

function appUrl(path: string) {
	return `${(process.env.APP_URL || 'http://localhost:3000').replace(/\/+$/, '')}${path}`
}

/**
 * A supplier user disputes one figure of its own scorecard (supplier × class ×
 * month), optionally naming an order. The order must have an event of this
 * supplier (else NOT_FOUND, exactly like an order that does not exist) and be of
 * the disputed class. One transaction: the dispute, its audit event and an email
 * to every buyer and admin who is not disabled.
 */
export async function raiseDispute(
	db: Executor,
	{
		actor,
		supplierId,
		orderClassId,
		month,
		metric,
		orderId = null,
		comment,
		now = new Date(),
	}: {
		actor: SessionUser
		supplierId: string
		orderClassId: string
		month: string
		metric: DisputeMetric
		orderId?: string | null
		comment: string
		now?: Date
	},
) {
	if (actor.role !== 'supplier' || actor.supplierId !== supplierId) {
		throw new AppError('FORBIDDEN', { message: 'Only a user of this supplier can dispute its scorecard.' })
	}
	if (!isUuid(orderClassId)) throw new AppError('NOT_FOUND', { message: 'This order class does not exist.' })
	return db.transaction(async (tx) => {
		const [[supplier], [cls]] = await Promise.all([
			tx.select({ name: suppliers.name }).from(suppliers).where(eq(suppliers.id, supplierId)),
			tx.select({ name: orderClasses.name }).from(orderClasses).where(eq(orderClasses.id, orderClassId)),
		])
		if (!supplier || !cls) throw new AppError('NOT_FOUND', { message: 'This scorecard does not exist.' })
		let orderNumber: string | null = null
		if (orderId) {
			const order = await ownOrder(tx, { orderId, supplierId })
			if (order.orderClassId !== orderClassId) {
				throw new AppError('RULE_VIOLATION', {
					field: 'orderId',
					message: `Order ${order.number} is not of the ${cls.name} class.`,
				})
			}
			orderNumber = order.number
		}
		const text = comment.trim()
		const [dispute] = await tx
			.insert(scorecardDisputes)
			.values({
				supplierId,
				orderClassId,
				month,
				metric,
				orderId,
				comment: text,
				raisedByUserId: actor.id,
				raisedAt: now,
			})
			.returning({ id: scorecardDisputes.id, version: scorecardDisputes.version })
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'scorecard.dispute_raised',
			entityType: 'scorecard_dispute',
			entityId: dispute!.id,
			supplierId,
			after: { orderClassId, month, metric, orderId, comment: text },
			occurredAt: now,
		})
		const buyers = await tx
			.select({ name: users.name, email: users.email })
			.from(users)
			.where(and(inArray(users.role, ['buyer', 'admin']), isNull(users.disabledAt)))
			.orderBy(asc(users.email))
		const metricLabel = DISPUTE_METRICS[metric].label
		for (const buyer of buyers) {
			await sendEmail(tx, {
				to: buyer.email,
				subject: getScorecardDisputeRaisedSubject({ supplierName: supplier.name, metricLabel, month }),
				react: createElement(ScorecardDisputeRaisedEmail, {
					recipientName: buyer.name,
					supplierName: supplier.name,
					className: cls.name,
					month,
					metricLabel,
					orderNumber,
					comment: text,
					raisedByName: actor.name,
					raisedAt: now,
					url: appUrl('/buyer/disputes'),
				}),
			})
		}
		return { id: dispute!.id, version: dispute!.version, notified: buyers.length }
	})
}

/** The order if the supplier has an event on it; anything else answers like a missing order. */
async function ownOrder(tx: Executor, { orderId, supplierId }: { orderId: string; supplierId: string }) {
	const missing = new AppError('NOT_FOUND', { field: 'orderId', message: 'This order does not exist.' })
	if (!isUuid(orderId)) throw missing
	const [order] = await tx
		.select({ id: orders.id, number: orders.number, orderClassId: orders.orderClassId })
		.from(orders)
		.where(eq(orders.id, orderId))
	if (!order) throw missing
	const [event] = await tx
		.select({ id: orderEvents.id })
		.from(orderEvents)
		.where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.supplierId, supplierId)))
		.limit(1)
	if (!event) throw missing
	return order
}

/**
 * A buyer (or admin) answers an open dispute. 'upheld': the figure stands.
 * 'corrected' (needs the dispute's order): a scorecard_corrections row, and the
 * order's facts of the metric's kind for this supplier — recomputed with
 * factsOfOrder over the order's whole history — are subtracted from the daily
 * and monthly rollups in the same transaction:
 * responseRate/acceptanceRate → 'offer', onTimeRate/cycleTime → 'delivery',
 * qualityRate → 'closure', exceptionRate → 'finish', changeAck → 'change_ack'.
 * A kind already corrected for this order and supplier (by an earlier dispute
 * on a sibling metric) is not subtracted twice. Published snapshots are
 * immutable: only the live rollups change. A stale version answers CONFLICT.
 */
export async function resolveDispute(
	db: Executor,
	{
		actor,
		disputeId,
		expectedVersion,
		outcome,
		resolution,
		now = new Date(),
	}: {
		actor: SessionUser
		disputeId: string
		expectedVersion: number
		outcome: 'upheld' | 'corrected'
		resolution: string
		now?: Date
	},
) {
	// The permission matrix grants buyers only read on scorecards; resolving disputes is theirs by this rule.
	if (actor.role !== 'buyer' && actor.role !== 'admin') {
		throw new AppError('FORBIDDEN', { message: 'Only buyers resolve scorecard disputes.' })
	}
	if (!isUuid(disputeId)) throw new AppError('NOT_FOUND', { message: 'This dispute does not exist.' })
	return db.transaction(async (tx) => {
		const [dispute] = await tx
			.select()
			.from(scorecardDisputes)
			.where(eq(scorecardDisputes.id, disputeId))
			.for('update')
		if (!dispute) throw new AppError('NOT_FOUND', { message: 'This dispute does not exist.' })
		if (dispute.version !== expectedVersion || dispute.status !== 'open') {
			throw new AppError('CONFLICT', { message: 'This dispute changed, reload.' })
		}
		const metric = dispute.metric as DisputeMetric
		const text = resolution.trim()
		let removed: DayCounters[] = []
		if (outcome === 'corrected') {
			if (!dispute.orderId) {
				throw new AppError('RULE_VIOLATION', {
					field: 'outcome',
					message: 'This dispute names no order, so there is nothing to correct: uphold it instead.',
				})
			}
			removed = await correctOrder(tx, {
				disputeId,
				supplierId: dispute.supplierId,
				orderId: dispute.orderId,
				metric,
				reason: text,
			})
		}
		await tx
			.update(scorecardDisputes)
			.set({
				status: outcome,
				resolution: text,
				resolvedByUserId: actor.id,
				resolvedAt: now,
				version: dispute.version + 1,
			})
			.where(eq(scorecardDisputes.id, disputeId))
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: outcome === 'corrected' ? 'scorecard.dispute_corrected' : 'scorecard.dispute_upheld',
			entityType: 'scorecard_dispute',
			entityId: disputeId,
			supplierId: dispute.supplierId,
			before: { status: dispute.status, version: dispute.version },
			after: {
				status: outcome,
				resolution: text,
				version: dispute.version + 1,
				...(outcome === 'corrected' ? { orderId: dispute.orderId, removedFromRollups: removed } : {}),
			},
			occurredAt: now,
		})
		await notifySupplier(tx, { dispute, metric, outcome, resolution: text, now })
		return { id: disputeId, status: outcome as DisputeStatus, version: dispute.version + 1, removed }
	})
}

async function notifySupplier(
	tx: Executor,
	{
		dispute,
		metric,
		outcome,
		resolution,
		now,
	}: {
		dispute: typeof scorecardDisputes.$inferSelect
		metric: DisputeMetric
		outcome: 'upheld' | 'corrected'
		resolution: string
		now: Date
	},
) {
	const [[supplier], [cls], order] = await Promise.all([
		tx.select({ name: suppliers.name }).from(suppliers).where(eq(suppliers.id, dispute.supplierId)),
		tx
			.select({ name: orderClasses.name })
			.from(orderClasses)
			.where(eq(orderClasses.id, dispute.orderClassId)),
		dispute.orderId
			? tx.select({ number: orders.number }).from(orders).where(eq(orders.id, dispute.orderId))
			: Promise.resolve([]),
	])
	const recipients = await tx
		.select({ name: users.name, email: users.email })
		.from(users)
		.where(
			and(eq(users.supplierId, dispute.supplierId), eq(users.role, 'supplier'), isNull(users.disabledAt)),
		)
		.orderBy(asc(users.email))
	const metricLabel = DISPUTE_METRICS[metric].label
	for (const r of recipients) {
		await sendEmail(tx, {
			to: r.email,
			subject: getScorecardDisputeResolvedSubject({ metricLabel, month: dispute.month, outcome }),
			react: createElement(ScorecardDisputeResolvedEmail, {
				recipientName: r.name,
				supplierName: supplier?.name ?? '',
				className: cls?.name ?? '',
				month: dispute.month,
				metricLabel,
				orderNumber: order[0]?.number ?? null,
				outcome,
				resolution,
				resolvedAt: now,
				url: appUrl(`/supplier/scorecard?month=${dispute.month}`),
			}),
		})
	}
}

const raisedBy = alias(users, 'raised_by')
const resolvedBy = alias(users, 'resolved_by')

/** Disputes newest first (open ones first), with names for display and the total for paging. */
export async function listDisputes(
	db: Executor,
	{
		supplierId,
		status,
		limit,
		offset,
	}: { supplierId?: string; status?: DisputeStatus; limit: number; offset: number },
) {
	const conditions: SQL[] = []
	if (supplierId) conditions.push(eq(scorecardDisputes.supplierId, supplierId))
	if (status) conditions.push(eq(scorecardDisputes.status, status))
	const where = and(...conditions)
	const [rows, totals] = await Promise.all([
		db
			.select({
				id: scorecardDisputes.id,
				supplierId: scorecardDisputes.supplierId,
				supplierName: suppliers.name,
				orderClassId: scorecardDisputes.orderClassId,
				className: orderClasses.name,
				month: scorecardDisputes.month,
				metric: scorecardDisputes.metric,
				orderId: scorecardDisputes.orderId,
				orderNumber: orders.number,
				comment: scorecardDisputes.comment,
				raisedAt: scorecardDisputes.raisedAt,
				raisedByName: raisedBy.name,
				status: scorecardDisputes.status,
				resolution: scorecardDisputes.resolution,
				resolvedAt: scorecardDisputes.resolvedAt,
				resolvedByName: resolvedBy.name,
				version: scorecardDisputes.version,
			})
			.from(scorecardDisputes)
			.innerJoin(suppliers, eq(suppliers.id, scorecardDisputes.supplierId))
			.innerJoin(orderClasses, eq(orderClasses.id, scorecardDisputes.orderClassId))
			.leftJoin(orders, eq(orders.id, scorecardDisputes.orderId))
			.leftJoin(raisedBy, eq(raisedBy.id, scorecardDisputes.raisedByUserId))
			.leftJoin(resolvedBy, eq(resolvedBy.id, scorecardDisputes.resolvedByUserId))
			.where(where)
			.orderBy(asc(scorecardDisputes.status), desc(scorecardDisputes.raisedAt), asc(scorecardDisputes.id))
			.limit(limit)
			.offset(offset),
		db.select({ total: count() }).from(scorecardDisputes).where(where),
	])
	return { rows, total: totals[0]?.total ?? 0 }
}
