import { count, sql, type SQL } from 'drizzle-orm'
import { type PgTable } from 'drizzle-orm/pg-core'
import { type Executor } from '#app/utils/db.server.ts'
import { type ListCount } from '#app/utils/paging.ts'

/** How far past the current page a long list counts its matches before it says "more than". */
export const COUNT_AHEAD = 1_000

/**
 * The matches of a list, counted up to `offset + ahead` rows: the pager of a list of 100,000
 * orders reads about a thousand index entries, not every order (a full count cost 12 ms per page view).
 * `more` says there are more than `total`.
 */
export async function countAhead(
	db: Executor,
	table: PgTable,
	where: SQL | undefined,
	offset: number,
	ahead = COUNT_AHEAD,
): Promise<ListCount> {
	const cap = offset + ahead
	const matches = db
		.select({ one: sql`1` })
		.from(table)
		.where(where)
		.limit(cap + 1)
		.as('matches')
	const [row] = await db.select({ n: count() }).from(matches)
	const n = row?.n ?? 0
	return { total: Math.min(n, cap), more: n > cap }
}
