import { and, count, eq } from 'drizzle-orm'
import { createElement } from 'react'
import { type Transaction, schema } from '#app/utils/db.server.ts'
import {
	getOrderOfferOutcomeSubject,
	OrderOfferOutcomeEmail,
	type OfferOutcome,
} from '#emails/order-offer-outcome.tsx'
import { loadClassPolicy } from './candidates.server.ts'
import { orderUrl, userRecipient } from './order-emails.server.ts'
import { type Journal, queueEmail } from './order-journal.server.ts'
import { type OrderRow } from './order-row.server.ts'
import { routeWithin, type RoutingRun } from './route-order.server.ts'

const { orderOffers } = schema

/** After an offer ends unanswered or declined: with no pending offer left, route to the next candidate. */
export async function rerouteIfNoneLeft(tx: Transaction, journal: Journal, order: OrderRow, now: Date) {
	const [pending] = await tx
		.select({ n: count() })
		.from(orderOffers)
		.where(and(eq(orderOffers.orderId, order.id), eq(orderOffers.response, 'pending')))
	if ((pending?.n ?? 0) > 0 || order.status !== 'offered') return null
	const policy = await loadClassPolicy(tx, {
		orderClassId: order.orderClassId,
		categoryId: order.categoryId,
		policyId: order.orderClassPolicyId,
	})
	if (!policy) throw new Error(`Order ${order.id} has no policy ${order.orderClassPolicyId}`)
	return routeWithin(tx, journal, { order, policy, now })
}

export function nextStepText(rerouted: RoutingRun | null) {
	if (!rerouted) return 'Other suppliers still have the offer.'
	if (rerouted.outcome === 'offered') {
		return `Procura offered it to the next candidate: ${rerouted.offers.map((o) => o.supplierName).join(', ')}.`
	}
	return 'No supplier is left to offer it to: the order is unroutable and waits in the exception queue for you to assign a supplier or edit it.'
}

export async function tellBuyer(
	tx: Transaction,
	journal: Journal,
	order: OrderRow,
	e: {
		outcome: OfferOutcome
		supplierName: string
		at: Date
		reason?: string
		price?: string | null
		nextStep?: string
	},
) {
	const buyer = await userRecipient(tx, order.placedByUserId)
	if (!buyer) return
	queueEmail(journal, {
		to: buyer.email,
		subject: getOrderOfferOutcomeSubject({
			orderNumber: order.number,
			supplierName: e.supplierName,
			outcome: e.outcome,
		}),
		react: createElement(OrderOfferOutcomeEmail, {
			recipientName: buyer.name,
			orderNumber: order.number,
			supplierName: e.supplierName,
			outcome: e.outcome,
			reason: e.reason ?? null,
			price: e.price ?? null,
			at: e.at,
			nextStep: e.nextStep ?? null,
			url: orderUrl('buyer', order.id),
		}),
	})
}
