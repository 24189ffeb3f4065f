import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { Pager } from '#app/components/pager.tsx'
import { listMailbox } from '#app/models/mailbox.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getPaging } from '#app/utils/paging.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'admin')
	const url = new URL(request.url)
	const paging = getPaging(url)
	const to = url.searchParams.get('to')?.trim().slice(0, 200) || undefined
	const { rows, total, more } = await listMailbox(getDb(), { limit: paging.limit, offset: paging.offset, to })
	return { rows, total, more, page: paging.page, pageSize: paging.pageSize, to: to ?? '' }
}

export const meta: MetaFunction = () => [{ title: 'Mailbox · Procura' }]

function statusBadge(status: string, via: string | null) {
	if (status === 'sent')
		return <span className="badge ok">{via === 'smtp' ? 'Sent by SMTP' : 'In mailbox'}</span>
	if (status === 'failed') return <span className="badge bad">Failed</span>
	return <span className="badge warn">Waiting</span>
}

export default function Mailbox() {
	const { rows, total, more, page, pageSize, to } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<h1>Mailbox</h1>
			<p className="muted">
				Every email Procura sends, newest first. Without SMTP_URL configured, this is where they are
				delivered.
			</p>
			<Form method="get" className="toolbar" role="search">
				<div className="field">
					<label htmlFor="to">Recipient</label>
					<input id="to" name="to" type="search" defaultValue={to} placeholder="name@example.com" />
				</div>
				<button type="submit" className="secondary">
					Filter
				</button>
			</Form>
			{rows.length === 0 ? (
				<p className="empty">{to ? 'No email to that recipient.' : 'No email has been sent yet.'}</p>
			) : (
				<div className="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">Created (UTC)</th>
								<th scope="col">To</th>
								<th scope="col">Subject</th>
								<th scope="col">Delivery</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((m) => (
								<tr key={m.id}>
									<td>{new Date(m.createdAt).toISOString().slice(0, 16).replace('T', ' ')}</td>
									<td>{m.toAddress}</td>
									<td>
										<Link to={m.id}>{m.subject}</Link>
									</td>
									<td>{statusBadge(m.status, m.deliveredVia)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pager page={page} pageSize={pageSize} total={total} more={more} />
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
