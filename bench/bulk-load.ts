import { performance } from 'node:perf_hooks'
import type postgres from 'postgres'

type Definition = { table: string; name: string; sql: string }
type Key = Definition & { kind: 'p' | 'u'; index: string }

/**
 * Runs `load` with the indexes of `tables` set aside (and their primary and unique keys, unless a
 * foreign key needs one), then builds them again from their saved definitions, same names and SQL:
 * building an index once after the load is many times faster than maintaining it row by row, and
 * re-adding a key checks the loaded rows against it. The tables must be otherwise unused meanwhile.
 */
export async function withIndexesBuiltAfter<T>(
	sql: postgres.Sql,
	tables: readonly string[],
	load: () => Promise<T>,
): Promise<T> {
	const list = tables as string[]
	const keys = await sql<Key[]>`
		select c.conrelid::regclass::text as table, c.conname as name, c.contype as kind,
			pg_get_constraintdef(c.oid) as sql, pg_get_indexdef(c.conindid) as index
		from pg_constraint c
		where c.contype in ('p', 'u') and c.conrelid::regclass::text = any(${list})
			and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.conindid = c.conindid)`
	const indexes = await sql<Definition[]>`
		select tablename as table, indexname as name, indexdef as sql from pg_indexes
		where schemaname = 'public' and tablename = any(${list})
			and indexname not in (select conname from pg_constraint where contype in ('p', 'u'))`
	for (const key of keys) await sql.unsafe(`alter table ${key.table} drop constraint "${key.name}"`)
	for (const index of indexes) await sql.unsafe(`drop index "${index.name}"`)

	const result = await load()

	// Every index side by side (CREATE INDEX locks allow that); a key is its unique index, attached after.
	await Promise.all([
		...keys.map(async (key) => {
			await trace(key.name, sql.unsafe(key.index))
			const kind = key.kind === 'p' ? 'primary key' : 'unique'
			await sql.unsafe(
				`alter table ${key.table} add constraint "${key.name}" ${kind} using index "${key.name}"`,
			)
		}),
		...indexes.map((index) => trace(index.name, sql.unsafe(index.sql))),
	])
	return result
}

async function trace<T>(label: string, work: Promise<T>): Promise<T> {
	const t = performance.now()
	const result = await work
	const s = (performance.now() - t) / 1000
	if (process.env.BENCH_SEED_TRACE && s >= 0.5) console.log(`          ${s.toFixed(1)} s  ${label}`)
	return result
}
