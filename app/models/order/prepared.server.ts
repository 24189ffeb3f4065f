import { type SQL } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import { type Executor } from '#app/utils/db.server.ts'

const dialect = new PgDialect()

/**
 * Runs raw SQL as a prepared statement. Drizzle sends raw SQL (and any query
 * without `.prepare()`) unprepared, so PostgreSQL would parse and plan it on
 * every call; postgres.js keeps a prepared statement per connection and query
 * text, so the hot routing queries are planned once per connection instead.
 * `name` only marks the query as prepared (postgres.js names statements itself).
 */
export async function executePrepared<T>(db: Executor, query: SQL, name: string): Promise<T[]> {
	const prepared = db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false)
	return (await prepared.execute()) as T[]
}
