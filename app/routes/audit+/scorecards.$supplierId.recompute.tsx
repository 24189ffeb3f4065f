import { type LoaderFunctionArgs, type MetaFunction, data } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatMonth, formatScore, formatUtc } from '#app/components/scorecards/metrics.ts'
import { recomputeScorecard } from '#app/models/scorecard/recompute.server.ts'
import { evidenceSearch, isUuid, parseFigureQuery } from '#app/schemas/scorecard-filters.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getFigureNames } from './__scorecards.server.ts'

// Read-only portal: loaders only, never an action. Recomputing reads the events
// and compares; it writes nothing, so a GET is the honest method.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	const supplierId = params.supplierId
	if (!isUuid(supplierId)) throw new Response('Not found', { status: 404 })
	const parsed = parseFigureQuery(new URL(request.url).searchParams, new Date(), { withMetric: false })
	if (!parsed.success) return data({ result: null, errors: parsed.errors }, { status: 400 })
	const { orderClassId, month } = parsed.query
	const db = getDb()
	const names = await getFigureNames(db, { supplierId, orderClassId })
	if (!names) throw new Response('Not found', { status: 404 })
	const outcome = await recomputeScorecard(db, { supplierId, orderClassId, month })
	return { result: { ...names, supplierId, orderClassId, month, ...outcome }, errors: {} }
}

export const meta: MetaFunction = () => [{ title: 'Recompute a scorecard · Audit · Procura' }]

export default function RecomputeScorecard() {
	const { result, errors } = useLoaderData<typeof loader>()
	if (!result) {
		return (
			<div className="stack">
				<h1>Recompute a scorecard</h1>
				<p className="notice" role="alert">
					This link does not say which scorecard to recompute: {Object.values(errors).join(' ')}
				</p>
				<p>
					<Link to="/audit/scorecards">Open the scorecards</Link> and choose Recompute on a published month.
				</p>
			</div>
		)
	}
	const { snapshot, recomputed } = result
	const evidenceHref = `/audit/scorecards/${result.supplierId}/evidence?${evidenceSearch({
		orderClassId: result.orderClassId,
		month: result.month,
		metric: 'onTimeRate',
	})}`
	return (
		<div className="stack">
			<p>
				<Link to={`/audit/scorecards/${result.supplierId}?month=${result.month}`}>
					← {result.supplierName}
				</Link>
			</p>
			<h1>
				Recompute: {result.className}, {formatMonth(result.month)}
			</h1>
			{!snapshot ? (
				<p className="notice" role="status">
					{result.supplierName} has no published scorecard for {result.className} in{' '}
					{formatMonth(result.month)}, so there is nothing to compare. The live figures and their{' '}
					<Link to={evidenceHref}>evidence</Link> are computed from the events on every view.
				</p>
			) : (
				<>
					<p className={result.matches ? 'notice ok' : 'notice bad'} role="status">
						{result.matches
							? 'Match: the events recompute to exactly the published counts and inputs hash.'
							: `Difference: ${result.differences.length} ${result.differences.length === 1 ? 'field differs' : 'fields differ'} between the published snapshot and the events now.`}
					</p>
					<dl className="facts">
						<div>
							<dt>Published</dt>
							<dd>{formatUtc(snapshot.publishedAt)}</dd>
						</div>
						<div>
							<dt>Scorecard policy</dt>
							<dd>version {snapshot.policyVersion}</dd>
						</div>
						<div>
							<dt>Published score</dt>
							<dd>{formatScore(snapshot.score)}</dd>
						</div>
						<div>
							<dt>Recomputed score</dt>
							<dd>{formatScore(recomputed.score)}</dd>
						</div>
						<div>
							<dt>Published inputs hash</dt>
							<dd>
								<code>{snapshot.inputsHash}</code>
							</dd>
						</div>
						<div>
							<dt>Recomputed inputs hash</dt>
							<dd>
								<code>{recomputed.inputsHash}</code>
							</dd>
						</div>
					</dl>
					{result.differences.length > 0 ? (
						<div className="table-wrap">
							<table>
								<caption>What differs</caption>
								<thead>
									<tr>
										<th scope="col">Field</th>
										<th scope="col">Published</th>
										<th scope="col">Recomputed from the events</th>
									</tr>
								</thead>
								<tbody>
									{result.differences.map((d) => (
										<tr key={d.field}>
											<th scope="row">{d.field}</th>
											<td className="break">
												<code>{d.published}</code>
											</td>
											<td className="break">
												<code>{d.recomputed}</code>
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					) : null}
					<p>
						The orders behind each figure: <Link to={evidenceHref}>evidence</Link>.
					</p>
				</>
			)}
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
