import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { StatList } from '#app/components/portal-shell.tsx'
import { getAuditDashboard } from '#app/models/dashboard.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

// Read-only portal: loaders only, never an action.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	return getAuditDashboard(getDb(), { now: new Date() })
}

export const meta: MetaFunction = () => [{ title: 'Audit dashboard · Procura' }]

export default function AuditDashboard() {
	const d = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<h1>Audit dashboard</h1>
			<StatList
				stats={[
					{ label: 'Audit events recorded', value: d.auditEventCount },
					{ label: 'Audit events, last 24 hours', value: d.auditEventsLastDay },
					{ label: 'Suppliers under review', value: d.supplierCount },
					{
						label: 'Last recorded change',
						value: d.lastAuditEventAt
							? new Date(d.lastAuditEventAt).toISOString().slice(0, 16).replace('T', ' ')
							: '—',
						hint: 'UTC',
					},
				]}
			/>
			<section aria-labelledby="recent">
				<h2 id="recent">Latest audit events</h2>
				{d.recent.length === 0 ? (
					<p className="empty">No audit events yet.</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">#</th>
									<th scope="col">When (UTC)</th>
									<th scope="col">Action</th>
									<th scope="col">Entity</th>
									<th scope="col">Actor role</th>
								</tr>
							</thead>
							<tbody>
								{d.recent.map((e) => (
									<tr key={e.seq}>
										<td>{e.seq}</td>
										<td>{new Date(e.occurredAt).toISOString().slice(0, 19).replace('T', ' ')}</td>
										<td>{e.action}</td>
										<td>{e.entityType}</td>
										<td>{e.actorRole ?? 'system'}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
