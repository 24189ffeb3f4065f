import { type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EvidenceTable } from '#app/components/scorecards/evidence-table.tsx'
import {
	EVIDENCE_LABELS,
	formatHours,
	formatMonth,
	formatPercent,
	rateCounts,
	RATES,
} from '#app/components/scorecards/metrics.ts'
import { EVIDENCE_METRICS, type EvidenceMetric, evidenceSearch } from '#app/schemas/scorecard-filters.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { loadFigureEvidence } from './__scorecards.server.ts'

// Read-only portal: loaders only, never an action.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	const { found, errors } = await loadFigureEvidence(getDb(), {
		supplierId: params.supplierId,
		searchParams: new URL(request.url).searchParams,
		now: new Date(),
	})
	if (Object.keys(errors).length > 0) return data({ found: null, errors }, { status: 400 })
	if (!found) throw new Response('Not found', { status: 404 })
	return { found, errors }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{
		title: data?.found
			? `${EVIDENCE_LABELS[data.found.metric]} · ${data.found.supplierName} · Audit · Procura`
			: 'Scorecard evidence · Audit · Procura',
	},
]

/** The figure in one line: "62.5% (5 of 8 first deliveries with a due time)" or "median 3.5 h over 8 orders". */
function figureSummary(
	metric: EvidenceMetric,
	{ metrics, counters, rows }: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['found']>,
) {
	if (metric in RATES) {
		const rate = metric as keyof typeof RATES
		return `${formatPercent(metrics[rate])} (${rateCounts(rate, counters)})`
	}
	const median = metric === 'cycleTime' ? metrics.cycleMedianMinutes : metrics.changeAckMedianMinutes
	const p90 = metric === 'cycleTime' ? ` · p90 ${formatHours(metrics.cycleP90Minutes)}` : ''
	return `median ${formatHours(median)}${p90} over ${rows.length} ${rows.length === 1 ? 'order' : 'orders'}`
}

export default function FigureEvidence() {
	const { found, errors } = useLoaderData<typeof loader>()
	if (!found) {
		return (
			<div className="stack">
				<h1>Scorecard evidence</h1>
				<p className="notice" role="alert">
					This link does not say which figure to explain: {Object.values(errors).join(' ')}
				</p>
				<p>
					<Link to="/audit/scorecards">Open the scorecards</Link> and follow a figure from there.
				</p>
			</div>
		)
	}
	const base = `/audit/scorecards/${found.supplierId}`
	const query = { orderClassId: found.orderClassId, month: found.month }
	return (
		<div className="stack">
			<p>
				<Link to={`${base}?month=${found.month}`}>← {found.supplierName}</Link>
			</p>
			<h1>
				{EVIDENCE_LABELS[found.metric]}: {found.className}, {formatMonth(found.month)}
			</h1>
			<p className="lead">
				{found.supplierName}: {figureSummary(found.metric, found)}
			</p>
			<p className="muted">
				Recomputed now from the order events. A published month’s figures can be checked against these on the{' '}
				<Link to={`${base}/recompute?${evidenceSearch(query)}`}>recompute page</Link>.
			</p>
			<nav aria-label="Other figures of this scorecard">
				<ul className="chip-list">
					{EVIDENCE_METRICS.map((m) => (
						<li key={m}>
							<Link
								className="chip"
								to={`?${evidenceSearch({ ...query, metric: m })}`}
								aria-current={m === found.metric ? 'page' : undefined}
							>
								{EVIDENCE_LABELS[m]}
							</Link>
						</li>
					))}
				</ul>
			</nav>
			<section aria-labelledby="rows-heading">
				<div className="toolbar page-header">
					<h2 id="rows-heading">
						{found.rows.length} {found.rows.length === 1 ? 'order' : 'orders'} behind the figure
					</h2>
					{found.rows.length > 0 ? (
						<a
							className="button secondary"
							href={`${base}/evidence.csv?${evidenceSearch({ ...query, metric: found.metric })}`}
							download
						>
							Download CSV
						</a>
					) : null}
				</div>
				<EvidenceTable
					metric={found.metric}
					rows={found.rows}
					orderHref={(row) => `/audit/orders/${row.orderId}#event-${row.eventIds.at(-1)}`}
				/>
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
