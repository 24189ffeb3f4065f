import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation, useSearchParams } from '@remix-run/react'
import { SelectField } from '#app/components/forms/field.tsx'
import { Pager } from '#app/components/pager.tsx'
import { RateFigure, SourceBadge, StandingBadge } from '#app/components/scorecards/figures.tsx'
import { formatHours, formatMonth, formatScore, RATES } from '#app/components/scorecards/metrics.ts'
import { REGIONS } from '#app/domain/regions.ts'
import { monthKeyOf } from '#app/domain/scorecards/periods.ts'
import { type ScorecardRow } from '#app/models/scorecard/read-scorecards.server.ts'
import {
	INSUFFICIENT_DATA,
	monthOptions,
	parseScorecardListQuery,
	RATE_METRICS,
	type ScorecardSort,
} from '#app/schemas/scorecard-filters.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getPaging } from '#app/utils/paging.ts'
import { listScorecardPage } from '#app/models/scorecard/scorecard-list-page.server.ts'
import { listClassOptions } from './__scorecards.server.ts'

const PAGE_SIZE = 50

// Read-only portal: loaders only, never an action.
export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	const url = new URL(request.url)
	const now = new Date()
	const { query, errors, values } = parseScorecardListQuery(url.searchParams, now)
	const paging = getPaging(url, PAGE_SIZE)
	const db = getDb()
	const [{ rows, total, standings }, classes] = await Promise.all([
		listScorecardPage(db, query, now, paging),
		listClassOptions(db),
	])
	return {
		query,
		errors,
		values,
		paging,
		total,
		rows,
		months: monthOptions(now),
		currentMonth: monthKeyOf(now),
		classes,
		standings,
	}
}

export const meta: MetaFunction = () => [{ title: 'Scorecards · Audit · Procura' }]

const SORT_LABELS: Record<ScorecardSort, string> = {
	supplier: 'Supplier',
	class: 'Class',
	score: 'Score',
	responseRate: 'Response',
	acceptanceRate: 'Acceptance',
	onTimeRate: 'On-time',
	qualityRate: 'Quality',
	exceptionRate: 'Exceptions',
	cycleMedian: 'Cycle median',
	cycleP90: 'Cycle p90',
	changeAck: 'Change ack',
}

export default function AuditScorecards() {
	const d = useLoaderData<typeof loader>()
	const { search } = useLocation()
	const exportQuery = new URLSearchParams(search)
	exportQuery.delete('page')
	const errorList = Object.values(d.errors)
	return (
		<div className="stack">
			<h1>Scorecards</h1>
			<Form
				key={search}
				method="get"
				className="toolbar"
				role="search"
				aria-label="Choose the month and filter the scorecards"
			>
				<SelectField
					label="Month"
					errors={d.errors.month}
					options={d.months.map((m) => ({
						value: m,
						label: m === d.currentMonth ? `${formatMonth(m)} (in progress)` : formatMonth(m),
					}))}
					selectProps={{ id: 'sc-month', name: 'month', defaultValue: d.query.month }}
				/>
				<SelectField
					label="Standing"
					errors={d.errors.standing}
					placeholder="All standings"
					options={[...d.standings, { value: INSUFFICIENT_DATA, label: 'Insufficient data' }]}
					selectProps={{ id: 'sc-standing', name: 'standing', defaultValue: d.query.standing ?? '' }}
				/>
				<SelectField
					label="Class"
					errors={d.errors.orderClassId}
					placeholder="All classes"
					options={d.classes}
					selectProps={{ id: 'sc-class', name: 'orderClassId', defaultValue: d.query.orderClassId ?? '' }}
				/>
				<SelectField
					label="Region"
					errors={d.errors.region}
					placeholder="All regions"
					options={REGIONS.map((r) => ({ value: r, label: r }))}
					selectProps={{ id: 'sc-region', name: 'region', defaultValue: d.query.region ?? '' }}
				/>
				<SelectField
					label="Sort by"
					errors={d.errors.sort}
					options={Object.entries(SORT_LABELS).map(([value, label]) => ({ value, label }))}
					selectProps={{ id: 'sc-sort', name: 'sort', defaultValue: d.query.sort }}
				/>
				<SelectField
					label="Order"
					errors={d.errors.dir}
					options={[
						{ value: 'asc', label: 'Ascending' },
						{ value: 'desc', label: 'Descending' },
					]}
					selectProps={{ id: 'sc-dir', name: 'dir', defaultValue: d.query.dir }}
				/>
				<button type="submit" className="secondary">
					Show
				</button>
				<Link to="/audit/scorecards">Clear filters</Link>
			</Form>
			{errorList.length > 0 ? (
				<p className="notice" role="status">
					Some of the link’s filters could not be read, so their defaults are used: {errorList.join(' ')}
				</p>
			) : null}

			<section aria-labelledby="sc-heading">
				<div className="toolbar page-header">
					<h2 id="sc-heading">
						{formatMonth(d.query.month)}: {d.total} {d.total === 1 ? 'scorecard' : 'scorecards'}
					</h2>
					{d.total > 0 ? (
						<a className="button secondary" href={`/audit/scorecards.csv?${exportQuery}`} download>
							Download CSV
						</a>
					) : null}
				</div>
				{d.rows.length === 0 ? (
					<p className="empty">No scorecards match these filters for {formatMonth(d.query.month)}.</p>
				) : (
					<ScorecardTable
						rows={d.rows}
						inProgress={d.query.month === d.currentMonth}
						sorted={{ sort: d.query.sort, dir: d.query.dir }}
					/>
				)}
				<Pager page={d.paging.page} pageSize={d.paging.pageSize} total={d.total} />
			</section>
		</div>
	)
}

type Sorted = { sort: ScorecardSort; dir: 'asc' | 'desc' }

function ScorecardTable({
	rows,
	inProgress,
	sorted,
}: {
	rows: ScorecardRow[]
	inProgress: boolean
	sorted: Sorted
}) {
	const header = (sort: ScorecardSort) => <SortHeader key={sort} sort={sort} sorted={sorted} />
	return (
		<div className="table-wrap">
			<table className="scorecards">
				<caption className="visually-hidden">
					Scorecards per supplier and class; rates are percentages of the counts in their tooltips.
				</caption>
				<thead>
					<tr>
						{header('supplier')}
						{header('class')}
						<th scope="col">Source</th>
						<th scope="col">Orders</th>
						{header('score')}
						<th scope="col">Standing</th>
						{RATE_METRICS.map(header)}
						{header('cycleMedian')}
						{header('cycleP90')}
						{header('changeAck')}
					</tr>
				</thead>
				<tbody>
					{rows.map((r) => (
						<tr key={`${r.supplierId}|${r.orderClassId}`}>
							<th scope="row">
								<Link to={`/audit/scorecards/${r.supplierId}?month=${r.month}`}>{r.supplierName}</Link>
							</th>
							<td>{r.className}</td>
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
									<RateFigure metric={m} rate={r.metrics[m]} counters={r.counters} />
								</td>
							))}
							<td className="num">{formatHours(r.metrics.cycleMedianMinutes)}</td>
							<td className="num">{formatHours(r.metrics.cycleP90Minutes)}</td>
							<td className="num">{formatHours(r.metrics.changeAckMedianMinutes)}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

/** A column header that sorts by its column: ascending first, and flips when already sorted by it. */
function SortHeader({ sort, sorted: { sort: current, dir } }: { sort: ScorecardSort; sorted: Sorted }) {
	const [searchParams] = useSearchParams()
	const isSorted = current === sort
	const next = new URLSearchParams(searchParams)
	next.set('sort', sort)
	next.set('dir', isSorted && dir === 'asc' ? 'desc' : 'asc')
	next.delete('page')
	const label = sort in RATES ? RATES[sort as keyof typeof RATES].label : SORT_LABELS[sort]
	return (
		<th scope="col" aria-sort={isSorted ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
			<Link to={`?${next}`}>
				{SORT_LABELS[sort]}
				<span className="visually-hidden">
					{`: sort by ${label.toLowerCase()} ${isSorted && dir === 'asc' ? 'descending' : 'ascending'}`}
				</span>
				{isSorted ? <span aria-hidden="true">{dir === 'asc' ? ' ▲' : ' ▼'}</span> : null}
			</Link>
		</th>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
