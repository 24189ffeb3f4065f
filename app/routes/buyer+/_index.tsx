import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { OperationsGlance } from '#app/components/operations/glance-panel.tsx'
import { BuyerOrderPanels } from '#app/components/orders/dashboard-panels.tsx'
import { StatList } from '#app/components/portal-shell.tsx'
import { countProposalsWaitingForBuyer } from '#app/models/contract/dashboard-figures.server.ts'
import { getBuyerDashboard } from '#app/models/dashboard.server.ts'
import { getOperationsGlance } from '#app/models/operations/get-operations-glance.server.ts'
import { countOpenExceptions, listOpenExceptions } from '#app/models/order/exceptions.server.ts'
import { listOrders } from '#app/models/order/list-orders.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const [dashboard, proposalsWaiting, exceptions, exceptionCount, reviews, operations] = await Promise.all([
		getBuyerDashboard(getDb()),
		countProposalsWaitingForBuyer(getDb()),
		listOpenExceptions(getDb(), { limit: 5 }),
		countOpenExceptions(getDb()),
		listOrders(getDb(), { status: 'in_review', sort: 'needed_by', limit: 5 }),
		getOperationsGlance(getDb()),
	])
	return { ...dashboard, proposalsWaiting, exceptions, exceptionCount, reviews, operations }
}

export const meta: MetaFunction = () => [{ title: 'Buyer dashboard · Procura' }]

export default function BuyerDashboard() {
	const d = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<h1>Buyer dashboard</h1>
			<BuyerOrderPanels
				exceptions={d.exceptions}
				exceptionCount={d.exceptionCount}
				reviews={d.reviews.rows}
				reviewCount={d.reviews.total}
			/>
			<OperationsGlance glance={d.operations} />
			<section aria-labelledby="supply-base">
				<h2 id="supply-base">Supply base</h2>
				<StatList
					stats={[
						{ label: 'Suppliers', value: d.supplierCount },
						{ label: 'Active suppliers', value: d.suppliersByStatus.active ?? 0 },
						{ label: 'Invited, not yet active', value: d.suppliersByStatus.invited ?? 0 },
						{
							label: 'On hold or blocked',
							value: (d.suppliersByStatus.on_hold ?? 0) + (d.suppliersByStatus.blocked ?? 0),
						},
						{ label: 'Regions covered', value: d.regionCount },
					]}
				/>
			</section>
			<section aria-labelledby="framework">
				<h2 id="framework">Classification framework</h2>
				<StatList
					stats={[
						{ label: 'Order classes in use', value: d.orderClassCount },
						{ label: 'Service categories', value: d.categoryCount },
					]}
				/>
				<p>
					<Link
						to="/buyer/coverage"
						className={d.coverageGapCount > 0 ? 'coverage-summary has-gaps' : undefined}
					>
						Coverage gaps: {d.coverageGapCount}
					</Link>{' '}
					<span className="muted">(category × class combinations no active supplier serves)</span>
				</p>
			</section>
			<section aria-labelledby="contracts">
				<h2 id="contracts">Contracts</h2>
				<StatList stats={[{ label: 'Supplier proposals waiting for you', value: d.proposalsWaiting }]} />
				<p>
					<Link to="/buyer/contracts">
						{d.proposalsWaiting > 0 ? 'Answer them in Contracts' : 'All contracts'}
					</Link>{' '}
					<span className="muted">(a counter-proposal is marked “Waiting for you” in the list)</span>
				</p>
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
