import { spawn } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { closeOrder } from '#app/models/order/buyer-work.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { deliverOrder, startWork } from '#app/models/order/supplier-work.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { type Database } from '#db/client.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { resetDatabase } from '#db/reset.ts'
import { orderInputFor, seed } from './routing.ts'
import { machineLoad, ms } from './timing.ts'

// BENCH_ROLLUP_ORDERS shortens a run while working on it; the figures to report use the default.
const PLACEMENTS = Number(process.env.BENCH_ROLLUP_ORDERS) || 2_000
const WARMUP = 200
const CALLERS = 8
const ROUNDS = 3
// Lifecycles run by one caller: the cost per transaction without waiting on other callers' row locks.
const SOLO = 150

// nodeCpuMs: this process's CPU per call (the JS work of the models).
type Run = { count: number; perSecond: number; p50: number; p99: number; nodeCpuMs: number }
export type RollupCost = { placing: Run; lifecycle: Run; solo: Run; rollupRows: number }

/**
 * What maintaining the scorecard rollups costs the order paths: placing orders through the real
 * model (routing; its events complete no scorecard fact) and taking half of them through accept,
 * start, deliver and close (accept, deliver and close each write rollup rows), 8 callers, on the
 * fixture of bench/routing.ts (whose router sends each category × class to one supplier, so the
 * lifecycles' rollup rows are few and hot), then 150 lifecycles from one caller. Runs each variant in its own process on a fresh database, twice,
 * alternating: with the rollups, and with addToScorecardRollups switched off by
 * bench/without-rollups (a module hook, benchmarks only); which variant goes first alternates by round.
 */
export async function benchRollupCost(_db: Database, { url }: { url: string }) {
	const target = new URL(url)
	target.pathname = '/procura_bench_rollups'
	const rows: { variant: string; round: number; cost: RollupCost }[] = []
	for (let round = 1; round <= ROUNDS; round++) {
		// Which goes first alternates: a run right after its database was made is a little slower.
		const order = ['with rollups', 'without rollups'] as const
		for (const variant of round % 2 === 1 ? order : [...order].reverse()) {
			await resetDatabase(target.toString())
			await migrateDatabase(target.toString())
			rows.push({
				variant,
				round,
				cost: await measureInChild(target.toString(), variant === 'without rollups'),
			})
		}
	}
	console.table(
		rows.map(({ variant, round, cost }) => ({
			variant,
			round,
			'placeOrder/s': Math.round(cost.placing.perSecond),
			'placeOrder p50 ms': ms(cost.placing.p50),
			'lifecycles/s': Math.round(cost.lifecycle.perSecond),
			'transitions/s': Math.round(cost.lifecycle.perSecond * 4),
			'lifecycle p50 ms': ms(cost.lifecycle.p50),
			'Node CPU ms/placement': ms(cost.placing.nodeCpuMs),
			'Node CPU ms/lifecycle': ms(cost.lifecycle.nodeCpuMs),
			'1 caller: lifecycle ms': ms(cost.solo.p50),
			'rollup rows': cost.rollupRows,
		})),
	)
	const mean = (variant: string, pick: (c: RollupCost) => number) => {
		const of = rows.filter((r) => r.variant === variant).map((r) => pick(r.cost))
		return of.reduce((a, b) => a + b, 0) / of.length
	}
	const ratio = (pick: (c: RollupCost) => number) =>
		mean('with rollups', pick) / mean('without rollups', pick)
	console.log(
		`with / without rollups: placeOrder throughput ${ratio((c) => c.placing.perSecond).toFixed(2)}, ` +
			`lifecycle throughput ${ratio((c) => c.lifecycle.perSecond).toFixed(2)} (target ≥ 0.90), ` +
			`one caller's lifecycle throughput ${ratio((c) => c.solo.perSecond).toFixed(2)}; ${machineLoad()}`,
	)
}

function measureInChild(url: string, withoutRollups: boolean): Promise<RollupCost> {
	const hooks = withoutRollups
		? ['--import', new URL('./without-rollups/register.mjs', import.meta.url).pathname]
		: []
	const child = spawn(
		process.execPath,
		['--import', 'tsx', ...hooks, new URL('./rollup-cost-child.ts', import.meta.url).pathname],
		{ env: { ...process.env, BENCH_ROLLUP_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] },
	)
	let out = ''
	child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
	return new Promise((resolve, reject) => {
		child.on('error', reject)
		child.on('exit', (code) => {
			const line = out.split('\n').find((l) => l.startsWith('RESULT '))
			if (code !== 0 || !line) reject(new Error(`rollup-cost child exited ${code}:\n${out}`))
			else resolve(JSON.parse(line.slice('RESULT '.length)) as RollupCost)
		})
	})
}

/** One variant's figures on the database at `db` (bench/rollup-cost-child.ts runs it). */
export async function measureRollupCost(db: Database): Promise<RollupCost> {
	const fixture = await seed(db)
	const inputs = Array.from({ length: PLACEMENTS + WARMUP }, (_, n) => orderInputFor(fixture, n))
	const place = (n: number) => placeOrder(db, { actor: fixture.buyer, input: inputs[n]!, now: new Date() })
	await concurrently(WARMUP, place)
	const placing = await concurrently(PLACEMENTS, (n) => place(WARMUP + n))

	const sql = db.$client
	const offered = await sql<
		{ id: string; version: number; quantity: number; offer_id: string; supplier_id: string }[]
	>`
		select o.id, o.version, o.quantity, f.id as offer_id, f.supplier_id from orders o
		join lateral (select id, supplier_id from order_offers where order_id = o.id and response = 'pending'
			order by rank limit 1) f on true
		where o.status = 'offered' order by o.created_at limit ${PLACEMENTS / 2 + WARMUP / 4 + SOLO}`
	const users = new Map<string, SessionUser>()
	for (const supplierId of new Set(offered.map((o) => o.supplier_id))) {
		const [user] = await sql<{ id: string; email: string; name: string }[]>`
			insert into users (email, name, role, supplier_id)
			values (${`bench-${supplierId}@supplier.test`}, 'Bench Supplier User', 'supplier', ${supplierId})
			returning id, email, name`
		users.set(supplierId, { ...user!, role: 'supplier', supplierId })
	}
	// Offered, accepted, started, delivered, closed: four transactions, three of them complete facts.
	const lifecycle = async (n: number) => {
		const o = offered[n]!
		const supplier = { actor: users.get(o.supplier_id)!, supplierId: o.supplier_id, orderId: o.id }
		await respondToOffer(db, {
			...supplier,
			offerId: o.offer_id,
			expectedVersion: o.version,
			response: 'accept',
		})
		const [accepted] = await sql<{ version: number }[]>`select version from orders where id = ${o.id}`
		const started = await startWork(db, { ...supplier, expectedVersion: accepted!.version })
		const delivered = await deliverOrder(db, {
			...supplier,
			expectedVersion: started.version,
			deliveredQuantity: o.quantity,
		})
		await closeOrder(db, { actor: fixture.buyer, orderId: o.id, expectedVersion: delivered.version })
	}
	const warm = WARMUP / 4
	await concurrently(warm, lifecycle)
	const timed = await concurrently(offered.length - warm - SOLO, (n) => lifecycle(warm + n))
	const solo = await concurrently(SOLO, (n) => lifecycle(offered.length - SOLO + n), 1)
	const [rollups] = await sql<{ n: number }[]>`select count(*)::int as n from scorecard_daily_rollups`
	return { placing, lifecycle: timed, solo, rollupRows: rollups!.n }
}

async function concurrently(
	count: number,
	call: (n: number) => Promise<unknown>,
	callers = CALLERS,
): Promise<Run> {
	const latencies: number[] = []
	let next = 0
	const cpu = process.cpuUsage()
	const start = performance.now()
	await Promise.all(
		Array.from({ length: callers }, async () => {
			while (next < count) {
				const n = next++
				const t = performance.now()
				await call(n)
				latencies.push(performance.now() - t)
			}
		}),
	)
	const elapsed = performance.now() - start
	const { user, system } = process.cpuUsage(cpu)
	latencies.sort((a, b) => a - b)
	const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0
	return {
		count,
		perSecond: (count / elapsed) * 1000,
		p50: at(0.5),
		p99: at(0.99),
		nodeCpuMs: (user + system) / 1000 / count,
	}
}
