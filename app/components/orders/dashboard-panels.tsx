import { Link } from '@remix-run/react'
import { StatList } from '#app/components/portal-shell.tsx'
import { ExceptionQueue, type ExceptionRow } from './exception-queue.tsx'
import { LocalTime } from './local-time.tsx'
import { ClassName } from './order-status-badge.tsx'
import { orderValue, type OrderListItem } from './orders-table.tsx'

type ReviewRow = Pick<
	OrderListItem,
	| 'id'
	| 'number'
	| 'className'
	| 'classKey'
	| 'categoryName'
	| 'currency'
	| 'estimatedMinMinor'
	| 'estimatedMaxMinor'
	| 'agreedPriceMinor'
> & { createdAt: string | Date }

/** The buyer dashboard's order panels: the exception queue and the orders waiting for a review. */
export function BuyerOrderPanels({
	exceptions,
	exceptionCount,
	reviews,
	reviewCount,
}: {
	exceptions: readonly ExceptionRow[]
	exceptionCount: number
	reviews: readonly ReviewRow[]
	reviewCount: number
}) {
	return (
		<>
			<section aria-labelledby="exception-queue-heading" className="stack">
				<h2 id="exception-queue-heading">Exception queue</h2>
				<StatList stats={[{ label: 'Open exceptions', value: exceptionCount }]} />
				<ExceptionQueue rows={exceptions} />
				{exceptionCount > exceptions.length ? (
					<p>
						<Link to="/buyer/exceptions">All {exceptionCount} open exceptions</Link>
					</p>
				) : exceptionCount > 0 ? (
					<p>
						<Link to="/buyer/exceptions">Assign or resolve them</Link>
					</p>
				) : null}
			</section>
			<section aria-labelledby="review-queue-heading" className="stack">
				<h2 id="review-queue-heading">Waiting for review</h2>
				<StatList stats={[{ label: 'Orders waiting for a second buyer', value: reviewCount }]} />
				{reviews.length === 0 ? (
					<p className="empty">No order waits for a review.</p>
				) : (
					<ul className="review-queue">
						{reviews.map((o) => (
							<li key={o.id}>
								<Link to={`/buyer/orders/${o.id}`}>{o.number}</Link> ·{' '}
								<ClassName name={o.className} isEmergency={o.classKey === 'emergency'} /> · {o.categoryName} ·{' '}
								{orderValue(o)} · placed <LocalTime value={o.createdAt} />
							</li>
						))}
					</ul>
				)}
				{reviewCount > reviews.length ? (
					<p>
						<Link to="/buyer/orders?status=in_review">All {reviewCount} orders in review</Link>
					</p>
				) : null}
			</section>
		</>
	)
}
