import { createElement } from 'react'
import { reasonProblem } from '#app/domain/orders/order-events.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { getOrderCancelledSubject, OrderCancelledEmail } from '#emails/order-cancelled.tsx'
import { getOrderReworkRequestedSubject, OrderReworkRequestedEmail } from '#emails/order-rework-requested.tsx'
import { getOrderStatusUpdateSubject, OrderStatusUpdateEmail } from '#emails/order-status-update.tsx'
import { addCapacityLoad } from './capacity-load.server.ts'
import { resolveOpenExceptionsOf } from './open-exception.server.ts'
import { changeOrder, type ChangeResult, tellPlacer, tellSuppliers } from './order-change.server.ts'
import { orderUrl } from './order-emails.server.ts'
import { note, transition } from './order-journal.server.ts'
import { withdrawPendingOffers } from './offers.server.ts'

/** Buyer-side calls on one order. */
export type BuyerCall = { actor: SessionUser; orderId: string; expectedVersion: number; now?: Date }

export function assertBuyer(actor: SessionUser) {
	if (actor.role !== 'buyer' && actor.role !== 'admin') {
		throw new AppError('FORBIDDEN', { message: 'Only buyers can do this.' })
	}
}

/** The buyer confirms the delivery: the order is closed and the supplier told. */
export async function closeOrder(
	db: Executor,
	{ actor, orderId, expectedVersion, now = new Date() }: BuyerCall,
) {
	assertBuyer(actor)
	return changeOrder(db, { actor, orderId, expectedVersion, now }, async (c) => {
		const supplierId = c.order.assignedSupplierId
		transition(c.journal, c.working, { action: 'close', type: 'closed', actor: c.who, now, supplierId })
		await tellSuppliers(c, supplierId ? [supplierId] : [], (to) => ({
			subject: getOrderStatusUpdateSubject({ orderNumber: c.order.number, headline: 'closed' }),
			react: createElement(OrderStatusUpdateEmail, {
				recipientName: to.name,
				orderNumber: c.order.number,
				headline: `The buyer confirmed your delivery and closed ${c.order.number}. Thank you.`,
				url: orderUrl('supplier', c.order.id),
			}),
		}))
		return { closedAt: now }
	})
}

/** The buyer does not accept the delivery: back to the supplier with a reason (counts against quality). */
export async function requestRework(
	db: Executor,
	{ reason, ...call }: BuyerCall & { reason: string },
): Promise<ChangeResult> {
	const { actor, orderId, expectedVersion, now = new Date() } = call
	assertBuyer(actor)
	const problem = reasonProblem(reason, 'what needs rework')
	if (problem) throw new AppError('RULE_VIOLATION', { message: problem, field: 'reason' })
	const text = reason.trim()
	return changeOrder(db, { actor, orderId, expectedVersion, now }, async (c) => {
		const supplierId = c.order.assignedSupplierId
		transition(c.journal, c.working, {
			action: 'request_rework',
			type: 'rework_requested',
			actor: c.who,
			now,
			supplierId,
			data: { reason: text, deliveredQuantity: c.order.deliveredQuantity },
		})
		await tellSuppliers(c, supplierId ? [supplierId] : [], (_to, supplierName) => ({
			subject: getOrderReworkRequestedSubject({ orderNumber: c.order.number }),
			react: createElement(OrderReworkRequestedEmail, {
				supplierName,
				orderNumber: c.order.number,
				reason: text,
				url: orderUrl('supplier', c.order.id),
			}),
		}))
		return { deliveredAt: null }
	})
}

/**
 * Cancels an order before delivery, with a reason: pending offers are
 * withdrawn, committed capacity released, open exceptions resolved, and the
 * suppliers involved told (or, with none, the buyer who placed it).
 */
export async function cancelOrder(
	db: Executor,
	{ reason, ...call }: BuyerCall & { reason: string },
): Promise<ChangeResult> {
	const { actor, orderId, expectedVersion, now = new Date() } = call
	assertBuyer(actor)
	const problem = reasonProblem(reason, 'the reason for cancelling')
	if (problem) throw new AppError('RULE_VIOLATION', { message: problem, field: 'reason' })
	const text = reason.trim()
	return changeOrder(db, { actor, orderId, expectedVersion, now }, async (c) => {
		const assigned = c.order.assignedSupplierId
		transition(c.journal, c.working, {
			action: 'cancel',
			type: 'cancelled',
			actor: c.who,
			now,
			supplierId: assigned,
			data: { reason: text },
		})
		const withdrawn = await withdrawPendingOffers(c.tx, c.order.id, now)
		for (const w of withdrawn) {
			note(c.journal, {
				orderId: c.order.id,
				type: 'offer_withdrawn',
				from: c.working.status,
				to: c.working.status,
				actor: c.who,
				supplierId: w.supplierId,
				data: { offerId: w.id, reason: 'Order cancelled' },
				now,
			})
		}
		if (assigned && c.order.acceptedAt) {
			await addCapacityLoad(c.tx, {
				supplierId: assigned,
				categoryId: c.order.categoryId,
				orderClassId: c.order.orderClassId,
				at: c.order.acceptedAt,
				units: -c.order.quantity,
				orders: -1,
			})
		}
		await resolveOpenExceptionsOf(c.tx, c.journal, {
			order: c.working,
			kinds: ['large_value', 'missing_information', 'unroutable', 'deadline_breached', 'dispute'],
			resolution: `Order cancelled: ${text}`,
			actor: c.who,
			now,
		})
		const told = await tellSuppliers(
			c,
			[...(assigned ? [assigned] : []), ...withdrawn.map((w) => w.supplierId)],
			(to) => ({
				subject: getOrderCancelledSubject({ orderNumber: c.order.number }),
				react: createElement(OrderCancelledEmail, {
					recipientName: to.name,
					orderNumber: c.order.number,
					reason: text,
					cancelledAt: now,
					url: orderUrl('supplier', c.order.id),
				}),
			}),
		)
		if (told === 0) {
			await tellPlacer(c, {
				subjectLine: 'cancelled',
				headline: `${c.order.number} was cancelled.`,
				note: text,
			})
		}
		return { cancelReason: text, changePendingSince: null, changeAckDueAt: null }
	})
}
