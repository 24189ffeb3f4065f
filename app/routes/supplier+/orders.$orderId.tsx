import { invariantResponse } from '@epic-web/invariant'
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { OfferCountdown } from '#app/components/orders/offer-countdown.tsx'
import { OffersTable } from '#app/components/orders/offers-table.tsx'
import { OrderSummary } from '#app/components/orders/order-summary.tsx'
import { OrderTimeline } from '#app/components/orders/order-timeline.tsx'
import { SupplierOrderActions } from '#app/components/orders/supplier-order-actions.tsx'
import { getOrderForSupplier } from '#app/models/order/supplier-orders.server.ts'
import { type ActionFailure } from '#app/schemas/order-actions.ts'
import { requireSupplierUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { handleSupplierOrderAction } from './orders.failure.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const { supplierId } = await requireSupplierUser(request)
	const page = await getOrderForSupplier(getDb(), { supplierId, orderId: params.orderId ?? '' })
	invariantResponse(page, 'Not found', { status: 404 })
	return page
}

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireSupplierUser(request)
	const orderId = params.orderId ?? ''
	// Another supplier's order is not found, whatever the form says.
	const page = await getOrderForSupplier(getDb(), { supplierId: actor.supplierId, orderId })
	invariantResponse(page, 'Not found', { status: 404 })
	return handleSupplierOrderAction(request, actor, orderId)
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.order.number ?? 'Order'} · Supplier · Procura` },
]

export default function SupplierOrder() {
	const { order, pendingOffer, offers, events, actions } = useLoaderData<typeof loader>()
	const failure = (useActionData<typeof action>() as ActionFailure | undefined) ?? null
	return (
		<div className="stack order-page">
			<p>
				<Link to="/supplier/orders">← Orders</Link>
			</p>
			<OrderSummary
				order={{ ...order, justification: order.justification }}
				extra={
					pendingOffer
						? [['Answer within', <OfferCountdown key="c" expiresAt={pendingOffer.expiresAt} />]]
						: []
				}
			/>
			{!order.assignedToMe && !pendingOffer ? (
				<p className="notice">This order is not yours: you no longer have an open offer for it.</p>
			) : null}
			{failure && failure.intent === null ? (
				<p className="form-error" role="alert">
					{failure.message}
				</p>
			) : null}
			<SupplierOrderActions
				actions={actions}
				version={order.version}
				orderNumber={order.number}
				quantity={order.quantity}
				pendingOfferId={pendingOffer?.id ?? null}
				failure={failure}
			/>
			<section aria-labelledby="my-offers-heading" className="card stack">
				<h2 id="my-offers-heading">Your offers for this order</h2>
				<OffersTable offers={offers} currency={order.currency} showSupplier={false} />
			</section>
			<OrderTimeline events={events.map((e) => ({ ...e, actorName: null }))} />
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
