import { FilterSelect, ListPageHeader } from '#app/components/ui/list-page.tsx'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { ActiveFilterChips } from '#app/components/operations/active-filters.tsx'
import { OrdersTable } from '#app/components/orders/orders-table.tsx'
import { Pager } from '#app/components/pager.tsx'
import { ORDER_STATUSES, STATUS_LABELS } from '#app/domain/orders/order-lifecycle.ts'
import { listOrders } from '#app/models/order/list-orders.server.ts'
import { supplierNameOf } from '#app/models/order/ui-options.server.ts'
import { listOrderClassesWithPolicy } from '#app/models/order-class/current-policies.server.ts'
import {
	describeOperationsFilters,
	operationsListFilters,
	operationsParamsOf,
	unreadableOperationsParams,
} from '#app/schemas/order-list-filters.ts'
import { ORDER_SORT_LABELS, ORDER_SORTS, OrderListQuerySchema } from '#app/schemas/order.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formatListCount, getPaging } from '#app/utils/paging.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const url = new URL(request.url)
	const query = OrderListQuerySchema.parse(Object.fromEntries(url.searchParams))
	const paging = getPaging(url)
	const db = getDb()
	const [page, classes, chosenSupplier] = await Promise.all([
		listOrders(db, {
			search: query.q,
			orderClassId: query.orderClassId,
			status: query.status,
			supplierId: query.supplierId,
			supplierName: query.supplier,
			overdue: query.overdue,
			needsAttention: query.attention,
			...operationsListFilters(query),
			sort: query.sort,
			limit: paging.limit,
			offset: paging.offset,
		}),
		listOrderClassesWithPolicy(db),
		supplierNameOf(db, query.supplierId),
	])
	return {
		...page,
		query,
		paging,
		classes: classes.map((c) => ({ id: c.id, name: c.name })),
		chosenSupplier,
		operations: {
			active: describeOperationsFilters(query),
			ignored: unreadableOperationsParams(url.searchParams, query),
			carried: operationsParamsOf(query),
		},
	}
}

export const meta: MetaFunction = () => [{ title: 'Orders · Buyer · Procura' }]

export default function BuyerOrders() {
	const { rows, total, more, query, paging, classes, chosenSupplier, operations } =
		useLoaderData<typeof loader>()
	const location = useLocation()
	return (
		<div className="stack">
			<ListPageHeader title="Orders" action={{ to: '/buyer/orders/new', label: 'New order' }} />

			<Form method="get" className="toolbar" role="search" aria-label="Filter orders">
				{operations.carried.map(([name, value]) => (
					<input key={name} type="hidden" name={name} value={value} />
				))}
				<div className="field">
					<label htmlFor="order-search">Number or description</label>
					<input id="order-search" name="q" type="search" defaultValue={query.q ?? ''} />
				</div>
				<FilterSelect
					id="order-class"
					label="Class"
					name="orderClassId"
					value={query.orderClassId}
					all="All classes"
					options={classes.map((c) => ({ value: c.id, label: c.name }))}
				/>
				<FilterSelect
					id="order-status"
					label="Status"
					name="status"
					value={query.status}
					all="All statuses"
					options={ORDER_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
				/>
				{query.supplierId ? (
					// A link chose one supplier: keep it while the other filters change.
					<input type="hidden" name="supplierId" value={query.supplierId} />
				) : null}
				<div className="field">
					<label htmlFor="order-supplier">Supplier name</label>
					<input id="order-supplier" name="supplier" type="search" defaultValue={query.supplier ?? ''} />
				</div>
				<FilterSelect
					id="order-sort"
					label="Sort by"
					name="sort"
					value={query.sort}
					options={ORDER_SORTS.map((s) => ({ value: s, label: ORDER_SORT_LABELS[s] }))}
				/>
				<div className="field checkbox-field">
					<label>
						<input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} /> Overdue
					</label>
				</div>
				<div className="field checkbox-field">
					<label>
						<input type="checkbox" name="attention" value="1" defaultChecked={query.attention} /> Needs
						attention
					</label>
				</div>
				<button type="submit" className="secondary">
					Filter
				</button>
			</Form>

			<ActiveFilterChips filters={operations.active} ignored={operations.ignored} />
			{query.supplierId ? (
				<p>
					Only orders assigned to <strong>{chosenSupplier ?? 'an unknown supplier'}</strong>.{' '}
					<Link to={withoutParam(location.search, 'supplierId')}>Show every supplier's</Link>
				</p>
			) : null}

			<section aria-labelledby="orders-heading">
				<h2 id="orders-heading">{formatListCount({ total, more }, ['order', 'orders'])}</h2>
				{rows.length === 0 ? (
					<p className="empty">No orders match these filters.</p>
				) : (
					<OrdersTable rows={rows} />
				)}
				<Pager page={paging.page} pageSize={paging.pageSize} total={total} more={more} />
			</section>
		</div>
	)
}

/** The current list's address without one of its parameters. */
function withoutParam(search: string, name: string) {
	const params = new URLSearchParams(search)
	params.delete(name)
	const text = params.toString()
	return text ? `/buyer/orders?${text}` : '/buyer/orders'
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
