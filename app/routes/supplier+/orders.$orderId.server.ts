// The supplier's order mutations (inbox and order page): one per intent, each a single model call
// scoped by the session's supplier.
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import {
	acknowledgeChange,
	deliverOrder,
	postUpdate,
	resumeWork,
	startWork,
} from '#app/models/order/supplier-work.server.ts'
import { type SupplierOrderAction } from '#app/schemas/order-actions.ts'
import { type SupplierSessionUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type ToastInput } from '#app/utils/toast.server.ts'

/** Applies one supplier intent; says what happened and where to go next. */
export async function applySupplierOrderAction(
	actor: SupplierSessionUser,
	action: SupplierOrderAction,
	/** The order page's order; null from the inbox (accept and decline name their offer). */
	orderId: string | null,
): Promise<{ toast: ToastInput; orderId: string | null }> {
	const db = getDb()
	const supplierId = actor.supplierId
	const expectedVersion = action.expectedVersion
	if (action.intent === 'accept' || action.intent === 'decline') {
		const answer = await respondToOffer(db, {
			actor,
			supplierId,
			offerId: action.offerId,
			expectedVersion,
			response: action.intent,
			declineReason: action.intent === 'decline' ? action.declineReason : null,
		})
		return action.intent === 'accept'
			? {
					toast: {
						type: 'success',
						title: 'Offer accepted',
						description: 'The order is yours. The buyer has been told.',
					},
					orderId: answer.orderId,
				}
			: {
					toast: {
						type: 'success',
						title: 'Offer declined',
						description: 'The buyer has been told, with your reason.',
					},
					orderId: null,
				}
	}
	const call = { actor, supplierId, orderId: orderId ?? '', expectedVersion }
	switch (action.intent) {
		case 'start':
			await startWork(db, call)
			return {
				toast: { type: 'success', title: 'Work started', description: 'The buyer has been told.' },
				orderId,
			}
		case 'post-update':
			await postUpdate(db, { ...call, note: action.note })
			return {
				toast: { type: 'success', title: 'Update posted', description: 'The buyer sees it on the order.' },
				orderId,
			}
		case 'deliver':
			await deliverOrder(db, { ...call, deliveredQuantity: action.deliveredQuantity })
			return {
				toast: {
					type: 'success',
					title: 'Marked as delivered',
					description: 'The buyer will confirm and close it.',
				},
				orderId,
			}
		case 'resume':
			await resumeWork(db, call)
			return {
				toast: { type: 'success', title: 'Rework started', description: 'The buyer has been told.' },
				orderId,
			}
		case 'acknowledge-change':
			await acknowledgeChange(db, call)
			return {
				toast: { type: 'success', title: 'Change acknowledged', description: 'The buyer has been told.' },
				orderId,
			}
	}
}
