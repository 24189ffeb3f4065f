/**
 * `npm run bench [-- name ...]`: prints figures, asserts nothing. Benchmarks: audit (audit-chain
 * appends and verification), routing (orders through the real model vs the reference transaction
 * of STACK.md), rollups (placing orders and taking them through accept/start/deliver/close with the
 * scorecard rollups maintained vs switched off, bench/rollup-cost.ts), seed (makes the scorecard
 * data set), scorecards (scorecard reads on that data set). With no name: audit, routing and scorecards.
 *
 * audit and routing run on a fresh database every time (procura_bench, dropped and migrated).
 * The scorecard data set (1,000 suppliers, 1,000,000 orders over 24 months; bench/seed-scorecards.ts)
 * lives in its own database, procura_bench_seeded, on its own embedded cluster
 * (.data/bench-seeded-postgres), and persists between runs: `seed` always makes it anew;
 * `scorecards` reuses it (applying pending migrations first, so a new index reaches it) and seeds
 * it itself only when it is missing or an older generator made it (SEED_VERSION).
 * With BENCH_DATABASE_URL both databases live on that server instead. BENCH_STATEMENTS=1 has the
 * embedded servers record statement statistics, and routing prints them (bench/statements.ts).
 */
import path from 'node:path'
import { createDatabase, type Database } from '#db/client.ts'
import { type EmbeddedServer, startEmbeddedPostgres } from '#db/embedded.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { resetDatabase } from '#db/reset.ts'
import { benchAuditChain } from './audit-chain.ts'
import { benchHttp } from './http.ts'
import { benchRollupCost } from './rollup-cost.ts'
import { benchRouting } from './routing.ts'
import { readSeedInfo, seedScorecardData, type SeedInfo } from './seed-scorecards.ts'
import { benchScorecards } from './scorecards.ts'
import { STATEMENT_SETTINGS } from './statements.ts'

type Bench =
	| { data: 'fresh'; run: (db: Database, server: { url: string; dataDir?: string }) => Promise<void> }
	| {
			data: 'seeded'
			run: (db: Database, info: SeedInfo, server: { dataDir?: string }) => Promise<void>
			reseed?: boolean
	  }

const BENCHMARKS: Record<string, Bench> = {
	audit: { data: 'fresh', run: benchAuditChain },
	routing: { data: 'fresh', run: benchRouting },
	rollups: { data: 'fresh', run: benchRollupCost },
	http: { data: 'fresh', run: benchHttp },
	seed: { data: 'seeded', run: async () => {}, reseed: true },
	scorecards: { data: 'seeded', run: benchScorecards },
}
const DEFAULT = ['audit', 'routing', 'scorecards']

const requested = process.argv.slice(2).filter((a) => !a.startsWith('-'))
const names = requested.length ? requested : DEFAULT
for (const name of names) {
	if (!(name in BENCHMARKS)) {
		console.error(`Unknown benchmark "${name}". Known: ${Object.keys(BENCHMARKS).join(', ')}`)
		process.exit(2)
	}
}

const servers: EmbeddedServer[] = []
const dataDirs: Partial<Record<'fresh' | 'seeded', string>> = {}
/** The server URL for one kind of data: BENCH_DATABASE_URL's, else its own embedded cluster. */
async function databaseUrl(kind: 'fresh' | 'seeded') {
	const [dir, database] =
		kind === 'fresh' ? ['bench-postgres', 'procura_bench'] : ['bench-seeded-postgres', 'procura_bench_seeded']
	let server = process.env.BENCH_DATABASE_URL
	if (!server) {
		dataDirs[kind] = path.resolve('.data', dir)
		const embedded = await startEmbeddedPostgres({
			dataDir: dataDirs[kind],
			database,
			settings: STATEMENT_SETTINGS,
		})
		servers.push(embedded)
		server = embedded.url
	}
	const url = new URL(server)
	url.pathname = `/${database}`
	return url.toString()
}

let fresh: { db: Database; url: string } | undefined
let seeded: { db: Database; info: SeedInfo } | undefined
try {
	for (const name of names) {
		const bench = BENCHMARKS[name]!
		console.log(`\n## ${name}`)
		if (bench.data === 'fresh') {
			if (!fresh) {
				const url = await databaseUrl('fresh')
				await resetDatabase(url)
				await migrateDatabase(url)
				fresh = { db: createDatabase(url, { max: 16 }), url }
			}
			await bench.run(fresh.db, { url: fresh.url, dataDir: dataDirs.fresh })
			continue
		}
		if (!seeded || bench.reseed) {
			const url = await databaseUrl('seeded')
			await seeded?.db.$client.end()
			let info = bench.reseed ? null : await readSeedInfo(url)
			if (info) {
				await migrateDatabase(url)
				console.log(
					`reusing the data set seeded at ${info.seededAt.toISOString()} (\`npm run bench -- seed\` makes it anew)`,
				)
			} else {
				if (!bench.reseed) console.log('no current scorecard data set: seeding it first')
				info = await seedScorecardData(url, { serverDataDir: dataDirs.seeded })
			}
			// Route loaders read the process-wide handle (getDb), so it points at the data set too.
			process.env.DATABASE_URL = url
			seeded = { db: createDatabase(url, { max: 16 }), info }
		}
		await bench.run(seeded.db, seeded.info, { dataDir: dataDirs.seeded })
	}
} finally {
	await fresh?.db.$client.end()
	await seeded?.db.$client.end()
	for (const server of servers) await server.stop()
}
