import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { CONTRACT_STATUS_LABELS } from '#app/components/contracts/contract-format.tsx'
import { ContractsTable } from '#app/components/contracts/contracts-table.tsx'
import { Pager } from '#app/components/pager.tsx'
import { listContracts } from '#app/models/contract/contracts.server.ts'
import { CONTRACT_STATUSES, ContractListQuerySchema } from '#app/schemas/contract.ts'
import { requireSupplierUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getPaging } from '#app/utils/paging.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireSupplierUser(request)
	const url = new URL(request.url)
	const query = ContractListQuerySchema.parse(Object.fromEntries(url.searchParams))
	const paging = getPaging(url)
	// Scoped by the session's supplier, whatever the URL says.
	const page = await listContracts(getDb(), {
		supplierId: user.supplierId,
		// A contract the buyer has not sent yet does not exist for the supplier.
		visibleTo: 'supplier',
		search: query.q,
		status: query.status,
		limit: paging.limit,
		offset: paging.offset,
	})
	return { ...page, query, paging }
}

export const meta: MetaFunction = () => [{ title: 'Contracts · Supplier · Procura' }]

export default function SupplierContracts() {
	const { rows, total, query, paging } = useLoaderData<typeof loader>()
	const waiting = rows.filter((r) => r.pendingProposalBy === 'buyer').length
	return (
		<div className="stack">
			<h1>Contracts</h1>
			{waiting > 0 ? (
				<p className="notice" role="status">
					{waiting === 1 ? 'One proposal is' : `${waiting} proposals are`} waiting for your answer: open the
					contract to accept or counter.
				</p>
			) : null}
			<Form method="get" className="toolbar" role="search" aria-label="Filter contracts">
				<div className="field">
					<label htmlFor="contract-search">Number or title</label>
					<input id="contract-search" name="q" type="search" defaultValue={query.q ?? ''} />
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
				<button type="submit" className="secondary">
					Filter
				</button>
			</Form>
			<section aria-labelledby="contracts-heading">
				<h2 id="contracts-heading">
					{total} {total === 1 ? 'contract' : 'contracts'}
				</h2>
				{rows.length === 0 ? (
					<p className="empty">No contracts yet. When the buyer proposes one, it appears here.</p>
				) : (
					<ContractsTable rows={rows} viewer="supplier" basePath="/supplier/contracts" />
				)}
				<Pager page={paging.page} pageSize={paging.pageSize} total={total} />
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
