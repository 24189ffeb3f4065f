import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { EvidenceTable } from '#app/components/scorecards/evidence-table.tsx'
import { EVIDENCE_LABELS, formatMonth } from '#app/components/scorecards/metrics.ts'
import { evidenceRows } from '#app/domain/scorecards/evidence-rows.ts'
import { scorecardEvidence } from '#app/models/scorecard/recompute.server.ts'
import { DISPUTE_METRIC_KEYS, EvidenceQuerySchema } from '#app/schemas/scorecard-dispute.ts'
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
	const metrics = (metric ? [metric] : DISPUTE_METRIC_KEYS).map((key) => ({
		key,
		rows: evidenceRows(found.evidence, key),
	}))
	return { supplierName: found.supplierName, className: found.className, month, metrics }
}

export const meta: MetaFunction = () => [{ title: 'Scorecard evidence · Supplier · Procura' }]

export default function ScorecardEvidence() {
	const { className, month, metrics } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<p>
				<Link to={`/supplier/scorecard?month=${month}`}>← Scorecard</Link>
			</p>
			<h1>
				Evidence: {className}, {formatMonth(month)}
			</h1>
			<p className="muted">
				Recomputed from your order events. A correction after a dispute changes the live figures only;
				published months stay as published.
			</p>
			{metrics.map((m) => (
				<section key={m.key} aria-labelledby={`ev-${m.key}`}>
					<h2 id={`ev-${m.key}`}>{EVIDENCE_LABELS[m.key]}</h2>
					<EvidenceTable
						metric={m.key}
						rows={m.rows}
						orderHref={(row) => `/supplier/orders/${row.orderId}`}
					/>
				</section>
			))}
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
