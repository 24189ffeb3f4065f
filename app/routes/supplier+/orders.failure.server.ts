// Turning a supplier order action's outcome into a response: the same for the inbox and the order page.
import { invariantResponse } from '@epic-web/invariant'
import { data } from '@remix-run/node'
import {
	actionFailure,
	actionFailureFromAppError,
	SUPPLIER_ORDER_INTENTS,
	SupplierOrderActionSchema,
} from '#app/schemas/order-actions.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { type SupplierSessionUser } from '#app/utils/auth.server.ts'
import { parseSubmission } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { applySupplierOrderAction } from './orders.$orderId.server.ts'

const FIELDS = ['declineReason', 'note', 'deliveredQuantity']

/** Parses, applies and answers: a redirect with a toast, 400/409/422 with the form's failure, 404 when not theirs. */
export async function handleSupplierOrderAction(
	request: Request,
	actor: SupplierSessionUser,
	orderId: string | null,
) {
	const submission = await parseSubmission(request, SupplierOrderActionSchema)
	if (!submission.success) {
		return data(actionFailure(SUPPLIER_ORDER_INTENTS, submission.errors, submission.values, FIELDS), {
			status: 400,
		})
	}
	try {
		const done = await applySupplierOrderAction(actor, submission.data, orderId)
		return redirectWithToast(
			done.orderId ? `/supplier/orders/${done.orderId}` : '/supplier/orders',
			done.toast,
		)
	} catch (error) {
		if (!isAppError(error)) throw error
		invariantResponse(error.code !== 'NOT_FOUND', 'Not found', { status: 404 })
		const failure = actionFailureFromAppError(SUPPLIER_ORDER_INTENTS, error, submission.values, FIELDS)
		return data(failure, { status: statusForAppError(error.code) })
	}
}
