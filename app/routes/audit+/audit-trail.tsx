import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { Field, SelectField } from '#app/components/forms/field.tsx'
import { Pager } from '#app/components/pager.tsx'
import { AUDIT_ACTIONS } from '#app/domain/audit/audit-actions.ts'
import {
	getAuditTrailSearch,
	listAuditEntityTypes,
	searchAuditTrail,
	type AuditTrailRow,
} from '#app/models/audit-trail.server.ts'
import { listSupplierNames } from '#app/models/order/ui-options.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatListCount, getPaging } from '#app/utils/paging.ts'

const PAGE_SIZE = 50

// Read-only portal: loaders only, never an action.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	const url = new URL(request.url)
	const paging = getPaging(url, PAGE_SIZE)
	const db = getDb()
	const [{ filter, ...search }, entityTypes, suppliers] = await Promise.all([
		getAuditTrailSearch(db, url.searchParams),
		listAuditEntityTypes(db),
		listSupplierNames(db),
	])
	const found = filter
		? await searchAuditTrail(db, { ...filter, limit: paging.limit, offset: paging.offset })
		: null
	return { ...search, found, paging, entityTypes, suppliers }
}

export const meta: MetaFunction = () => [{ title: 'Audit trail · Audit · Procura' }]

const ACTION_OPTIONS = AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))

export default function AuditTrail() {
	const { values, errors, found, paging, entityTypes, suppliers } = useLoaderData<typeof loader>()
	const { search } = useLocation()
	const exportQuery = new URLSearchParams(search)
	exportQuery.delete('page')
	const text = (
		name: keyof typeof values,
		label: string,
		extra: { type?: string; hint?: string; list?: string } = {},
	) => (
		<Field
			label={label}
			hint={extra.hint}
			errors={errors[name]}
			inputProps={{
				id: `trail-${name}`,
				name,
				type: extra.type ?? 'text',
				list: extra.list,
				defaultValue: values[name] ?? '',
			}}
		/>
	)
	return (
		<div className="stack">
			<h1>Audit trail</h1>
			{/* Keyed by the query, so the fields show the filters of the page being viewed after back/forward. */}
			<Form
				key={search}
				method="get"
				className="toolbar audit-trail-filters"
				role="search"
				aria-label="Search the audit trail"
			>
				{text('entityType', 'Entity type', { list: 'trail-entity-types' })}
				<datalist id="trail-entity-types">
					{entityTypes.map((t) => (
						<option key={t} value={t} />
					))}
				</datalist>
				{text('entityId', 'Entity id')}
				{text('actor', 'Actor', { hint: 'Email address or user id' })}
				<SelectField
					label="Action"
					errors={errors.action}
					placeholder="All actions"
					options={ACTION_OPTIONS}
					selectProps={{ id: 'trail-action', name: 'action', defaultValue: values.action ?? '' }}
				/>
				<SelectField
					label="Supplier"
					errors={errors.supplierId}
					placeholder="All suppliers"
					options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
					selectProps={{ id: 'trail-supplier', name: 'supplierId', defaultValue: values.supplierId ?? '' }}
				/>
				{text('from', 'From (UTC)', { type: 'date', hint: 'From 00:00 UTC that day' })}
				{text('to', 'To (UTC)', { type: 'date', hint: 'Up to 24:00 UTC that day' })}
				<button type="submit" className="secondary">
					Search
				</button>
				<Link to="/audit/audit-trail">Clear filters</Link>
			</Form>

			{found ? (
				<section aria-labelledby="trail-heading">
					<div className="toolbar page-header">
						<h2 id="trail-heading">{formatListCount(found, ['event', 'events'])}</h2>
						{found.total > 0 ? (
							<a className="button secondary" href={`/audit/audit-trail.csv?${exportQuery}`} download>
								Download CSV
							</a>
						) : null}
					</div>
					{found.rows.length === 0 ? (
						<p className="empty">No audit events match these filters.</p>
					) : (
						<TrailTable rows={found.rows} />
					)}
					<Pager page={paging.page} pageSize={paging.pageSize} total={found.total} more={found.more} />
				</section>
			) : (
				<p className="form-error" role="alert">
					Correct the filters marked above to search the trail.
				</p>
			)}
		</div>
	)
}

function TrailTable({ rows }: { rows: AuditTrailRow[] }) {
	return (
		<div className="table-wrap">
			<table className="audit-trail">
				<thead>
					<tr>
						<th scope="col">Seq</th>
						<th scope="col">Time (UTC)</th>
						<th scope="col">Actor</th>
						<th scope="col">Action</th>
						<th scope="col">Entity</th>
						<th scope="col">Supplier</th>
						<th scope="col">Change</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((e) => (
						<tr key={e.seq}>
							<td>{e.seq}</td>
							<td className="nowrap">
								{new Date(e.occurredAt).toISOString().slice(0, 19).replace('T', ' ')}
							</td>
							<td>
								{e.actorEmail ?? e.actorUserId ?? 'system'}
								{e.actorRole ? <span className="muted"> ({e.actorRole})</span> : null}
							</td>
							<td>{e.action}</td>
							{/* Plain text: the auditor portal has no order page of its own yet to link to. */}
							<td>
								{e.entityType} <code>{e.entityId}</code>
							</td>
							<td>{e.supplierName ?? (e.supplierId ? <code>{e.supplierId}</code> : '—')}</td>
							<td>
								<details>
									<summary>
										Before / after<span className="visually-hidden"> of event {e.seq}</span>
									</summary>
									<dl className="details">
										<dt>Before</dt>
										<dd>
											<pre className="prewrap">{prettyJson(e.before)}</pre>
										</dd>
										<dt>After</dt>
										<dd>
											<pre className="prewrap">{prettyJson(e.after)}</pre>
										</dd>
										<dt>Hash</dt>
										<dd>
											<code>{e.hash}</code>
										</dd>
									</dl>
								</details>
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

function prettyJson(text: string | null) {
	return text === null ? '(none)' : JSON.stringify(JSON.parse(text), null, 2)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
