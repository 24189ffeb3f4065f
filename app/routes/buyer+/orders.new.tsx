import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { OrderIntakeFormView } from '#app/components/orders/order-intake-form.tsx'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { listOrderFormOptions } from '#app/models/order/ui-options.server.ts'
import { buildOrderIntakeSchema, INTAKE_FIELDS, toUtcInputValue } from '#app/schemas/order.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formErrors, parseSubmission, pickValues } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { placedToast } from './orders.toasts.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	return listOrderFormOptions(getDb())
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const { classes } = await listOrderFormOptions(getDb())
	const submission = await parseSubmission(request, buildOrderIntakeSchema(classes))
	const typed = pickValues(submission.values, INTAKE_FIELDS)
	// The browser sends the instant it read in the viewer's zone; refill the field with the same moment.
	if (typed.neededBy && /[zZ]|[+-]\d{2}:\d{2}$/.test(typed.neededBy))
		typed.neededBy = toUtcInputValue(typed.neededBy)
	if (!submission.success) return data({ errors: submission.errors, defaultValues: typed }, { status: 400 })
	try {
		const placed = await placeOrder(getDb(), { actor, input: submission.data })
		return redirectWithToast(`/buyer/orders/${placed.orderId}`, placedToast(placed))
	} catch (error) {
		if (!isAppError(error) || error.code === 'FORBIDDEN') throw error
		const errors: Record<string, { type: string; message: string }> = {}
		for (const issue of error.issues ?? [])
			errors[String(issue.path[0])] ??= { type: 'server', message: issue.message }
		if (error.field) errors[error.field] ??= { type: 'server', message: error.message }
		const all = Object.keys(errors).length > 0 ? errors : formErrors(error.message)
		return data({ errors: all, defaultValues: typed }, { status: statusForAppError(error.code) })
	}
}

export const meta: MetaFunction = () => [{ title: 'New order · Buyer · Procura' }]

export default function NewOrder() {
	const { classes, categories, suppliers } = useLoaderData<typeof loader>()
	const failure = useActionData<typeof action>()
	return (
		<div className="stack">
			<p>
				<Link to="/buyer/orders">← Orders</Link>
			</p>
			<h1 id="new-order-heading">New order</h1>
			<p className="muted">
				The order is checked against its class's current policy. Orders above the class's approval threshold,
				or with a risk, wait for a second buyer; everything else is routed to a supplier at once.
			</p>
			<OrderIntakeFormView
				classes={classes}
				categories={categories}
				suppliers={suppliers}
				rootError={
					failure && 'errors' in failure
						? (failure.errors as { root?: { message?: string } }).root?.message
						: undefined
				}
			/>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
