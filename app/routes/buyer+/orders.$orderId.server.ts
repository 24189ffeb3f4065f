// The buyer order page's mutations: one per intent, each a single model call.
import { cancelOrder, closeOrder, requestRework } from '#app/models/order/buyer-work.server.ts'
import { requestChange } from '#app/models/order/request-change.server.ts'
import { reviewOrder } from '#app/models/order/review-order.server.ts'
import { assignManually, editAndReroute } from '#app/models/order/unroutable.server.ts'
import { type BuyerOrderAction } from '#app/schemas/order-actions.ts'
import { type SessionUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { type ToastInput } from '#app/utils/toast.server.ts'

/** Applies one buyer intent and says what happened, for the toast. */
export async function applyBuyerOrderAction(
	actor: SessionUser,
	orderId: string,
	action: BuyerOrderAction,
): Promise<ToastInput> {
	const db = getDb()
	const call = { actor, orderId, expectedVersion: action.expectedVersion }
	switch (action.intent) {
		case 'approve': {
			const { routing } = await reviewOrder(db, {
				...call,
				decision: 'approve',
				reason: action.reason ?? null,
			})
			const where =
				routing?.outcome === 'unroutable'
					? 'No supplier can take it: it is in the exception queue.'
					: 'It has been routed.'
			return { type: 'success', title: 'Order approved', description: where }
		}
		case 'reject':
			await reviewOrder(db, { ...call, decision: 'reject', reason: action.reason })
			return {
				type: 'success',
				title: 'Order rejected',
				description: 'The buyer who placed it has been told.',
			}
		case 'close':
			await closeOrder(db, call)
			return { type: 'success', title: 'Order closed', description: 'The supplier has been told.' }
		case 'request-rework':
			await requestRework(db, { ...call, reason: action.reason })
			return {
				type: 'success',
				title: 'Rework requested',
				description: 'The supplier has been told what to fix.',
			}
		case 'change': {
			const { ackDueAt } = await requestChange(db, {
				...call,
				quantity: action.quantity ?? null,
				neededBy: action.neededBy ?? null,
				reason: action.reason,
			})
			return {
				type: 'success',
				title: 'Change requested',
				description: `The supplier must acknowledge it by ${ackDueAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
			}
		}
		case 'cancel':
			await cancelOrder(db, { ...call, reason: action.reason })
			return {
				type: 'success',
				title: 'Order cancelled',
				description: 'Any supplier involved has been told.',
			}
		case 'assign':
			await assignManually(db, { ...call, supplierId: action.supplierId, reason: action.reason })
			return {
				type: 'success',
				title: 'Offered to the supplier you chose',
				description: 'Recorded as an override with your reason.',
			}
		case 'reroute': {
			const { routing } = await editAndReroute(db, {
				...call,
				quantity: action.quantity ?? null,
				neededBy: action.neededBy ?? null,
				region: action.region ?? null,
			})
			return routing?.outcome === 'offered'
				? {
						type: 'success',
						title: 'Order routed again',
						description: `Offered to ${routing.offers.map((o) => o.supplierName).join(', ')}.`,
					}
				: {
						type: 'error',
						title: 'Still no supplier',
						description: 'The edited order could not be routed either.',
					}
		}
	}
}
