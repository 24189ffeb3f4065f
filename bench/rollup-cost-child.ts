// One variant of the rollup-cost benchmark in its own process (bench/rollup-cost.ts starts it,
// with or without bench/without-rollups/register.mjs): prints `RESULT <json>` on stdout.
import { createDatabase } from '#db/client.ts'
import { measureRollupCost } from './rollup-cost.ts'

const db = createDatabase(process.env.BENCH_ROLLUP_URL!, { max: 16 })
try {
	console.log(`RESULT ${JSON.stringify(await measureRollupCost(db))}`)
} finally {
	await db.$client.end()
}
