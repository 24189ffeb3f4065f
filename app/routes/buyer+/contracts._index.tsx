import { ListPageHeader } from '#app/components/ui/list-page.tsx'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { ContractsTable } from '#app/components/contracts/contracts-table.tsx'
import { CONTRACT_STATUS_LABELS } from '#app/components/contracts/contract-format.tsx'
import { Pager } from '#app/components/pager.tsx'
import { listContracts } from '#app/models/contract/contracts.server.ts'
import { listSupplierFilterOptions, listTermOptions } from '#app/models/contract/term-options.server.ts'
import { CONTRACT_STATUSES, ContractListQuerySchema } from '#app/schemas/contract.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getPaging } from '#app/utils/paging.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const url = new URL(request.url)
	const query = ContractListQuerySchema.parse(Object.fromEntries(url.searchParams))
	const paging = getPaging(url)
	const db = getDb()
	const [page, suppliers, { classes }] = await Promise.all([
		listContracts(db, {
			search: query.q,
			supplierId: query.supplierId,
			status: query.status,
			orderClassId: query.orderClassId,
			expiringWithinDays: query.expiring ? 30 : null,
			limit: paging.limit,
			offset: paging.offset,
		}),
		listSupplierFilterOptions(db),
		listTermOptions(db),
	])
	return { ...page, query, paging, suppliers, classes: classes.map((c) => ({ id: c.id, name: c.name })) }
}

export const meta: MetaFunction = () => [{ title: 'Contracts · Buyer · Procura' }]

export default function BuyerContracts() {
	const { rows, total, query, paging, suppliers, classes } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<ListPageHeader title="Contracts" action={{ to: '/buyer/contracts/new', label: 'New contract' }} />

			<Form method="get" className="toolbar" role="search" aria-label="Filter contracts">
				<div className="field">
					<label htmlFor="contract-search">Number or title</label>
					<input id="contract-search" name="q" type="search" defaultValue={query.q ?? ''} />
				</div>
				<div className="field">
					<label htmlFor="contract-supplier">Supplier</label>
					<select id="contract-supplier" name="supplierId" defaultValue={query.supplierId ?? ''}>
						<option value="">All suppliers</option>
						{suppliers.map((s) => (
							<option key={s.id} value={s.id}>
								{s.name}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="contract-status">Status</label>
					<select id="contract-status" name="status" defaultValue={query.status ?? ''}>
						<option value="">All statuses</option>
						{CONTRACT_STATUSES.map((s) => (
							<option key={s} value={s}>
								{CONTRACT_STATUS_LABELS[s]}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="contract-class">Order class</label>
					<select id="contract-class" name="orderClassId" defaultValue={query.orderClassId ?? ''}>
						<option value="">All classes</option>
						{classes.map((c) => (
							<option key={c.id} value={c.id}>
								{c.name}
							</option>
						))}
					</select>
				</div>
				<div className="field checkbox-field">
					<label>
						<input type="checkbox" name="expiring" value="1" defaultChecked={query.expiring} /> Expiring
						within 30 days
					</label>
				</div>
				<button type="submit" className="secondary">
					Filter
				</button>
			</Form>

			<section aria-labelledby="contracts-heading">
				<h2 id="contracts-heading">
					{total} {total === 1 ? 'contract' : 'contracts'}
				</h2>
				{rows.length === 0 ? (
					<p className="empty">No contracts match these filters.</p>
				) : (
					<ContractsTable rows={rows} viewer="buyer" basePath="/buyer/contracts" />
				)}
				<Pager page={paging.page} pageSize={paging.pageSize} total={total} />
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
