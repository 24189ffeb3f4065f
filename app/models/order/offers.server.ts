import { and, eq } from 'drizzle-orm'
import { type Transaction, schema } from '#app/utils/db.server.ts'

const { orderOffers } = schema

/** Withdraws every pending offer of the order; returns what was withdrawn. */
export async function withdrawPendingOffers(tx: Transaction, orderId: string, now: Date) {
	return tx
		.update(orderOffers)
		.set({ response: 'withdrawn', respondedAt: now })
		.where(and(eq(orderOffers.orderId, orderId), eq(orderOffers.response, 'pending')))
		.returning({ id: orderOffers.id, supplierId: orderOffers.supplierId })
}

/** The order's pending offers with their terms, for re-pricing after a change. */
export async function pendingOffersOf(tx: Transaction, orderId: string) {
	return tx
		.select({
			id: orderOffers.id,
			supplierId: orderOffers.supplierId,
			contractTermId: orderOffers.contractTermId,
		})
		.from(orderOffers)
		.where(and(eq(orderOffers.orderId, orderId), eq(orderOffers.response, 'pending')))
}
