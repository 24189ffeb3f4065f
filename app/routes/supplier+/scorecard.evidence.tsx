import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { type EvidenceItem } from '#app/domain/scorecards/scorecard-evidence.ts'
import { scorecardEvidence } from '#app/models/scorecard/read-scorecards.server.ts'
import { DISPUTE_METRICS, EvidenceQuerySchema, type DisputeMetric } from '#app/schemas/scorecard-dispute.ts'
import { requireSupplierUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	// Evidence is computed for the session's supplier: another supplier's id in the URL changes nothing.
	const { supplierId } = await requireSupplierUser(request)
	const query = EvidenceQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams))
	if (!query.success) throw new Response('Not found', { status: 404 })
	const { class: orderClassId, month, metric } = query.data
	const found = await scorecardEvidence(getDb(), { supplierId, orderClassId, month })
	if (!found) throw new Response('Not found', { status: 404 })
	const metrics = (metric ? [metric] : (Object.keys(DISPUTE_METRICS) as DisputeMetric[])).map((key) => {
		const list = found.evidence[DISPUTE_METRICS[key].evidence]
		return Array.isArray(list)
			? { key, numerator: null, denominator: list as (EvidenceItem & { minutes?: number })[] }
			: { key, numerator: list.numerator, denominator: list.denominator }
	})
	return { supplierName: found.supplierName, className: found.className, month, metrics }
}

export const meta: MetaFunction = () => [{ title: 'Scorecard evidence · Supplier · Procura' }]

function Items({ items, caption }: { items: (EvidenceItem & { minutes?: number })[]; caption: string }) {
	if (items.length === 0) return <p className="muted">{caption}: none.</p>
	return (
		<table>
			<caption>{caption}</caption>
			<thead>
				<tr>
					<th scope="col">Order</th>
					<th scope="col">When (UTC)</th>
					<th scope="col">What the events showed</th>
				</tr>
			</thead>
			<tbody>
				{items.map((item) => (
					<tr key={`${item.orderId}-${item.eventIds.join('-')}`}>
						<td>
							<Link to={`/supplier/orders/${item.orderId}`}>{item.orderNumber}</Link>
						</td>
						<td>{new Date(item.at).toISOString().slice(0, 16).replace('T', ' ')}</td>
						<td>{item.detail}</td>
					</tr>
				))}
			</tbody>
		</table>
	)
}

export default function ScorecardEvidence() {
	const { className, month, metrics } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<p>
				<Link to={`/supplier/scorecard?month=${month}`}>← Scorecard</Link>
			</p>
			<h1>
				Evidence: {className}, {month}
			</h1>
			<p className="muted">
				Recomputed from your order events. A correction after a dispute changes the live figures only;
				published months stay as published.
			</p>
			{metrics.map((m) => (
				<section key={m.key} aria-labelledby={`ev-${m.key}`}>
					<h2 id={`ev-${m.key}`}>{DISPUTE_METRICS[m.key].label}</h2>
					{m.numerator ? <Items items={m.numerator} caption="Counted (numerator)" /> : null}
					<Items items={m.denominator} caption={m.numerator ? 'Out of (denominator)' : 'Measured orders'} />
				</section>
			))}
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
