import {
	type ActionFunctionArgs,
	type LoaderFunctionArgs,
	type MetaFunction,
	redirect,
} from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { LocalTime } from '#app/components/orders/local-time.tsx'
import { ClassName, OrderStatusBadge } from '#app/components/orders/order-status-badge.tsx'
import { SupplierInbox } from '#app/components/orders/supplier-inbox.tsx'
import { Pager } from '#app/components/pager.tsx'
import { formatMoney, formatQuantity } from '#app/domain/pricing/money.ts'
import {
	countSupplierInbox,
	countSupplierOrders,
	listSupplierInbox,
	listSupplierOrders,
} from '#app/models/order/supplier-orders.server.ts'
import { type ActionFailure } from '#app/schemas/order-actions.ts'
import { requireSupplierUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getPaging, pageCount } from '#app/utils/paging.ts'
import { handleSupplierOrderAction } from './orders.failure.server.ts'

// The most urgent offers first, a page at a time: each comes with its answer forms.
const INBOX_PAGE_SIZE = 20
const OFFERS_PAGE = 'offersPage'

export async function loader({ request }: LoaderFunctionArgs) {
	const { supplierId } = await requireSupplierUser(request)
	const url = new URL(request.url)
	const paging = getPaging(url)
	const offerPaging = getPaging(url, INBOX_PAGE_SIZE, OFFERS_PAGE)
	const db = getDb()
	const [offers, offerCount, orders, orderCount] = await Promise.all([
		listSupplierInbox(db, { supplierId, limit: offerPaging.limit, offset: offerPaging.offset }),
		countSupplierInbox(db, { supplierId }),
		listSupplierOrders(db, { supplierId, limit: paging.limit, offset: paging.offset }),
		countSupplierOrders(db, { supplierId, offset: paging.offset }),
	])
	// Answering the last offers of the last page leaves it empty: show the page that is now the last.
	if (offers.length === 0 && offerPaging.page > 1 && offerCount > 0) {
		url.searchParams.set(OFFERS_PAGE, String(pageCount(offerCount, INBOX_PAGE_SIZE)))
		throw redirect(`${url.pathname}${url.search}`)
	}
	return { offers, offerCount, offerPaging, orders, orderCount, paging }
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireSupplierUser(request)
	return handleSupplierOrderAction(request, actor, null)
}

export const meta: MetaFunction = () => [{ title: 'Orders · Supplier · Procura' }]

export default function SupplierOrders() {
	const { offers, offerCount, offerPaging, orders, orderCount, paging } = useLoaderData<typeof loader>()
	const failure = (useActionData<typeof action>() as ActionFailure | undefined) ?? null
	return (
		<div className="stack">
			<h1>Orders</h1>
			{failure && !failure.targetId && failure.message ? (
				<p className="form-error" role="alert">
					{failure.message}
				</p>
			) : null}
			<section aria-labelledby="inbox-heading" className="stack">
				<h2 id="inbox-heading">Offers waiting for your answer ({offerCount})</h2>
				<p className="muted">
					Emergency offers first, then the nearest deadline. An offer not answered in time goes to the next
					supplier.
				</p>
				<SupplierInbox offers={offers} failure={failure} />
				<Pager
					page={offerPaging.page}
					pageSize={offerPaging.pageSize}
					total={offerCount}
					param={OFFERS_PAGE}
					label="Offer pages"
				/>
			</section>
			<section aria-labelledby="active-heading">
				<h2 id="active-heading">
					Your orders ({orderCount.more ? 'more than ' : ''}
					{formatQuantity(orderCount.total)})
				</h2>
				{orders.length === 0 ? (
					<p className="empty">No orders yet. Orders you accept appear here.</p>
				) : (
					<div className="table-wrap">
						<table className="rows-named">
							<thead>
								<tr>
									<th scope="col">Order</th>
									<th scope="col">Class</th>
									<th scope="col">Category</th>
									<th scope="col">Quantity</th>
									<th scope="col">Needed by</th>
									<th scope="col">Status</th>
									<th scope="col">Price</th>
								</tr>
							</thead>
							<tbody>
								{orders.map((o) => (
									<tr key={o.id}>
										<th scope="row" className="nowrap">
											<Link to={`/supplier/orders/${o.id}`}>{o.number}</Link>
										</th>
										<td>
											<ClassName name={o.className} isEmergency={o.classKey === 'emergency'} />
										</td>
										<td>{o.categoryName}</td>
										<td className="nowrap">
											{o.quantity.toLocaleString('en-GB')} {o.unit}
										</td>
										<td>
											<LocalTime value={o.neededBy} />
										</td>
										<td>
											<OrderStatusBadge status={o.status} />
											{o.changePendingSince ? (
												<>
													{' '}
													<span className="badge warn">Change to acknowledge</span>
												</>
											) : null}
										</td>
										<td className="nowrap">
											{o.agreedPriceMinor === null ? '—' : formatMoney(o.agreedPriceMinor, o.currency)}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				<Pager
					page={paging.page}
					pageSize={paging.pageSize}
					total={orderCount.total}
					more={orderCount.more}
					label="Order pages"
				/>
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
