import { eq } from 'drizzle-orm'
import { createElement } from 'react'
import { type HistoryExclusionRule } from '#app/domain/orders/order-events.ts'
import { type Exclusion } from '#app/domain/routing/rank-candidates.ts'
import { type Transaction, schema } from '#app/utils/db.server.ts'
import { type OrderFacts } from '#emails/order-email-parts.tsx'
import { getOrderOfferSubject, OrderOfferEmail } from '#emails/order-offer.tsx'
import { type ClassPolicy } from './candidates.server.ts'
import { formatPrice, isEmergency, orderUrl } from './order-emails.server.ts'
import { type Journal, queueEmail } from './order-journal.server.ts'
import { type OrderRow } from './order-row.server.ts'

const { orderOffers } = schema

/** An exclusion as stored: the hard filters' rules plus the order's own history with a supplier. */
export type StoredExclusion = Omit<Exclusion, 'rule'> & { rule: Exclusion['rule'] | HistoryExclusionRule }

export type PastOffer = {
	supplierId: string
	response: 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn'
}

/** Suppliers this order already went to: pending or accepted offers, and (unless forgotten) declines and expiries. */
export function historyExclusions(
	pastOffers: readonly PastOffer[],
	ctx: { forgetPastDeclines?: boolean; excludeSupplierIds?: readonly string[] },
) {
	const history = new Map<string, { rule: HistoryExclusionRule; reason: string }>()
	for (const offer of pastOffers) {
		if (offer.response === 'pending' || offer.response === 'accepted') {
			history.set(offer.supplierId, {
				rule: 'already_offered',
				reason: 'Already has an offer for this order',
			})
		} else if (!ctx.forgetPastDeclines && (offer.response === 'declined' || offer.response === 'expired')) {
			history.set(offer.supplierId, {
				rule: 'already_declined',
				reason:
					offer.response === 'declined'
						? 'Declined this order earlier'
						: 'Let an earlier offer for this order expire',
			})
		}
	}
	for (const supplierId of ctx.excludeSupplierIds ?? []) {
		if (!history.has(supplierId)) {
			history.set(supplierId, { rule: 'already_declined', reason: 'Left out of this routing run' })
		}
	}
	return history
}

export async function loadPastOffers(tx: Transaction, orderId: string): Promise<PastOffer[]> {
	return tx
		.select({ supplierId: orderOffers.supplierId, response: orderOffers.response })
		.from(orderOffers)
		.where(eq(orderOffers.orderId, orderId))
}

export function unroutableDetail(excluded: readonly StoredExclusion[], considered: number) {
	if (considered === 0) return 'No supplier has declared a capability for this class and category.'
	const byRule = new Map<string, number>()
	for (const e of excluded) byRule.set(e.rule, (byRule.get(e.rule) ?? 0) + 1)
	const parts = [...byRule].map(([rule, n]) => `${n} × ${rule.replaceAll('_', ' ')}`)
	return `No supplier left to offer it to: ${considered} considered, excluded for ${parts.join(', ')}.`
}

/** The offer email for one user of the supplier: the order, its price under the term and the deadline. */
export function queueOfferEmail(
	journal: Journal,
	{
		to,
		supplierName,
		order,
		policy,
		facts,
		offer,
		overrideReason = null,
	}: {
		to: string
		supplierName: string
		order: Pick<OrderRow, 'id' | 'description' | 'currency'>
		policy: Pick<ClassPolicy, 'requires24x7' | 'classKey'>
		facts: OrderFacts
		offer: { expiresAt: Date; priceMinor: number | null }
		overrideReason?: string | null
	},
) {
	queueEmail(journal, {
		to,
		subject: getOrderOfferSubject({ facts, expiresAt: offer.expiresAt, isEmergency: isEmergency(policy) }),
		react: createElement(OrderOfferEmail, {
			supplierName,
			facts,
			description: order.description,
			price: formatPrice(offer.priceMinor, order.currency),
			expiresAt: offer.expiresAt,
			isEmergency: isEmergency(policy),
			overrideReason,
			url: orderUrl('supplier', order.id),
		}),
	})
}
