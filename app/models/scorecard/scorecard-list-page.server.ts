import { DEFAULT_STANDINGS } from '#app/domain/scorecards/score-and-standing.ts'
import {
	arrangeByName,
	arrangeScorecardRows,
	isNameSort,
	type ScorecardListQuery,
} from '#app/schemas/scorecard-filters.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { runPrepared } from '#app/utils/prepared-statements.server.ts'
import { listMonthScorecards, readListContext, type ScorecardRow } from './read-scorecards.server.ts'

type StandingOption = { value: string; label: string }

// The month's supplier × class pairs as one text of fixed-width id pairs (two uuids, 72 characters
// each): parsing ~5,000 rows value by value cost more than sorting them.
const KEYS_TEXT = `
	select coalesce(string_agg(r.supplier_id::text || r.order_class_id::text, ''), '') as pairs
	from scorecard_monthly_rollups r
	where r.month = $1 and ($2::uuid is null or r.order_class_id = $2::uuid)`
// The standings the month's snapshots were published with, under their own policy version.
const SNAPSHOT_STANDINGS_TEXT = `
	select distinct p.policy_version, p.standing_key
	from scorecard_snapshots p
	where p.month = $1 and p.standing_key is not null and ($2::uuid is null or p.order_class_id = $2::uuid)`
const UUID_LENGTH = 36

/**
 * One page of the auditor's list and its total. Sorted by supplier or class without a standing
 * filter, only the page's rows are read and scored (listMonthScorecardPage); any other sort or
 * filter needs every row's figures first.
 */
export async function listScorecardPage(
	db: Executor,
	query: ScorecardListQuery,
	now: Date,
	{ offset, limit }: { offset: number; limit: number },
): Promise<{ rows: ScorecardRow[]; total: number; standings: StandingOption[] }> {
	if (isNameSort(query.sort) && query.standing === undefined) {
		return listMonthScorecardPage(db, { ...query, sort: query.sort, now, offset, limit })
	}
	const { rows, standings } = await listArrangedScorecards(db, query, now)
	return { rows: rows.slice(offset, offset + limit), total: rows.length, standings }
}

/**
 * Every row of the month that the list's filters keep, in the list's order (the CSV export), and
 * the standings to offer in the filter.
 */
export async function listArrangedScorecards(
	db: Executor,
	query: ScorecardListQuery,
	now: Date,
): Promise<{ rows: ScorecardRow[]; standings: StandingOption[] }> {
	const rows = await listMonthScorecards(db, {
		month: query.month,
		now,
		orderClassId: query.orderClassId,
		region: query.region,
	})
	return {
		rows: arrangeScorecardRows(rows, query),
		standings: standingOptions(rows.flatMap((r) => (r.standing ? [r.standing] : []))),
	}
}

/**
 * One page of a month's scorecards sorted by supplier or by class, without a standing filter:
 * the order needs only the names, so the month's pairs are sorted first and only the page's rows
 * are read and scored (the whole month is ~5,000 rows to score; a page is 50). Rows, total and
 * order are those of listMonthScorecards + arrangeScorecardRows sliced to the page.
 */
export async function listMonthScorecardPage(
	db: Executor,
	{
		month,
		now,
		orderClassId,
		region,
		sort,
		dir,
		offset,
		limit,
	}: {
		month: string
		now: Date
		orderClassId?: string
		region?: string
		sort: 'supplier' | 'class'
		dir: 'asc' | 'desc'
		offset: number
		limit: number
	},
): Promise<{ rows: ScorecardRow[]; total: number; standings: StandingOption[] }> {
	const [[keyText], snapshotStandings, context] = await Promise.all([
		runPrepared<{ pairs: string }>(db, KEYS_TEXT, [month, orderClassId ?? null]),
		runPrepared<{ policy_version: number; standing_key: string }>(db, SNAPSHOT_STANDINGS_TEXT, [
			month,
			orderClassId ?? null,
		]),
		readListContext(db),
	])
	const { supplierById, classById, policy, labels } = context
	const keys: { supplierId: string; orderClassId: string; supplierName: string; className: string }[] = []
	const pairs = keyText!.pairs
	for (let at = 0; at < pairs.length; at += 2 * UUID_LENGTH) {
		const supplierId = pairs.slice(at, at + UUID_LENGTH)
		const orderClassId = pairs.slice(at + UUID_LENGTH, at + 2 * UUID_LENGTH)
		const supplier = supplierById.get(supplierId)
		const cls = classById.get(orderClassId)
		if (!supplier || !cls || (region && !supplier.regions.includes(region))) continue
		keys.push({ supplierId, orderClassId, supplierName: supplier.name, className: cls.name })
	}
	const page = arrangeByName(keys, sort, dir).slice(offset, offset + limit)
	const rows = page.length ? await listMonthScorecards(db, { month, now, pairs: page, context }) : []
	const position = new Map(page.map((k, i) => [`${k.supplierId}:${k.orderClassId}`, i]))
	rows.sort(
		(a, b) =>
			position.get(`${a.supplierId}:${a.orderClassId}`)! - position.get(`${b.supplierId}:${b.orderClassId}`)!,
	)
	// The standings a row of the month can carry without scoring them all: the current policy's
	// (live rows are scored with it) and those the month's snapshots were published with.
	const published = snapshotStandings.map((s) => ({
		key: s.standing_key,
		label: labels(s.policy_version, s.standing_key),
	}))
	return { rows, total: keys.length, standings: standingOptions([...policy.standings, ...published]) }
}

/** The standings to filter by: the built-in ones, then any other of `found`, each key once. */
function standingOptions(found: readonly { key: string; label: string }[]): StandingOption[] {
	const options = new Map<string, string>(DEFAULT_STANDINGS.map((s) => [s.key, s.label]))
	for (const s of found) if (!options.has(s.key)) options.set(s.key, s.label)
	return [...options].map(([value, label]) => ({ value, label }))
}
