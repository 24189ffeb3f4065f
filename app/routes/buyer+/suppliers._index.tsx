import { FilterSelect, ListPageHeader } from '#app/components/ui/list-page.tsx'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react'
import { Pager } from '#app/components/pager.tsx'
import { REGIONS } from '#app/domain/regions.ts'
import {
	SUPPLIER_STATUS_LABELS,
	SUPPLIER_STATUS_TONES,
	SUPPLIER_STATUSES,
	type SupplierStatus,
} from '#app/domain/suppliers/supplier-status.ts'
import { getSupplierDirectory } from '#app/models/supplier/list-suppliers.server.ts'
import { SupplierListQuerySchema } from '#app/schemas/supplier.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getPaging } from '#app/utils/paging.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const url = new URL(request.url)
	const query = SupplierListQuerySchema.parse(Object.fromEntries(url.searchParams))
	const paging = getPaging(url)
	const directory = await getSupplierDirectory(getDb(), {
		search: query.q,
		status: query.status,
		region: query.region,
		categoryId: query.category,
		orderClassId: query.orderClass,
		sort: query.sort,
		limit: paging.limit,
		offset: paging.offset,
	})
	return { ...directory, query, page: paging.page, pageSize: paging.pageSize }
}

export const meta: MetaFunction = () => [{ title: 'Suppliers · Buyer · Procura' }]

function StatusBadge({ status }: { status: SupplierStatus }) {
	return <span className={`badge ${SUPPLIER_STATUS_TONES[status]}`}>{SUPPLIER_STATUS_LABELS[status]}</span>
}

export default function SupplierDirectory() {
	const { suppliers, total, query, page, pageSize, categoryOptions, orderClassOptions } =
		useLoaderData<typeof loader>()
	const [searchParams] = useSearchParams()
	const descending = query.sort === '-name'
	const sortLink = () => {
		const next = new URLSearchParams(searchParams)
		next.set('sort', descending ? 'name' : '-name')
		next.delete('page')
		return `?${next}`
	}
	const filtered = Boolean(query.q || query.status || query.region || query.category || query.orderClass)

	return (
		<div className="stack">
			<ListPageHeader title="Suppliers" action={{ to: '/buyer/suppliers/new', label: 'Invite a supplier' }} />

			{/* Keyed by the query, so the fields show the filters of the page being viewed after back/forward. */}
			<Form
				key={searchParams.toString()}
				method="get"
				className="toolbar"
				role="search"
				aria-label="Filter suppliers"
			>
				<div className="field">
					<label htmlFor="supplier-search">Name or contact email</label>
					<input id="supplier-search" name="q" type="search" defaultValue={query.q ?? ''} />
				</div>
				<FilterSelect
					id="supplier-status"
					name="status"
					label="Status"
					all="All statuses"
					value={query.status}
					options={SUPPLIER_STATUSES.map((s) => ({ value: s, label: SUPPLIER_STATUS_LABELS[s] }))}
				/>
				<FilterSelect
					id="supplier-region"
					name="region"
					label="Region"
					all="All regions"
					value={query.region}
					options={REGIONS.map((r) => ({ value: r, label: r }))}
				/>
				<FilterSelect
					id="supplier-category"
					name="category"
					label="Category"
					all="All categories"
					value={query.category}
					options={categoryOptions.map((c) => ({ value: c.id, label: c.name }))}
				/>
				<FilterSelect
					id="supplier-order-class"
					name="orderClass"
					label="Order class"
					all="All order classes"
					value={query.orderClass}
					options={orderClassOptions.map((c) => ({ value: c.id, label: c.name }))}
				/>
				{query.sort !== 'name' ? <input type="hidden" name="sort" value={query.sort} /> : null}
				<button type="submit" className="secondary">
					Filter
				</button>
				{filtered ? <Link to="/buyer/suppliers">Clear filters</Link> : null}
			</Form>

			<section aria-labelledby="suppliers-heading">
				<h2 id="suppliers-heading">
					{total} {total === 1 ? 'supplier' : 'suppliers'}
				</h2>
				{suppliers.length === 0 ? (
					<p className="empty">
						{filtered ? 'No suppliers match these filters.' : 'No suppliers yet. Invite the first one.'}
					</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col" aria-sort={descending ? 'descending' : 'ascending'}>
										<Link
											to={sortLink()}
											aria-label={`Name, sorted ${descending ? 'Z to A' : 'A to Z'}: reverse`}
										>
											Name {descending ? '↓' : '↑'}
										</Link>
									</th>
									<th scope="col">Status</th>
									<th scope="col">Regions</th>
									<th scope="col">Capabilities</th>
									<th scope="col">Users</th>
								</tr>
							</thead>
							<tbody>
								{suppliers.map((s) => (
									<tr key={s.id}>
										<td>
											<Link to={`/buyer/suppliers/${s.id}`}>{s.name}</Link>
											{s.contactEmail ? <div className="hint">{s.contactEmail}</div> : null}
										</td>
										<td>
											<StatusBadge status={s.status} />
										</td>
										<td>
											{s.regions.length > 0 ? s.regions.join(', ') : <span className="muted">None</span>}
										</td>
										<td>{s.capabilityCount}</td>
										<td>
											{s.userCount}
											{s.invitedCount > 0 ? <span className="muted"> · {s.invitedCount} invited</span> : null}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				<Pager page={page} pageSize={pageSize} total={total} />
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
