// Server helpers shared by the auditor's scorecard routes.
import { eq } from 'drizzle-orm'
import { DEFAULT_STANDINGS } from '#app/domain/scorecards/score-and-standing.ts'
import { evidenceRows } from '#app/domain/scorecards/evidence-rows.ts'
import { listMonthScorecards, type ScorecardRow } from '#app/models/scorecard/read-scorecards.server.ts'
import { scorecardEvidence } from '#app/models/scorecard/recompute.server.ts'
import { listMonthScorecardPage } from '#app/models/scorecard/scorecard-list-page.server.ts'
import {
	arrangeScorecardRows,
	isNameSort,
	isUuid,
	parseFigureQuery,
	type ScorecardListQuery,
} from '#app/schemas/scorecard-filters.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'

/**
 * Every row of the month that the list's filters keep, in the list's order, and
 * the standings to offer in the filter.
 */
export async function listArrangedScorecards(
	db: Executor,
	query: ScorecardListQuery,
	now: Date,
): Promise<{ rows: ScorecardRow[]; standings: { value: string; label: string }[] }> {
	const rows = await listMonthScorecards(db, {
		month: query.month,
		now,
		orderClassId: query.orderClassId,
		region: query.region,
	})
	return { rows: arrangeScorecardRows(rows, query), standings: standingOptions(rows) }
}

/**
 * One page of the list and its total. Sorted by supplier or class without a standing filter, only
 * the page's rows are read and scored (listMonthScorecardPage); any other sort or filter needs every
 * row's figures first.
 */
export async function listScorecardPage(
	db: Executor,
	query: ScorecardListQuery,
	now: Date,
	{ offset, limit }: { offset: number; limit: number },
): Promise<{ rows: ScorecardRow[]; total: number; standings: { value: string; label: string }[] }> {
	if (isNameSort(query.sort) && query.standing === undefined) {
		return listMonthScorecardPage(db, { ...query, sort: query.sort, now, offset, limit })
	}
	const { rows, standings } = await listArrangedScorecards(db, query, now)
	return { rows: rows.slice(offset, offset + limit), total: rows.length, standings }
}

/** The standings to filter by: the built-in ones and any other a row of the month carries. */
function standingOptions(rows: readonly { standing: { key: string; label: string } | null }[]) {
	const options = new Map<string, string>(DEFAULT_STANDINGS.map((s) => [s.key, s.label]))
	for (const r of rows)
		if (r.standing && !options.has(r.standing.key)) options.set(r.standing.key, r.standing.label)
	return [...options].map(([value, label]) => ({ value, label }))
}

/**
 * The supplier's and the class's names, or null when either id is unknown
 * (recomputeScorecard answers for any pair of ids, so the page checks first).
 */
export async function getFigureNames(
	db: Executor,
	{ supplierId, orderClassId }: { supplierId: string; orderClassId: string },
) {
	const [[supplier], [cls]] = await Promise.all([
		db
			.select({ name: schema.suppliers.name })
			.from(schema.suppliers)
			.where(eq(schema.suppliers.id, supplierId)),
		db
			.select({ name: schema.orderClasses.name })
			.from(schema.orderClasses)
			.where(eq(schema.orderClasses.id, orderClassId)),
	])
	return supplier && cls ? { supplierName: supplier.name, className: cls.name } : null
}

/** Class choices for the filter: every class, retired ones too (their past months still have scorecards). */
export async function listClassOptions(db: Executor) {
	const rows = await db
		.select({ value: schema.orderClasses.id, label: schema.orderClasses.name })
		.from(schema.orderClasses)
		.orderBy(schema.orderClasses.priorityRank, schema.orderClasses.name)
	return rows
}

/**
 * One figure's evidence for the auditor: the supplier, the class, the figure's
 * value recomputed from the events, and its rows. Null when a bad query, an
 * unknown supplier or an unknown class leaves nothing to show; `errors` then
 * says which field was wrong (empty when the ids were just unknown).
 */
export async function loadFigureEvidence(
	db: Executor,
	{
		supplierId,
		searchParams,
		now,
	}: { supplierId: string | undefined; searchParams: URLSearchParams; now: Date },
) {
	if (!isUuid(supplierId)) return { found: null, errors: {} }
	const parsed = parseFigureQuery(searchParams, now, { withMetric: true })
	if (!parsed.success) return { found: null, errors: parsed.errors }
	const { orderClassId, month, metric } = parsed.query
	const evidence = await scorecardEvidence(db, { supplierId, orderClassId, month })
	if (!evidence) return { found: null, errors: {} }
	return {
		found: {
			supplierId,
			supplierName: evidence.supplierName,
			orderClassId,
			className: evidence.className,
			month,
			metric,
			metrics: evidence.metrics,
			counters: evidence.counters,
			rows: evidenceRows(evidence.evidence, metric),
		},
		errors: {},
	}
}
