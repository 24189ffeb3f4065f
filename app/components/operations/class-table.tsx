import { Link } from '@remix-run/react'
import { formatMinutes, formatRate, NO_VALUE } from '#app/domain/operations/format.ts'
import { type OperationsFigures } from '#app/domain/operations/metrics.ts'
import { type Rate } from '#app/domain/operations/stats.ts'
import { type DayRange, type WindowDays } from '#app/domain/operations/window.ts'
import { operationsLinks } from './order-links.ts'

function RateCell({ rate, to }: { rate: Rate; to: string }) {
	if (rate.denominator === 0) return <td>{NO_VALUE}</td>
	return (
		<td>
			{formatRate(rate)}{' '}
			<Link to={to} className="muted">
				({rate.numerator} of {rate.denominator})
			</Link>
		</td>
	)
}

/** The period's main figures per order class; each class opens its own dashboard. */
export function ClassTable({
	rows,
	window,
	days,
}: {
	rows: readonly { orderClassId: string; className: string; figures: OperationsFigures }[]
	window: Pick<DayRange, 'fromDay' | 'toDay'>
	days: WindowDays
}) {
	return (
		<section aria-labelledby="by-class-heading" className="stack">
			<h2 id="by-class-heading">By order class</h2>
			<div className="table-wrap">
				<table className="rows-named">
					<caption className="visually-hidden">Figures per order class for the period</caption>
					<thead>
						<tr>
							<th scope="col">Class</th>
							<th scope="col">Closed</th>
							<th scope="col">Median cycle time</th>
							<th scope="col">90th percentile</th>
							<th scope="col">Rework rate</th>
							<th scope="col">Exception rate</th>
							<th scope="col">On-time release</th>
							<th scope="col">Open now</th>
						</tr>
					</thead>
					<tbody>
						{rows.map(({ orderClassId, className, figures: f }) => {
							const links = operationsLinks(window, orderClassId)
							return (
								<tr key={orderClassId}>
									<th scope="row">
										<Link to={`/buyer/operations?days=${days}&orderClassId=${orderClassId}`}>
											{className}
										</Link>
									</th>
									<td>
										{f.cycleTime.count === 0 ? '0' : <Link to={links.closed}>{f.cycleTime.count}</Link>}
									</td>
									<td>{formatMinutes(f.cycleTime.median)}</td>
									<td>{formatMinutes(f.cycleTime.p90)}</td>
									<RateCell rate={f.reworkRate} to={links.reworked} />
									<RateCell rate={f.exceptionRate} to={links.withException} />
									<RateCell rate={f.onTimeRelease} to={links.releasedOnTime} />
									<td>{f.backlog.total === 0 ? '0' : <Link to={links.open}>{f.backlog.total}</Link>}</td>
								</tr>
							)
						})}
					</tbody>
				</table>
			</div>
		</section>
	)
}
