import { eq } from 'drizzle-orm'
import { createElement } from 'react'
import { reasonProblem } from '#app/domain/orders/order-events.ts'
import { priceFor } from '#app/domain/pricing/price-for.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, type Transaction, schema } from '#app/utils/db.server.ts'
import { formatUtc } from '#emails/order-email-parts.tsx'
import {
	getOrderChangeRequestedSubject,
	OrderChangeRequestedEmail,
	type OrderChange,
} from '#emails/order-change-requested.tsx'
import { assertBuyer, type BuyerCall } from './buyer-work.server.ts'
import { type ClassPolicy, loadClassPolicy, loadTermById } from './candidates.server.ts'
import { addCapacityLoad } from './capacity-load.server.ts'
import { changeOrder, type ChangeResult, tellSuppliers } from './order-change.server.ts'
import { formatPrice, orderUrl } from './order-emails.server.ts'
import { quantityProblems } from './order-input.server.ts'
import { transition } from './order-journal.server.ts'
import { pendingOffersOf } from './offers.server.ts'

const { orderOffers } = schema

/**
 * The buyer changes quantity and/or needed-by of an offered or accepted order.
 * The price is re-computed from the contract term (the agreed price, or each
 * pending offer's), committed capacity follows the quantity, and the supplier
 * must re-acknowledge within the class's acknowledgement deadline.
 */
export async function requestChange(
	db: Executor,
	{
		quantity,
		neededBy,
		reason,
		...call
	}: BuyerCall & { quantity?: number | null; neededBy?: Date | null; reason: string },
): Promise<ChangeResult & { ackDueAt: Date; priceMinor: number | null }> {
	const { actor, orderId, expectedVersion, now = new Date() } = call
	assertBuyer(actor)
	const problem = reasonProblem(reason, 'the reason for the change')
	if (problem) throw new AppError('RULE_VIOLATION', { message: problem, field: 'reason' })
	const [qtyProblem] = quantity === undefined || quantity === null ? [] : quantityProblems(quantity)
	if (qtyProblem) throw new AppError('RULE_VIOLATION', { message: qtyProblem.message, field: 'quantity' })
	if (neededBy && (Number.isNaN(neededBy.getTime()) || neededBy.getTime() <= now.getTime())) {
		throw new AppError('RULE_VIOLATION', {
			message: 'The new needed-by time must be in the future.',
			field: 'neededBy',
		})
	}
	const text = reason.trim()
	let ackDueAt = now
	let priceMinor: number | null = null
	const result = await changeOrder(db, { actor, orderId, expectedVersion, now }, async (c) => {
		const { order } = c
		const newQuantity = quantity ?? order.quantity
		const newNeededBy = neededBy ?? order.neededBy
		const changes: OrderChange[] = []
		if (newQuantity !== order.quantity) {
			changes.push({
				label: 'Quantity',
				from: `${order.quantity.toLocaleString('en-GB')} ${order.unit}`,
				to: `${newQuantity.toLocaleString('en-GB')} ${order.unit}`,
			})
		}
		if (newNeededBy.getTime() !== order.neededBy.getTime()) {
			changes.push({ label: 'Needed by', from: formatUtc(order.neededBy), to: formatUtc(newNeededBy) })
		}
		if (changes.length === 0) {
			throw new AppError('RULE_VIOLATION', {
				message: 'Change the quantity or the needed-by time.',
				field: 'quantity',
			})
		}
		const policy = await loadClassPolicy(c.tx, {
			orderClassId: order.orderClassId,
			categoryId: order.categoryId,
			policyId: order.orderClassPolicyId,
		})
		if (!policy) throw new Error(`Order ${order.id} has no policy ${order.orderClassPolicyId}`)
		ackDueAt = new Date(now.getTime() + policy.ackDeadlineMinutes * 60_000)
		const supplierIds: string[] = []

		if (order.status === 'accepted' && order.assignedSupplierId) {
			supplierIds.push(order.assignedSupplierId)
			priceMinor = order.contractTermId
				? await repriced(c.tx, order.contractTermId, newQuantity, policy)
				: order.agreedPriceMinor
			if (order.acceptedAt && newQuantity !== order.quantity) {
				await addCapacityLoad(c.tx, {
					supplierId: order.assignedSupplierId,
					categoryId: order.categoryId,
					orderClassId: order.orderClassId,
					at: order.acceptedAt,
					units: newQuantity - order.quantity,
					orders: 0,
				})
			}
		} else {
			for (const offer of await pendingOffersOf(c.tx, order.id)) {
				supplierIds.push(offer.supplierId)
				if (!offer.contractTermId) continue
				const offerPrice = await repriced(c.tx, offer.contractTermId, newQuantity, policy)
				await c.tx.update(orderOffers).set({ priceMinor: offerPrice }).where(eq(orderOffers.id, offer.id))
			}
		}

		transition(c.journal, c.working, {
			action: 'request_change',
			type: 'change_requested',
			actor: c.who,
			now,
			supplierId: order.assignedSupplierId,
			data: {
				reason: text,
				changes,
				quantity: newQuantity,
				neededBy: newNeededBy.toISOString(),
				priceMinor,
				ackDueAt: ackDueAt.toISOString(),
			},
		})
		await tellSuppliers(c, supplierIds, (_to, supplierName) => ({
			subject: getOrderChangeRequestedSubject({ orderNumber: order.number, ackDueAt }),
			react: createElement(OrderChangeRequestedEmail, {
				supplierName,
				orderNumber: order.number,
				changes,
				reason: text,
				price: formatPrice(priceMinor, order.currency),
				ackDueAt,
				url: orderUrl('supplier', order.id),
			}),
		}))
		return {
			quantity: newQuantity,
			neededBy: newNeededBy,
			...(order.status === 'accepted' ? { agreedPriceMinor: priceMinor } : {}),
			changePendingSince: now,
			changeAckDueAt: ackDueAt,
		}
	})
	return { ...result, ackDueAt, priceMinor }
}

async function repriced(tx: Transaction, termId: string, quantity: number, policy: ClassPolicy) {
	const term = await loadTermById(tx, termId)
	if (!term) return null
	const quote = priceFor(term, quantity, { name: policy.className, minQuantity: policy.minQuantity })
	if (!quote.ok) throw new AppError('RULE_VIOLATION', { message: quote.message, field: 'quantity' })
	return quote.totalMinor
}
