/**
 * `npm run bench [-- name]`: prints figures, asserts nothing. Runs on a fresh
 * embedded PostgreSQL (or BENCH_DATABASE_URL's server) in its own database.
 * Benchmarks: audit (audit-chain appends and verification), routing (orders through
 * the real model vs the reference transaction of STACK.md).
 */
import path from 'node:path'
import { createDatabase } from '#db/client.ts'
import { startEmbeddedPostgres } from '#db/embedded.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { resetDatabase } from '#db/reset.ts'
import { benchAuditChain } from './audit-chain.ts'
import { benchRouting } from './routing.ts'

const BENCHMARKS = { audit: benchAuditChain, routing: benchRouting } as const
type BenchName = keyof typeof BENCHMARKS

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const names = (requested.length ? requested : Object.keys(BENCHMARKS)) as BenchName[]
for (const name of names) {
	if (!(name in BENCHMARKS)) {
		console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(', ')}`)
		process.exit(2)
	}
}

const embedded = process.env.BENCH_DATABASE_URL
	? undefined
	: await startEmbeddedPostgres({ dataDir: path.resolve('.data/bench-postgres'), database: 'procura_bench' })
const serverUrl = new URL(process.env.BENCH_DATABASE_URL ?? embedded!.url)
serverUrl.pathname = '/procura_bench'
await resetDatabase(serverUrl.toString())
await migrateDatabase(serverUrl.toString())
const db = createDatabase(serverUrl.toString(), { max: 16 })
try {
	for (const name of names) {
		console.log(`\n## ${name}`)
		await BENCHMARKS[name](db)
	}
} finally {
	await db.$client.end()
	await embedded?.stop()
}
