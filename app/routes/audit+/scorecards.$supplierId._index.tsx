import { invariantResponse } from '@epic-web/invariant'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { SelectField } from '#app/components/forms/field.tsx'
import { RateFigure, SourceBadge, StandingBadge } from '#app/components/scorecards/figures.tsx'
import {
	formatHours,
	formatMonth,
	formatPercent,
	formatScore,
	formatUtc,
	rateCounts,
	RATES,
} from '#app/components/scorecards/metrics.ts'
import { TrendChart } from '#app/components/scorecards/trend-chart.tsx'
import { monthKeyOf } from '#app/domain/scorecards/periods.ts'
import { supplierScorecardPage } from '#app/models/scorecard/supplier-scorecard-page.server.ts'
import {
	evidenceSearch,
	type EvidenceMetric,
	isUuid,
	monthOptions,
	parseMonthParam,
	RATE_METRICS,
} from '#app/schemas/scorecard-filters.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

// Read-only portal: loaders only, never an action.
export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	invariantResponse(isUuid(params.supplierId), 'Not found', { status: 404 })
	const now = new Date()
	const { query, errors } = parseMonthParam(new URL(request.url).searchParams, now)
	const page = await supplierScorecardPage(getDb(), {
		supplierId: params.supplierId,
		month: query.month,
		now,
	})
	invariantResponse(page, 'Not found', { status: 404 })
	return { ...page, month: query.month, errors, months: monthOptions(now), currentMonth: monthKeyOf(now) }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.supplier.name ?? 'Supplier'} · Scorecards · Audit · Procura` },
]

const percentTicks = [0, 0.25, 0.5, 0.75, 1]

export default function SupplierScorecards() {
	const d = useLoaderData<typeof loader>()
	const inProgress = d.month === d.currentMonth
	const months = d.trend[0]?.months.map((m) => m.month) ?? []
	const series = (pick: (m: (typeof d.trend)[number]['months'][number]) => number | null) =>
		d.trend.map((t) => ({ name: t.className, values: t.months.map(pick) }))
	const evidenceHref = (orderClassId: string, metric: EvidenceMetric) =>
		`/audit/scorecards/${d.supplier.id}/evidence?${evidenceSearch({ orderClassId, month: d.month, metric })}`
	return (
		<div className="stack">
			<p>
				<Link to={`/audit/scorecards?month=${d.month}`}>← All scorecards</Link>
			</p>
			<h1>{d.supplier.name}</h1>
			<p className="muted">Regions: {d.supplier.regions.length ? d.supplier.regions.join(', ') : '—'}</p>
			<Form method="get" className="toolbar" aria-label="Choose the month">
				<SelectField
					label="Month"
					errors={d.errors.month}
					options={d.months.map((m) => ({
						value: m,
						label: m === d.currentMonth ? `${formatMonth(m)} (in progress)` : formatMonth(m),
					}))}
					selectProps={{ id: 'sc-month', name: 'month', defaultValue: d.month }}
				/>
				<button type="submit" className="secondary">
					Show
				</button>
			</Form>

			<section aria-labelledby="month-heading">
				<h2 id="month-heading">{formatMonth(d.month)} by class</h2>
				{d.rows.length === 0 ? (
					<p className="empty">No scorecard data for {formatMonth(d.month)}.</p>
				) : (
					<div className="table-wrap">
						<table className="scorecards">
							<caption className="visually-hidden">
								Each figure links to the orders and events it was computed from.
							</caption>
							<thead>
								<tr>
									<th scope="col">Class</th>
									<th scope="col">Source</th>
									<th scope="col">Orders</th>
									<th scope="col">Score</th>
									<th scope="col">Standing</th>
									{RATE_METRICS.map((m) => (
										<th scope="col" key={m}>
											{RATES[m].label}
										</th>
									))}
									<th scope="col">Cycle median</th>
									<th scope="col">Cycle p90</th>
									<th scope="col">Change ack median</th>
									<th scope="col">Check</th>
								</tr>
							</thead>
							<tbody>
								{d.rows.map((r) => (
									<tr key={r.orderClassId}>
										<th scope="row">{r.className}</th>
										<td>
											<SourceBadge source={r.source} inProgress={inProgress} />
										</td>
										<td className="num">{r.orderCount}</td>
										<td className="num">{formatScore(r.score)}</td>
										<td>
											<StandingBadge standing={r.standing} />
										</td>
										{RATE_METRICS.map((m) => (
											<td key={m} className="num">
												<Link
													to={evidenceHref(r.orderClassId, m)}
													aria-label={`${RATES[m].label} of ${r.className}: ${formatPercent(r.metrics[m])} (${rateCounts(m, r.counters)}), see the evidence`}
												>
													<RateFigure metric={m} rate={r.metrics[m]} counters={r.counters} />
												</Link>
											</td>
										))}
										{(
											[
												['Cycle median', 'cycleTime', r.metrics.cycleMedianMinutes],
												['Cycle p90', 'cycleTime', r.metrics.cycleP90Minutes],
												['Change acknowledgement median', 'changeAck', r.metrics.changeAckMedianMinutes],
											] as const
										).map(([label, metric, minutes]) => (
											<td key={label} className="num">
												<Link
													to={evidenceHref(r.orderClassId, metric)}
													aria-label={`${label} of ${r.className}: ${formatHours(minutes)}, see the evidence`}
												>
													{formatHours(minutes)}
												</Link>
											</td>
										))}
										<td>
											{r.source === 'published' ? (
												<Link
													to={`/audit/scorecards/${d.supplier.id}/recompute?${evidenceSearch({ orderClassId: r.orderClassId, month: d.month })}`}
												>
													Recompute<span className="visually-hidden"> {r.className}</span>
												</Link>
											) : (
												<span className="muted">not published</span>
											)}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>

			<section aria-labelledby="standing-heading">
				<h2 id="standing-heading">Standing in force</h2>
				{d.standings.length === 0 ? (
					<p className="empty">No standing yet in any class.</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">Class</th>
									<th scope="col">Standing</th>
									<th scope="col">Score</th>
									<th scope="col">Since</th>
								</tr>
							</thead>
							<tbody>
								{d.standings.map((s) => (
									<tr key={s.orderClassId}>
										<th scope="row">{s.className}</th>
										<td>
											<StandingBadge standing={{ key: s.standingKey, label: s.standingLabel }} />
										</td>
										<td className="num">{formatScore(s.score)}</td>
										<td>{formatUtc(s.since)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>

			<section aria-labelledby="trend-heading">
				<h2 id="trend-heading">12 months to {formatMonth(d.month)}</h2>
				{d.trend.length === 0 ? (
					<p className="empty">No scorecard data in these twelve months.</p>
				) : (
					<div className="trend-grid">
						<TrendChart
							title="Score"
							yLabel="Score"
							months={months}
							series={series((m) => m.score)}
							format={(v) => v.toFixed(0)}
							yMax={100}
							yTicks={[0, 25, 50, 75, 100]}
						/>
						{RATE_METRICS.map((metric) => (
							<TrendChart
								key={metric}
								title={RATES[metric].label}
								yLabel="Percent"
								months={months}
								series={series((m) => m.metrics[metric])}
								format={formatPercent}
								yMax={1}
								yTicks={percentTicks}
							/>
						))}
						<TrendChart
							title="Cycle time, median"
							yLabel="Hours"
							months={months}
							series={series((m) => minutesToHours(m.metrics.cycleMedianMinutes))}
							format={(v) => `${v.toFixed(1)} h`}
						/>
						<TrendChart
							title="Change acknowledgement, median"
							yLabel="Hours"
							months={months}
							series={series((m) => minutesToHours(m.metrics.changeAckMedianMinutes))}
							format={(v) => `${v.toFixed(1)} h`}
						/>
					</div>
				)}
			</section>

			<section aria-labelledby="history-heading">
				<h2 id="history-heading">Standing history</h2>
				{d.standingHistory.length === 0 ? (
					<p className="empty">No standing changes recorded.</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">When</th>
									<th scope="col">Class</th>
									<th scope="col">From</th>
									<th scope="col">To</th>
									<th scope="col">Score</th>
									<th scope="col">Reason</th>
								</tr>
							</thead>
							<tbody>
								{d.standingHistory.map((h) => (
									<tr key={`${h.orderClassId}|${String(h.changedAt)}|${h.toKey}`}>
										<td className="nowrap">{formatUtc(h.changedAt)}</td>
										<td>{h.className}</td>
										<td>{h.fromKey ?? '(none)'}</td>
										<td>{h.toKey}</td>
										<td className="num">{formatScore(h.score)}</td>
										<td>{h.reason}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
		</div>
	)
}

function minutesToHours(minutes: number | null) {
	return minutes === null ? null : minutes / 60
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
