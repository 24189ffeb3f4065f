// What the buyer is told after placing an order, by where the order went.
import { type PlacedOrder } from '#app/models/order/place-order.server.ts'
import { type ToastInput } from '#app/utils/toast.server.ts'

export function placedToast(
	placed: Pick<PlacedOrder, 'number' | 'status' | 'warnings' | 'reviewReasons' | 'routing'>,
): ToastInput {
	const title = `Order ${placed.number} placed`
	const warnings = placed.warnings.length ? ` ${placed.warnings.join(' ')}` : ''
	if (placed.status === 'in_review') {
		return {
			type: 'message',
			title,
			description: `It waits for a second buyer's review: ${placed.reviewReasons.join('; ')}.${warnings}`,
		}
	}
	if (placed.status === 'unroutable') {
		return {
			type: 'error',
			title,
			description: `No supplier can take it now; it is in the exception queue.${warnings}`,
		}
	}
	const offers = placed.routing?.offers ?? []
	const names = offers.map((o) => o.supplierName).join(', ')
	return {
		type: 'success',
		title,
		description: `Offered to ${offers.length === 1 ? names : `${offers.length} suppliers (${names})`}.${warnings}`,
	}
}
