import { type Database } from '#db/client.ts'

/**
 * BENCH_STATEMENTS=1: the benchmark's embedded server records every statement's time
 * (pg_stat_statements, nested ones too: foreign-key checks, the chaining function's updates), and
 * the routing benchmark prints where the database's time went per order. With BENCH_DATABASE_URL
 * that server must preload pg_stat_statements itself.
 */
export const STATEMENTS = Boolean(process.env.BENCH_STATEMENTS)

export const STATEMENT_SETTINGS: Record<string, string> = STATEMENTS
	? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' }
	: {}

export async function resetStatements(db: Database) {
	if (!STATEMENTS) return
	await db.$client`create extension if not exists pg_stat_statements`
	await db.$client`select pg_stat_statements_reset()`
}

/**
 * The statements that took the most time since the reset, as milliseconds per `unit` (execution
 * time: under concurrency it includes waiting for the CPU, so it overstates CPU).
 */
export async function printStatements(
	db: Database,
	{ units, unit, run }: { units: number; unit: string; run: string },
) {
	if (!STATEMENTS) return
	const rows = await db.$client<{ calls: string; ms: string; statement: string }[]>`
		select calls::text, round((total_exec_time / ${units})::numeric, 3)::text as ms,
			left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as statement
		from pg_stat_statements
		where query not like '%pg_stat_statements%'
		order by total_exec_time desc
		limit 15`
	console.log(`${run}: database time per ${unit}, by statement (pg_stat_statements):`)
	console.table(
		rows.map((r) => ({ [`ms per ${unit}`]: Number(r.ms), calls: Number(r.calls), statement: r.statement })),
	)
}
