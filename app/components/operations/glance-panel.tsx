import { Link } from '@remix-run/react'
import { StatList } from '#app/components/portal-shell.tsx'
import { formatMinutes, formatRate, formatShare } from '#app/domain/operations/format.ts'
import { type Rate } from '#app/domain/operations/stats.ts'

const hint = (rate: Rate, noun: [string, string]) =>
	rate.denominator === 0 ? 'no orders in this window' : formatShare(rate, noun)

/** A few operations figures of the last 30 days, leading to the operations dashboard. */
export function OperationsGlance({
	glance,
}: {
	glance: {
		cycleTime: { count: number; median: number | null }
		reworkRate: Rate
		exceptionRate: Rate
		openOrders: number
	}
}) {
	return (
		<section aria-labelledby="ops-glance-heading" className="ops-glance">
			<h2 id="ops-glance-heading">Operations at a glance</h2>
			<StatList
				stats={[
					{
						label: 'Median cycle time, last 30 days',
						value: formatMinutes(glance.cycleTime.median),
						hint:
							glance.cycleTime.count === 0 ? 'no orders in this window' : `${glance.cycleTime.count} closed`,
					},
					{
						label: 'Rework rate',
						value: formatRate(glance.reworkRate),
						hint: hint(glance.reworkRate, ['closed order', 'closed orders']),
					},
					{
						label: 'Exception rate',
						value: formatRate(glance.exceptionRate),
						hint: hint(glance.exceptionRate, ['order placed', 'orders placed']),
					},
					{ label: 'Open orders', value: glance.openOrders },
				]}
			/>
			<p>
				<Link to="/buyer/operations">Open the operations dashboard</Link>
			</p>
		</section>
	)
}
