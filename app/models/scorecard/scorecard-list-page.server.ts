import { DEFAULT_STANDINGS } from '#app/domain/scorecards/score-and-standing.ts'
import { arrangeByName } from '#app/schemas/scorecard-filters.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { runPrepared } from '#app/utils/prepared-statements.server.ts'
import {
	CLASSES_TEXT,
	listMonthScorecards,
	type ScorecardRow,
	scorecardPolicies,
	SUPPLIERS_TEXT,
} from './read-scorecards.server.ts'

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
): Promise<{ rows: ScorecardRow[]; total: number; standings: { value: string; label: string }[] }> {
	const [[keyText], snapshotStandings, supplierRows, classRows, { policy, labels }] = await Promise.all([
		runPrepared<{ pairs: string }>(db, KEYS_TEXT, [month, orderClassId ?? null]),
		runPrepared<{ policy_version: number; standing_key: string }>(db, SNAPSHOT_STANDINGS_TEXT, [
			month,
			orderClassId ?? null,
		]),
		runPrepared<{ id: string; name: string; regions: string[] }>(db, SUPPLIERS_TEXT, []),
		runPrepared<{ id: string; name: string; key: string }>(db, CLASSES_TEXT, []),
		scorecardPolicies(db),
	])
	const supplierById = new Map(supplierRows.map((s) => [s.id, s]))
	const classById = new Map(classRows.map((c) => [c.id, c]))
	const keys: { supplierId: string; orderClassId: string; supplierName: string; className: string }[] = []
	// The standings a row of the month can carry: the current policy's (live rows are scored with
	// it) and those the month's snapshots were published with, under their own policy version.
	const standings = new Map<string, string>(DEFAULT_STANDINGS.map((s) => [s.key, s.label]))
	for (const s of policy.standings) if (!standings.has(s.key)) standings.set(s.key, s.label)
	for (const { policy_version: version, standing_key: key } of snapshotStandings)
		if (!standings.has(key)) standings.set(key, labels(version, key))
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
	const rows = page.length ? await listMonthScorecards(db, { month, now, pairs: page }) : []
	const position = new Map(page.map((k, i) => [`${k.supplierId}:${k.orderClassId}`, i]))
	rows.sort(
		(a, b) =>
			position.get(`${a.supplierId}:${a.orderClassId}`)! - position.get(`${b.supplierId}:${b.orderClassId}`)!,
	)
	return {
		rows,
		total: keys.length,
		standings: [...standings].map(([value, label]) => ({ value, label })),
	}
}
