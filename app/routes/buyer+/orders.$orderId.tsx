import { invariantResponse } from '@epic-web/invariant'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { ExceptionQueue } from '#app/components/orders/exception-queue.tsx'
import { BuyerOrderActions } from '#app/components/orders/buyer-order-actions.tsx'
import { OffersTable } from '#app/components/orders/offers-table.tsx'
import { OrderSummary } from '#app/components/orders/order-summary.tsx'
import { OrderTimeline } from '#app/components/orders/order-timeline.tsx'
import { orderValue } from '#app/components/orders/orders-table.tsx'
import { RoutingDecisionTable, weightsOfPolicy } from '#app/components/orders/routing-decision-table.tsx'
import { getOrderForBuyer } from '#app/models/order/order-page.server.ts'
import { listActiveSupplierOptions } from '#app/models/order/ui-options.server.ts'
import {
	actionFailure,
	actionFailureFromAppError,
	BUYER_ORDER_INTENTS,
	buildBuyerOrderActionSchema,
	type ActionFailure,
} from '#app/schemas/order-actions.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { applyBuyerOrderAction } from './orders.$orderId.server.ts'

const FIELDS = ['reason', 'quantity', 'neededBy', 'region', 'supplierId']

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireUserWithRole(request, 'buyer')
	const [page, suppliers] = await Promise.all([
		getOrderForBuyer(getDb(), { orderId: params.orderId ?? '', viewerId: user.id }),
		listActiveSupplierOptions(getDb()),
	])
	invariantResponse(page, 'Not found', { status: 404 })
	const ownReview = page.order.status === 'in_review' && page.order.placedByUserId === user.id
	const now = Date.now()
	const exceptions = page.exceptions.map((e) => ({
		...e,
		ageSeconds: Math.max(0, Math.floor((now - e.openedAt.getTime()) / 1000)),
	}))
	return { ...page, exceptions, suppliers, ownReview }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const orderId = params.orderId ?? ''
	const submission = await parseSubmission(request, buildBuyerOrderActionSchema())
	if (!submission.success) {
		return data(actionFailure(BUYER_ORDER_INTENTS, submission.errors, submission.values, FIELDS), {
			status: 400,
		})
	}
	try {
		const toast = await applyBuyerOrderAction(actor, orderId, submission.data)
		return redirectWithToast(`/buyer/orders/${orderId}`, toast)
	} catch (error) {
		if (!isAppError(error)) throw error
		invariantResponse(error.code !== 'NOT_FOUND', 'Not found', { status: 404 })
		const failure = actionFailureFromAppError(BUYER_ORDER_INTENTS, error, submission.values, FIELDS)
		return data(failure, { status: statusForAppError(error.code) })
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.order.number ?? 'Order'} · Buyer · Procura` },
]

export default function BuyerOrder() {
	const { order, events, decisions, offers, exceptions, actions, suppliers, ownReview } =
		useLoaderData<typeof loader>()
	const failure = (useActionData<typeof action>() as ActionFailure | undefined) ?? null
	const open = exceptions.filter((e) => e.status === 'open')
	return (
		<div className="stack order-page">
			<p>
				<Link to="/buyer/orders">← Orders</Link>
			</p>
			<OrderSummary
				order={order}
				extra={[
					['Supplier', order.supplierName ?? '—'],
					...(order.agreedPriceMinor === null
						? ([['Estimate', orderValue(order)]] as [string, string][])
						: []),
					['Placed by', order.placedByName ?? '—'],
					...(order.preferredSupplierName
						? ([['Preferred supplier', order.preferredSupplierName]] as [string, string][])
						: []),
					...(order.reviewedByName ? ([['Reviewed by', order.reviewedByName]] as [string, string][]) : []),
				]}
			/>
			{failure && failure.intent === null ? (
				<p className="form-error" role="alert">
					{failure.message}
				</p>
			) : null}
			<BuyerOrderActions
				actions={actions}
				version={order.version}
				orderNumber={order.number}
				failure={failure}
				suppliers={suppliers}
				reviewNote={ownReview ? 'You placed this order; another buyer must review it.' : null}
			/>
			<RoutingDecisionTable
				decisions={decisions}
				chosenSupplierId={order.assignedSupplierId}
				currency={order.currency}
				weights={weightsOfPolicy(order.policy)}
			/>
			<section aria-labelledby="offers-heading" className="card stack">
				<h2 id="offers-heading">Offers</h2>
				<OffersTable offers={offers} currency={order.currency} />
			</section>
			{exceptions.length > 0 ? (
				<section aria-labelledby="order-exceptions-heading" className="card stack">
					<h2 id="order-exceptions-heading">Exceptions</h2>
					{open.length > 0 ? (
						<ExceptionQueue rows={open.map((e) => ({ ...e, orderNumber: order.number }))} />
					) : null}
					<ul className="resolved-exceptions">
						{exceptions
							.filter((e) => e.status === 'resolved')
							.map((e) => (
								<li key={e.id}>
									{e.kindLabel}: {e.detail} — resolved{e.resolution ? `: ${e.resolution}` : ''}
								</li>
							))}
					</ul>
					<p>
						<Link to="/buyer/exceptions">Open the exception queue</Link>
					</p>
				</section>
			) : null}
			<OrderTimeline events={events} />
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
