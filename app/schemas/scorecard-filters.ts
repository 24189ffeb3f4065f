// The auditor's scorecard pages as URLs: the month, the list's filters and sort, and the evidence
// of one figure. A value that cannot be read gets a message and its default, never an error page.
import { z } from 'zod'
import { REGIONS } from '#app/domain/regions.ts'
import { monthKeyOf } from '#app/domain/scorecards/periods.ts'

/** How many months the picker offers: the month in progress and the 23 before it. */
export const MONTHS_OFFERED = 24

/** The rates, in the order the pages show them. */
export const RATE_METRICS = [
	'responseRate',
	'acceptanceRate',
	'onTimeRate',
	'qualityRate',
	'exceptionRate',
] as const
export type RateMetric = (typeof RATE_METRICS)[number]

/** Every figure an evidence page can explain. */
export const EVIDENCE_METRICS = [...RATE_METRICS, 'cycleTime', 'changeAck'] as const
export type EvidenceMetric = (typeof EVIDENCE_METRICS)[number]

export const SCORECARD_SORTS = [
	'supplier',
	'class',
	'score',
	...RATE_METRICS,
	'cycleMedian',
	'cycleP90',
	'changeAck',
] as const
export type ScorecardSort = (typeof SCORECARD_SORTS)[number]

export const SORT_DIRECTIONS = ['asc', 'desc'] as const
export type SortDirection = (typeof SORT_DIRECTIONS)[number]

/** The standing filter's value for rows without a standing (too few orders or no score). */
export const INSUFFICIENT_DATA = 'insufficient'

// Any 8-4-4-4-12 hex string, as PostgreSQL's uuid type reads it.
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function isUuid(value: string | undefined | null): value is string {
	return typeof value === 'string' && UUID_PATTERN.test(value)
}

/** The months the picker offers, newest (the month of `now`, in progress) first. */
export function monthOptions(now: Date, count = MONTHS_OFFERED): string[] {
	const months: string[] = []
	for (let i = 0; i < count; i++) {
		months.push(monthKeyOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))))
	}
	return months
}

/** 'YYYY-MM' of one of the offered months; the message names the range. */
export function monthSchema(now: Date) {
	const offered = monthOptions(now)
	const newest = offered[0]!
	const oldest = offered.at(-1)!
	return z
		.string()
		.trim()
		.regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: 'Give the month as YYYY-MM, for example 2026-11.' })
		.refine((m) => offered.includes(m), {
			error: `Choose a month from ${oldest} to ${newest}.`,
		})
}

const uuid = (message: string) => z.string().trim().regex(UUID_PATTERN, { error: message })

export const SCORECARD_LIST_FIELDS = ['month', 'standing', 'orderClassId', 'region', 'sort', 'dir'] as const
export type ScorecardListField = (typeof SCORECARD_LIST_FIELDS)[number]

export type ScorecardListQuery = {
	month: string
	/** A standing key, or INSUFFICIENT_DATA. */
	standing?: string
	orderClassId?: string
	region?: string
	sort: ScorecardSort
	dir: SortDirection
}

export type Parsed<Q, F extends string> = {
	query: Q
	/** The first message per field that could not be read (its default is used instead). */
	errors: Partial<Record<F, string>>
	/** What the URL said, to refill the form. */
	values: Partial<Record<F, string>>
}

function readValues<F extends string>(searchParams: URLSearchParams, fields: readonly F[]) {
	const values: Partial<Record<F, string>> = {}
	for (const field of fields) {
		const value = searchParams.get(field)
		if (value !== null && value.trim() !== '') values[field] = value
	}
	return values
}

/**
 * Each field on its own: a bad one is reported and falls back to its default
 * while the others still apply, so a mistyped link still shows a useful list.
 */
function parseFields<F extends string>(
	values: Partial<Record<F, string>>,
	schemas: Record<F, z.ZodType>,
): { data: Partial<Record<F, unknown>>; errors: Partial<Record<F, string>> } {
	const data: Partial<Record<F, unknown>> = {}
	const errors: Partial<Record<F, string>> = {}
	for (const field of Object.keys(schemas) as F[]) {
		const value = values[field]
		if (value === undefined) continue
		const result = schemas[field].safeParse(value)
		if (result.success) data[field] = result.data
		else errors[field] = result.error.issues[0]?.message ?? 'This value cannot be read.'
	}
	return { data, errors }
}

/** Reads the scorecard list's month, filters and sort; `now` sets the default month and the range. */
export function parseScorecardListQuery(
	searchParams: URLSearchParams,
	now: Date,
): Parsed<ScorecardListQuery, ScorecardListField> {
	const values = readValues(searchParams, SCORECARD_LIST_FIELDS)
	const { data, errors } = parseFields(values, {
		month: monthSchema(now),
		standing: z
			.string()
			.trim()
			.regex(/^[a-z][a-z0-9_-]{0,39}$/, { error: 'Choose a standing from the list.' }),
		orderClassId: uuid('Choose a class from the list.'),
		region: z.enum(REGIONS, { error: 'Choose a region from the list.' }),
		sort: z.enum(SCORECARD_SORTS, { error: 'Choose a column to sort by from the list.' }),
		dir: z.enum(SORT_DIRECTIONS, { error: 'Sort ascending (asc) or descending (desc).' }),
	})
	return {
		query: {
			month: (data.month as string | undefined) ?? monthKeyOf(now),
			standing: data.standing as string | undefined,
			orderClassId: data.orderClassId as string | undefined,
			region: data.region as string | undefined,
			sort: (data.sort as ScorecardSort | undefined) ?? 'supplier',
			dir: (data.dir as SortDirection | undefined) ?? 'asc',
		},
		errors,
		values,
	}
}

/** Reads `?month=` of the supplier page: a bad value gets a message and the month in progress. */
export function parseMonthParam(
	searchParams: URLSearchParams,
	now: Date,
): Parsed<{ month: string }, 'month'> {
	const values = readValues(searchParams, ['month'] as const)
	const { data, errors } = parseFields(values, { month: monthSchema(now) })
	return { query: { month: (data.month as string | undefined) ?? monthKeyOf(now) }, errors, values }
}

export const EVIDENCE_FIELDS = ['class', 'month', 'metric'] as const
export type EvidenceField = (typeof EVIDENCE_FIELDS)[number]

/**
 * The figure an evidence or recompute page is about. There is no sensible
 * default for these, so any bad field means the page explains instead of showing.
 */
export function parseFigureQuery(
	searchParams: URLSearchParams,
	now: Date,
	{ withMetric }: { withMetric: boolean },
):
	| { success: true; query: { orderClassId: string; month: string; metric: EvidenceMetric } }
	| { success: false; errors: Partial<Record<EvidenceField, string>> } {
	const values = readValues(searchParams, EVIDENCE_FIELDS)
	const { data, errors } = parseFields(values, {
		class: uuid('Choose the order class from the supplier’s page.'),
		month: monthSchema(now),
		metric: z.enum(EVIDENCE_METRICS, { error: `Choose one of: ${EVIDENCE_METRICS.join(', ')}.` }),
	})
	if (values.class === undefined) errors.class = 'Say which order class (class=…).'
	if (values.month === undefined) errors.month = 'Say which month (month=YYYY-MM).'
	if (withMetric && values.metric === undefined) errors.metric = 'Say which figure (metric=…).'
	if (!withMetric) delete errors.metric
	if (Object.keys(errors).length > 0) return { success: false, errors }
	return {
		success: true,
		query: {
			orderClassId: data.class as string,
			month: data.month as string,
			metric: (data.metric as EvidenceMetric | undefined) ?? 'onTimeRate',
		},
	}
}

/** The query string of a figure's evidence page. */
export function evidenceSearch({
	orderClassId,
	month,
	metric,
}: {
	orderClassId: string
	month: string
	metric?: EvidenceMetric
}) {
	const search = new URLSearchParams({ class: orderClassId, month })
	if (metric) search.set('metric', metric)
	return search.toString()
}

type SortableRow = {
	supplierName: string
	className: string
	score: number | null
	metrics: Record<RateMetric, number | null> & {
		cycleMedianMinutes: number | null
		cycleP90Minutes: number | null
		changeAckMedianMinutes: number | null
	}
	standing: { key: string } | null
}

function sortValue(row: SortableRow, sort: ScorecardSort): string | number | null {
	switch (sort) {
		case 'supplier':
			return row.supplierName
		case 'class':
			return row.className
		case 'score':
			return row.score
		case 'cycleMedian':
			return row.metrics.cycleMedianMinutes
		case 'cycleP90':
			return row.metrics.cycleP90Minutes
		case 'changeAck':
			return row.metrics.changeAckMedianMinutes
		default:
			return row.metrics[sort]
	}
}

/**
 * The rows the list shows, in order: filtered by standing, sorted by the
 * chosen column. Rows without a value (no data yet) go last in either
 * direction; ties go by supplier, then class, so pages never shuffle.
 */
export function arrangeScorecardRows<R extends SortableRow>(
	rows: readonly R[],
	{ standing, sort, dir }: Pick<ScorecardListQuery, 'standing' | 'sort' | 'dir'>,
): R[] {
	const kept = rows.filter((r) =>
		standing === undefined
			? true
			: standing === INSUFFICIENT_DATA
				? r.standing === null
				: r.standing?.key === standing,
	)
	if (isNameSort(sort)) return arrangeByName(kept, sort, dir)
	const sign = dir === 'asc' ? 1 : -1
	return kept.sort((a, b) => {
		const x = sortValue(a, sort)
		const y = sortValue(b, sort)
		if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1
		const order = typeof x === 'string' ? x.localeCompare(String(y)) : x - (y as number)
		return sign * order || byName(a, b)
	})
}

type Named = { supplierName: string; className: string }

const byName = (a: Named, b: Named) =>
	a.supplierName.localeCompare(b.supplierName) || a.className.localeCompare(b.className)

/** Sorts that need only the names: the list can order and page before it scores a row. */
export function isNameSort(sort: ScorecardSort): sort is 'supplier' | 'class' {
	return sort === 'supplier' || sort === 'class'
}

/** Rows in the list's order for a sort by supplier or class (the same order arrangeScorecardRows gives). */
export function arrangeByName<R extends Named>(
	rows: R[],
	sort: 'supplier' | 'class',
	dir: SortDirection,
): R[] {
	const sign = dir === 'asc' ? 1 : -1
	return rows.sort((a, b) =>
		sort === 'supplier'
			? sign * a.supplierName.localeCompare(b.supplierName) || byName(a, b)
			: sign * a.className.localeCompare(b.className) || byName(a, b),
	)
}
