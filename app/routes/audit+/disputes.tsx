import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { Pager } from '#app/components/pager.tsx'
import { FilterSelect } from '#app/components/ui/list-page.tsx'
import { listDisputes } from '#app/models/scorecard/disputes.server.ts'
import {
	DISPUTE_METRICS,
	DISPUTE_STATUS_LABELS,
	DISPUTE_STATUSES,
	type DisputeMetric,
	type DisputeStatus,
} from '#app/schemas/scorecard-dispute.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getPaging } from '#app/utils/paging.ts'

// Read-only portal: loaders only, never an action.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	const url = new URL(request.url)
	const paging = getPaging(url, 50)
	const asked = url.searchParams.get('status') ?? ''
	const status = (DISPUTE_STATUSES as readonly string[]).includes(asked)
		? (asked as DisputeStatus)
		: undefined
	const found = await listDisputes(getDb(), { status, limit: paging.limit, offset: paging.offset })
	return { ...found, status, paging }
}

export const meta: MetaFunction = () => [{ title: 'Scorecard disputes · Audit · Procura' }]

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})
const when = (d: string | Date | null) => (d ? `${dateFormat.format(new Date(d))} UTC` : '—')

export default function AuditDisputes() {
	const { rows, total, status, paging } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<h1>Scorecard disputes</h1>
			<p className="muted">
				Every dispute and its outcome. A correction changed the live rollups only; published snapshots are
				immutable.
			</p>
			<Form method="get" className="toolbar">
				<FilterSelect
					id="audit-dispute-status"
					label="Status"
					name="status"
					value={status}
					all="All"
					options={DISPUTE_STATUSES.map((s) => ({ value: s, label: DISPUTE_STATUS_LABELS[s] }))}
				/>
				<button type="submit" className="secondary">
					Filter
				</button>
			</Form>
			{rows.length === 0 ? (
				<p className="empty">No disputes.</p>
			) : (
				<div className="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">Raised</th>
								<th scope="col">Supplier</th>
								<th scope="col">Scorecard</th>
								<th scope="col">Figure</th>
								<th scope="col">Order</th>
								<th scope="col">Comment</th>
								<th scope="col">Status</th>
								<th scope="col">Outcome</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((d) => (
								<tr key={d.id}>
									<td>
										{when(d.raisedAt)} by {d.raisedByName ?? '—'}
									</td>
									<td>{d.supplierName}</td>
									<td>
										{d.className} · {d.month}
									</td>
									<td>{DISPUTE_METRICS[d.metric as DisputeMetric]?.label ?? d.metric}</td>
									<td>{d.orderNumber ?? '—'}</td>
									<td className="prewrap">{d.comment}</td>
									<td>{DISPUTE_STATUS_LABELS[d.status]}</td>
									<td className="prewrap">
										{d.resolution
											? `${d.resolution} (${d.resolvedByName ?? '—'}, ${when(d.resolvedAt)})`
											: '—'}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pager page={paging.page} pageSize={paging.pageSize} total={total} />
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
