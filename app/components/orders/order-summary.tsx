import { type ReactNode } from 'react'
import { type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import { formatMoney } from '#app/domain/pricing/money.ts'
import { LocalTime } from './local-time.tsx'
import { ClassName, OrderStatusBadge } from './order-status-badge.tsx'

export type OrderSummaryView = {
	number: string
	status: OrderStatus
	className: string
	classKey: string
	categoryName: string
	quantity: number
	unit: string
	region: string
	neededBy: string | Date
	description: string
	justification: string | null
	currency: string
	agreedPriceMinor: number | null
	deliveredQuantity: number | null
	cancelReason: string | null
	changePendingSince: string | Date | null
	changeAckDueAt: string | Date | null
}

/** The order's heading and facts; `extra` adds portal-specific facts (supplier, estimate, who placed it). */
export function OrderSummary({
	order,
	extra = [],
}: {
	order: OrderSummaryView
	extra?: readonly [string, ReactNode][]
}) {
	const facts: [string, ReactNode][] = [
		['Class', <ClassName key="c" name={order.className} isEmergency={order.classKey === 'emergency'} />],
		['Category', order.categoryName],
		['Quantity', `${order.quantity.toLocaleString('en-GB')} ${order.unit}`],
		['Needed by', <LocalTime key="n" value={order.neededBy} />],
		['Region', order.region],
		...(order.agreedPriceMinor !== null
			? ([['Agreed price', formatMoney(order.agreedPriceMinor, order.currency)]] as [string, ReactNode][])
			: []),
		...(order.deliveredQuantity !== null
			? ([['Delivered', `${order.deliveredQuantity.toLocaleString('en-GB')} ${order.unit}`]] as [
					string,
					ReactNode,
				][])
			: []),
		...extra,
	]
	return (
		<section aria-labelledby="order-heading" className="stack">
			<div className="order-title">
				<h1 id="order-heading">{order.number}</h1>
				<OrderStatusBadge status={order.status} />
			</div>
			{order.changePendingSince ? (
				<p className="notice">
					A change of quantity or needed-by waits for the supplier's acknowledgement
					{order.changeAckDueAt ? (
						<>
							{' '}
							(due <LocalTime value={order.changeAckDueAt} />)
						</>
					) : null}
					.
				</p>
			) : null}
			{order.cancelReason ? <p className="notice">Cancelled: {order.cancelReason}</p> : null}
			<div className="card">
				<dl className="facts">
					{facts.map(([label, value]) => (
						<div key={label}>
							<dt>{label}</dt>
							<dd>{value}</dd>
						</div>
					))}
				</dl>
				<h2 className="visually-hidden">Description</h2>
				<p className="prewrap">{order.description}</p>
				{order.justification ? (
					<p className="prewrap">
						<strong>Justification:</strong> {order.justification}
					</p>
				) : null}
			</div>
		</section>
	)
}
