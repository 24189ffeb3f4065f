import { Link } from '@remix-run/react'
import { type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import { formatMoney } from '#app/domain/pricing/money.ts'
import { LocalTime } from './local-time.tsx'
import { ClassName, OrderStatusBadge } from './order-status-badge.tsx'

export type OrderListItem = {
	id: string
	number: string
	status: OrderStatus
	className: string
	classKey: string
	categoryName: string
	quantity: number
	unit: string
	region: string
	neededBy: string | Date
	supplierName: string | null
	currency: string
	estimatedMinMinor: number | null
	estimatedMaxMinor: number | null
	agreedPriceMinor: number | null
	changePendingSince: string | Date | null
	openExceptions: number
	isOverdue: boolean
}

/** The agreed price once accepted, else the estimate range; "—" without either. */
export function orderValue(
	o: Pick<OrderListItem, 'currency' | 'estimatedMinMinor' | 'estimatedMaxMinor' | 'agreedPriceMinor'>,
) {
	if (o.agreedPriceMinor !== null) return formatMoney(o.agreedPriceMinor, o.currency)
	if (o.estimatedMinMinor === null || o.estimatedMaxMinor === null) return '—'
	if (o.estimatedMinMinor === o.estimatedMaxMinor) return `≈ ${formatMoney(o.estimatedMinMinor, o.currency)}`
	return `${formatMoney(o.estimatedMinMinor, o.currency)} – ${formatMoney(o.estimatedMaxMinor, o.currency)}`
}

/** A page of the buyer's orders; overdue and attention flags are words, not just colours. */
export function OrdersTable({ rows }: { rows: readonly OrderListItem[] }) {
	return (
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
						<th scope="col">Supplier</th>
						<th scope="col">Value</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((o) => (
						<tr key={o.id}>
							<th scope="row" className="nowrap">
								<Link to={`/buyer/orders/${o.id}`}>{o.number}</Link>
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
								{o.isOverdue ? (
									<>
										{' '}
										<span className="badge bad">Overdue</span>
									</>
								) : null}
							</td>
							<td>
								<OrderStatusBadge status={o.status} />
								{o.openExceptions > 0 ? (
									<>
										{' '}
										<span className="badge warn">
											{o.openExceptions} open {o.openExceptions === 1 ? 'exception' : 'exceptions'}
										</span>
									</>
								) : null}
								{o.changePendingSince ? (
									<>
										{' '}
										<span className="badge warn">Change not yet acknowledged</span>
									</>
								) : null}
							</td>
							<td>{o.supplierName ?? <span className="muted">—</span>}</td>
							<td className="nowrap">{orderValue(o)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
