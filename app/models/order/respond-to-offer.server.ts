import { and, eq, ne, sql } from 'drizzle-orm'
import { reasonProblem } from '#app/domain/orders/order-events.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, type Transaction, schema } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { formatUtc } from '#emails/order-email-parts.tsx'
import { addCapacityLoad, isUniqueViolation } from './capacity-load.server.ts'
import { formatPrice } from './order-emails.server.ts'
import {
	actorRef,
	type ActorRef,
	createJournal,
	flushJournal,
	type Journal,
	note,
	transition,
} from './order-journal.server.ts'
import { assertUuid, type OrderRow, saveOrder, STALE_ORDER_MESSAGE } from './order-row.server.ts'
import { nextStepText, rerouteIfNoneLeft, tellBuyer } from './offer-outcome.server.ts'
import { type RoutingRun } from './route-order.server.ts'

const { orderOffers, orders, suppliers } = schema

export const ALREADY_TAKEN_MESSAGE = 'Another supplier has already taken this order.'

export type OfferAnswer = {
	orderId: string
	offerId: string
	response: 'accepted' | 'declined'
	status: OrderRow['status']
	/** Set when the decline left no pending offer and the order was routed again. */
	rerouted: RoutingRun | null
}

/**
 * A supplier accepts or declines its offer, in one transaction. Accepting makes
 * the supplier the order's, withdraws every other pending offer, prices the order
 * and books the capacity; of two simultaneous accepts exactly one wins — the row
 * lock on the order decides, and the one-acceptance unique index backs it up —
 * and the other gets CONFLICT "Another supplier has already taken this order.".
 * Declining needs a reason; when no pending offer is left the order is routed to the next candidate.
 */
export async function respondToOffer(
	db: Executor,
	{
		actor,
		supplierId,
		offerId,
		expectedVersion,
		response,
		declineReason,
		now = new Date(),
	}: {
		actor: SessionUser
		supplierId: string
		offerId: string
		expectedVersion: number
		response: 'accept' | 'decline'
		declineReason?: string | null
		now?: Date
	},
): Promise<OfferAnswer> {
	const who = actorRef(actor)
	if (who.kind !== 'supplier' || actor.supplierId !== supplierId) {
		throw new AppError('FORBIDDEN', { message: 'Only the supplier an order was offered to can answer it.' })
	}
	assertUuid(offerId, 'offer')
	assertUuid(supplierId, 'supplier')
	const reasonIssue = response === 'decline' ? reasonProblem(declineReason, 'the reason for declining') : null
	if (reasonIssue) throw new AppError('RULE_VIOLATION', { message: reasonIssue, field: 'declineReason' })
	try {
		return await db.transaction(async (tx) => {
			// Lock the order first, like every other transition, so answers and jobs queue in one order.
			const [order] = await tx
				.select()
				.from(orders)
				.where(
					eq(
						orders.id,
						sql`(select f.order_id from order_offers f where f.id = ${offerId} and f.supplier_id = ${supplierId})`,
					),
				)
				.for('update')
			if (!order) throw new AppError('NOT_FOUND', { message: 'This offer does not exist.' })
			// Read after the lock: an accept that committed meanwhile is visible now.
			const [offer] = await tx
				.select({ offer: orderOffers, supplierName: suppliers.name })
				.from(orderOffers)
				.innerJoin(suppliers, eq(suppliers.id, orderOffers.supplierId))
				.where(and(eq(orderOffers.id, offerId), eq(orderOffers.supplierId, supplierId)))
			if (!offer) throw new AppError('NOT_FOUND', { message: 'This offer does not exist.' })
			assertAnswerable(order, offer.offer, supplierId, expectedVersion, now)

			const journal = createJournal()
			const context = { tx, journal, order, offer: offer.offer, supplierName: offer.supplierName, who, now }
			const result =
				response === 'accept'
					? await accept(context)
					: await decline({ ...context, reason: declineReason!.trim() })
			await flushJournal(tx, journal)
			return result
		})
	} catch (error) {
		if (isUniqueViolation(error, 'order_offers_one_acceptance_uq')) {
			throw new AppError('CONFLICT', { message: ALREADY_TAKEN_MESSAGE })
		}
		throw error
	}
}

function assertAnswerable(
	order: OrderRow,
	offer: typeof orderOffers.$inferSelect,
	supplierId: string,
	expectedVersion: number,
	now: Date,
) {
	if (order.status === 'cancelled')
		throw new AppError('RULE_VIOLATION', { message: 'This order was cancelled.' })
	// Taken by someone else trumps a stale version: that is the news the supplier needs.
	if (
		offer.response === 'withdrawn' ||
		(order.assignedSupplierId && order.assignedSupplierId !== supplierId)
	) {
		throw new AppError('CONFLICT', { message: ALREADY_TAKEN_MESSAGE })
	}
	if (offer.response !== 'pending') {
		throw new AppError('RULE_VIOLATION', { message: `You already answered this offer (${offer.response}).` })
	}
	if (order.version !== expectedVersion) throw new AppError('CONFLICT', { message: STALE_ORDER_MESSAGE })
	if (now.getTime() > offer.expiresAt.getTime()) {
		throw new AppError('RULE_VIOLATION', { message: `This offer expired at ${formatUtc(offer.expiresAt)}.` })
	}
}

type AnswerContext = {
	tx: Transaction
	journal: Journal
	order: OrderRow
	offer: typeof orderOffers.$inferSelect
	supplierName: string
	who: ActorRef
	now: Date
}

async function accept({
	tx,
	journal,
	order,
	offer,
	supplierName,
	who,
	now,
}: AnswerContext): Promise<OfferAnswer> {
	const working = { ...order }
	await tx
		.update(orderOffers)
		.set({ response: 'accepted', respondedAt: now, respondedByUserId: who.userId })
		.where(eq(orderOffers.id, offer.id))
	const withdrawn = await tx
		.update(orderOffers)
		.set({ response: 'withdrawn', respondedAt: now })
		.where(
			and(
				eq(orderOffers.orderId, order.id),
				eq(orderOffers.response, 'pending'),
				ne(orderOffers.id, offer.id),
			),
		)
		.returning({ id: orderOffers.id, supplierId: orderOffers.supplierId })
	await addCapacityLoad(tx, {
		supplierId: offer.supplierId,
		categoryId: order.categoryId,
		orderClassId: order.orderClassId,
		at: now,
		units: order.quantity,
		orders: 1,
	})
	transition(journal, working, {
		action: 'accept',
		type: 'offer_accepted',
		actor: who,
		now,
		supplierId: offer.supplierId,
		data: { offerId: offer.id, priceMinor: offer.priceMinor, contractTermId: offer.contractTermId },
	})
	for (const w of withdrawn) {
		note(journal, {
			orderId: order.id,
			type: 'offer_withdrawn',
			from: working.status,
			to: working.status,
			actor: who,
			supplierId: w.supplierId,
			data: { offerId: w.id, reason: 'Another supplier accepted first' },
			now,
		})
	}
	await saveOrder(
		tx,
		order,
		{
			status: working.status,
			assignedSupplierId: offer.supplierId,
			agreedPriceMinor: offer.priceMinor,
			contractTermId: offer.contractTermId,
			acceptedAt: now,
			changePendingSince: null,
			changeAckDueAt: null,
		},
		now,
	)
	await tellBuyer(tx, journal, order, {
		outcome: 'accepted',
		supplierName,
		at: now,
		price: formatPrice(offer.priceMinor, order.currency),
	})
	return {
		orderId: order.id,
		offerId: offer.id,
		response: 'accepted',
		status: working.status,
		rerouted: null,
	}
}

async function decline({
	tx,
	journal,
	order,
	offer,
	supplierName,
	who,
	now,
	reason,
}: AnswerContext & { reason: string }): Promise<OfferAnswer> {
	const working = { ...order }
	await tx
		.update(orderOffers)
		.set({ response: 'declined', respondedAt: now, respondedByUserId: who.userId, declineReason: reason })
		.where(eq(orderOffers.id, offer.id))
	note(journal, {
		orderId: order.id,
		type: 'offer_declined',
		from: order.status,
		to: order.status,
		actor: who,
		supplierId: offer.supplierId,
		data: { offerId: offer.id, reason },
		now,
	})
	const rerouted = await rerouteIfNoneLeft(tx, journal, working, now)
	await saveOrder(tx, order, { status: working.status }, now)
	await tellBuyer(tx, journal, order, {
		outcome: 'declined',
		supplierName,
		at: now,
		reason,
		nextStep: nextStepText(rerouted),
	})
	return { orderId: order.id, offerId: offer.id, response: 'declined', status: working.status, rerouted }
}
