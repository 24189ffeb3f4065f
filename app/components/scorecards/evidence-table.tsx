import { Link } from '@remix-run/react'
import { type EvidenceRow } from '#app/domain/scorecards/evidence-rows.ts'
import { type EvidenceMetric } from '#app/schemas/scorecard-filters.ts'
import { formatHours, formatUtc, RATES } from './metrics.ts'

type Row = Omit<EvidenceRow, 'at'> & { at: string | Date }

/**
 * The orders behind one figure, in time order. A rate's rows are its
 * denominator; the "Counted" column marks its numerator in words, so the
 * table reads without colour. Each order links to its page with the events.
 */
export function EvidenceTable({
	metric,
	rows,
	orderHref,
}: {
	metric: EvidenceMetric
	rows: readonly Row[]
	orderHref: (row: Row) => string
}) {
	const rate = metric in RATES ? RATES[metric as keyof typeof RATES] : null
	if (rows.length === 0) return <p className="empty">No orders count towards this figure in this month.</p>
	return (
		<div className="table-wrap">
			<table className="evidence">
				<caption className="visually-hidden">
					{rate
						? `Every order in the denominator; the Counted column says whether the numerator counts it.`
						: 'Every measured order with its time.'}
				</caption>
				<thead>
					<tr>
						<th scope="col">Order</th>
						<th scope="col">When</th>
						<th scope="col">Events</th>
						<th scope="col">{rate ? 'Counted' : 'Measured'}</th>
						<th scope="col">What the events showed</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr key={`${row.orderId}|${row.eventIds.join(',')}`}>
							<th scope="row">
								<Link to={orderHref(row)}>{row.orderNumber}</Link>
							</th>
							<td className="nowrap">{formatUtc(row.at)}</td>
							<td className="num">{row.eventIds.map((id) => `#${id}`).join(', ')}</td>
							<td>
								{rate ? (
									row.counted ? (
										<span className="badge ok">{rate.counted}</span>
									) : (
										<span className="badge warn">{rate.notCounted}</span>
									)
								) : (
									formatHours(row.minutes)
								)}
							</td>
							<td>{row.detail}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
