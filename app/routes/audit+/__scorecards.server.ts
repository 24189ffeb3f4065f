// Server helpers shared by the auditor's scorecard routes.
import { eq } from 'drizzle-orm'
import { evidenceRows } from '#app/domain/scorecards/evidence-rows.ts'
import { scorecardEvidence } from '#app/models/scorecard/recompute.server.ts'
import { isUuid, parseFigureQuery } from '#app/schemas/scorecard-filters.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'

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
