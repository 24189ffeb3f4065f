import { invariantResponse } from '@epic-web/invariant'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { OffersTable } from '#app/components/orders/offers-table.tsx'
import { OrderSummary } from '#app/components/orders/order-summary.tsx'
import { OrderTimeline } from '#app/components/orders/order-timeline.tsx'
import { RoutingDecisionTable, weightsOfPolicy } from '#app/components/orders/routing-decision-table.tsx'
import { formatUtc } from '#app/components/scorecards/metrics.ts'
import { getOrderForBuyer } from '#app/models/order/order-page.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

// Read-only portal: loaders only, never an action. The auditor reads what the
// buyer reads about an order (minus what the buyer could do next), with event ids.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	const page = await getOrderForBuyer(getDb(), { orderId: params.orderId ?? '' })
	invariantResponse(page, 'Not found', { status: 404 })
	const { actions: _buyerActions, ...readOnly } = page
	return readOnly
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.order.number ?? 'Order'} · Audit · Procura` },
]

export default function AuditOrder() {
	const { order, events, decisions, offers, exceptions } = useLoaderData<typeof loader>()
	return (
		<div className="stack order-page">
			<p>
				<Link to="/audit/scorecards">← Scorecards</Link> ·{' '}
				<Link to={`/audit/audit-trail?entityId=${order.id}`}>This order in the audit trail</Link>
			</p>
			<OrderSummary
				order={order}
				extra={[
					['Supplier', order.supplierName ?? '—'],
					['Placed by', order.placedByName ?? '—'],
					...(order.reviewedByName ? ([['Reviewed by', order.reviewedByName]] as [string, string][]) : []),
				]}
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
					<ul>
						{exceptions.map((e) => (
							<li key={e.id}>
								{e.kindLabel}: {e.detail} — opened {formatUtc(e.openedAt)}
								{e.status === 'resolved' ? `, resolved${e.resolution ? `: ${e.resolution}` : ''}` : ', open'}
							</li>
						))}
					</ul>
				</section>
			) : null}
			<OrderTimeline events={events} showIds />
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
