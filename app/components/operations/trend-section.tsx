import {
	formatCount,
	formatMinutes,
	formatRate,
	formatShare,
	NO_VALUE,
} from '#app/domain/operations/format.ts'
import { type WeekFigures } from '#app/domain/operations/metrics.ts'
import { orderListHref } from '#app/schemas/order-list-filters.ts'
import { type ChartBar, WeeklyBarChart } from './weekly-chart.tsx'

const SHORT_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })

function shortDay(day: string) {
	return SHORT_DAY.format(new Date(`${day}T00:00:00Z`))
}

function weekName(w: WeekFigures) {
	const days = w.fromDay === w.toDay ? shortDay(w.fromDay) : `${shortDay(w.fromDay)}–${shortDay(w.toDay)}`
	return `Week ${w.key} (${days}${w.partial ? ', part of the week' : ''})`
}

/** The weekly trend: cycle time and exception rate per ISO week, as charts and as a table. */
export function TrendSection({
	weeks,
	orderClassId,
}: {
	weeks: readonly WeekFigures[]
	orderClassId: string | null
}) {
	const axis = (w: WeekFigures) => ({
		key: w.key,
		axis: w.key.slice(5),
		axisDetail: shortDay(w.weekStart),
		partial: w.partial,
	})
	const cycleBars: ChartBar[] = weeks.map((w) => ({
		...axis(w),
		value: w.cycleTime.median,
		valueText: formatMinutes(w.cycleTime.median),
		name:
			w.cycleTime.count === 0
				? `${weekName(w)}: no orders closed`
				: `${weekName(w)}: median cycle time ${formatMinutes(w.cycleTime.median)} over ${formatCount(w.cycleTime.count, ['closed order', 'closed orders'])}`,
		href: orderListHref({ orderClassId, closedFrom: w.fromDay, closedTo: w.toDay }),
	}))
	const exceptionBars: ChartBar[] = weeks.map((w) => ({
		...axis(w),
		value: w.exceptionRate.value,
		valueText: formatRate(w.exceptionRate),
		name:
			w.exceptionRate.denominator === 0
				? `${weekName(w)}: no orders placed`
				: `${weekName(w)}: exception rate ${formatRate(w.exceptionRate)}, ${formatShare(w.exceptionRate, ['order placed', 'orders placed'])}`,
		href: orderListHref({ orderClassId, placedFrom: w.fromDay, placedTo: w.toDay, hadException: true }),
	}))
	return (
		<section aria-labelledby="trend-heading" className="stack">
			<h2 id="trend-heading">Weekly trend</h2>
			<p className="hint">
				ISO weeks (Monday to Sunday, UTC). A week marked * and hatched is only partly inside the period. Each
				bar opens the orders behind it.
			</p>
			<div className="chart-row">
				<WeeklyBarChart
					id="trend-cycle"
					title="Median cycle time of orders closed, by week"
					bars={cycleBars}
				/>
				<WeeklyBarChart
					id="trend-exceptions"
					title="Exception rate of orders placed, by week"
					bars={exceptionBars}
				/>
			</div>
			<table className="visually-hidden">
				<caption>Weekly trend as a table</caption>
				<thead>
					<tr>
						<th scope="col">Week</th>
						<th scope="col">Orders closed</th>
						<th scope="col">Median cycle time</th>
						<th scope="col">90th percentile cycle time</th>
						<th scope="col">Rework rate</th>
						<th scope="col">Orders placed</th>
						<th scope="col">Exception rate</th>
					</tr>
				</thead>
				<tbody>
					{weeks.map((w) => (
						<tr key={w.key}>
							<th scope="row">{weekName(w)}</th>
							<td>{w.cycleTime.count}</td>
							<td>{formatMinutes(w.cycleTime.median)}</td>
							<td>{formatMinutes(w.cycleTime.p90)}</td>
							<td>
								{w.reworkRate.denominator === 0
									? NO_VALUE
									: `${formatRate(w.reworkRate)} (${formatShare(w.reworkRate, ['order', 'orders'])})`}
							</td>
							<td>{w.exceptionRate.denominator}</td>
							<td>
								{w.exceptionRate.denominator === 0
									? NO_VALUE
									: `${formatRate(w.exceptionRate)} (${formatShare(w.exceptionRate, ['order', 'orders'])})`}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</section>
	)
}
