import { type LoaderFunctionArgs } from '@remix-run/node'
import { COUNTER_COLUMNS, csvRate } from '#app/components/scorecards/metrics.ts'
import { type ScorecardRow } from '#app/models/scorecard/read-scorecards.server.ts'
import { parseScorecardListQuery } from '#app/schemas/scorecard-filters.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { csvResponse } from '#app/utils/csv.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { listArrangedScorecards } from '#app/models/scorecard/scorecard-list-page.server.ts'

// `[.csv]` escapes the dot for remix-flat-routes: the URL is /audit/scorecards.csv.
// A resource route (no component): read-only like the rest of the portal, so no action.

const HEADER = [
	'supplier',
	'class',
	'month',
	'source',
	'orders',
	'score',
	'standing',
	'response_rate',
	'acceptance_rate',
	'on_time_rate',
	'quality_rate',
	'exception_rate',
	'cycle_median_minutes',
	'cycle_p90_minutes',
	'change_ack_median_minutes',
	...COUNTER_COLUMNS.map(([, name]) => name),
	'cycle_count',
	'change_ack_count',
	'supplier_id',
	'order_class_id',
]

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'auditor')
	const now = new Date()
	// The same filters as the page, with the same defaults for what cannot be read.
	const { query } = parseScorecardListQuery(new URL(request.url).searchParams, now)
	const { rows } = await listArrangedScorecards(getDb(), query, now)
	return csvResponse({
		filename: `scorecards-${query.month}`,
		header: HEADER,
		rows: rows.map(record),
	})
}

function record(r: ScorecardRow) {
	const m = r.metrics
	return [
		r.supplierName,
		r.className,
		r.month,
		r.source,
		r.orderCount,
		r.score === null ? '' : r.score.toFixed(1),
		r.standing?.label ?? 'insufficient data',
		csvRate(m.responseRate),
		csvRate(m.acceptanceRate),
		csvRate(m.onTimeRate),
		csvRate(m.qualityRate),
		csvRate(m.exceptionRate),
		m.cycleMedianMinutes,
		m.cycleP90Minutes,
		m.changeAckMedianMinutes,
		...COUNTER_COLUMNS.map(([key]) => r.counters[key]),
		r.counters.cycleMinutes.length,
		r.counters.changeAckMinutes.length,
		r.supplierId,
		r.orderClassId,
	]
}
