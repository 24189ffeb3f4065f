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
import { listMonthScorecards } from '#app/models/scorecard/read-scorecards.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { monthKeyOf } from '#app/domain/scorecards/periods.ts'

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
	const ranking = await supplierRanking()
	return { ...dashboard, ranking, proposalsWaiting, exceptions, exceptionCount, reviews, operations }
}

/** Scored supplier × class rows of this month, best first: the dashboard's top and bottom 5. */
async function supplierRanking() {
	const now = new Date()
	const rows = await listMonthScorecards(getDb(), { month: monthKeyOf(now), now })
	const scored = rows
		.filter((r) => r.score !== null)
		.sort((a, b) => b.score! - a.score! || a.supplierName.localeCompare(b.supplierName))
		.map((r) => ({
			key: `${r.supplierId}|${r.orderClassId}`,
			supplierId: r.supplierId,
			supplierName: r.supplierName,
			className: r.className,
			score: r.score!,
		}))
	return {
		month: monthKeyOf(now),
		top: scored.slice(0, 5),
		bottom: scored.slice(-5).reverse(),
		total: scored.length,
	}
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
			<SupplierRanking ranking={d.ranking} />
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

function SupplierRanking({ ranking }: { ranking: Awaited<ReturnType<typeof supplierRanking>> }) {
	const list = (rows: typeof ranking.top, label: string) => (
		<div>
			<h3>{label}</h3>
			<ol>
				{rows.map((r) => (
					<li key={r.key}>
						<Link to={`/buyer/suppliers/${r.supplierId}`}>{r.supplierName}</Link> · {r.className} ·{' '}
						{r.score.toFixed(1)}
					</li>
				))}
			</ol>
		</div>
	)
	return (
		<section aria-labelledby="supplier-ranking">
			<h2 id="supplier-ranking">Supplier ranking ({ranking.month})</h2>
			{ranking.total === 0 ? (
				<p className="empty">No supplier has a score this month yet.</p>
			) : (
				<div className="ranking-panel">
					{list(ranking.top, 'Top 5 by score')}
					{list(ranking.bottom, 'Bottom 5 by score')}
				</div>
			)}
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
