import { getTableColumns, getTableName, type SQL } from 'drizzle-orm'
import { toSnakeCase } from 'drizzle-orm/casing'
import { PgDialect, type PgTable } from 'drizzle-orm/pg-core'
import type postgres from 'postgres'
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

const insertTexts = new Map<string, string>()

/**
 * Inserts rows in one prepared statement whose only parameter is the rows as
 * JSON (`json_to_recordset`): the statement text depends on the table and the
 * columns given, not on the number of rows, so PostgreSQL plans it once per
 * connection. Drizzle's insert builder maps every value of every row on each
 * call, which made the query builder the largest CPU cost of placing an order.
 * Every row must give the same columns (a column missing from a row is NULL, not
 * its default); Dates travel as ISO strings, jsonb columns as nested JSON.
 */
export async function insertRows<T extends PgTable>(
	db: Executor,
	table: T,
	rows: readonly T['$inferInsert'][],
): Promise<void> {
	if (rows.length === 0) return
	const keys = Object.keys(rows[0]!)
	const cacheKey = `${getTableName(table)}(${keys.join(',')})`
	let text = insertTexts.get(cacheKey)
	if (!text) {
		text = insertText(table, keys)
		insertTexts.set(cacheKey, text)
	}
	await clientOf(db).unsafe(text, [JSON.stringify(rows)], { prepare: true })
}

function insertText(table: PgTable, keys: string[]) {
	const columns = getTableColumns(table)
	const names: string[] = []
	const fields: string[] = []
	const definitions: string[] = []
	for (const key of keys) {
		const column = columns[key]
		if (!column) throw new Error(`${getTableName(table)} has no column ${key}`)
		names.push(`"${columnName(key, column)}"`)
		// The record's fields are named as the JSON keys (the TypeScript names).
		fields.push(`r."${key}"`)
		definitions.push(`"${key}" ${column.getSQLType()}`)
	}
	// $1::text first: postgres.js would otherwise serialize a json parameter itself (a second time).
	return `insert into "${getTableName(table)}" (${names.join(', ')}) select ${fields.join(', ')} from json_to_recordset($1::text::json) as r(${definitions.join(', ')})`
}

/**
 * Runs a fixed statement text with positional parameters as a prepared statement
 * on the executor's connection: for hot statements whose text is built once.
 */
export async function runPrepared<T>(db: Executor, text: string, params: unknown[]): Promise<T[]> {
	return (await clientOf(db).unsafe(text, params as postgres.ParameterOrJSON<never>[], {
		prepare: true,
	})) as unknown as T[]
}

/** The postgres.js client under a drizzle handle or transaction (the transaction's own connection). */
function clientOf(db: Executor): postgres.Sql {
	return (db._.session as unknown as { client: postgres.Sql }).client
}

/**
 * A timestamptz value of a fixed-text select as a Date. Under drizzle, postgres.js hands timestamps
 * over as text (drizzle's driver turns its date parsing off), and drizzle maps them with `new Date`.
 */
export function timestampOf(value: string): Date
export function timestampOf(value: string | null | undefined): Date | null
export function timestampOf(value: string | null | undefined): Date | null {
	return value === null || value === undefined ? null : new Date(value)
}

function columnName(key: string, column: { keyAsName: boolean; name: string }) {
	return column.keyAsName ? toSnakeCase(key) : column.name
}

/**
 * Every column of a table for a fixed-text select: `list` names them `alias."column" as "key"`,
 * `toRow` turns a result row (keyed by the TypeScript names) into the table's select type, mapping
 * each value from the driver as drizzle would (timestamps arrive as text: drizzle's postgres.js
 * driver turns off its date parsing).
 */
export function tableSelection<T extends PgTable>(table: T, alias: string) {
	const columns = Object.entries(getTableColumns(table))
	const list = columns.map(([key, column]) => `${alias}."${columnName(key, column)}" as "${key}"`).join(', ')
	function toRow(row: Record<string, unknown>): T['$inferSelect'] {
		const result: Record<string, unknown> = {}
		for (const [key, column] of columns) {
			const value = row[key]
			result[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value)
		}
		return result as T['$inferSelect']
	}
	return { list, toRow }
}
