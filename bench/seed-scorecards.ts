import { performance } from 'node:perf_hooks'
import postgres from 'postgres'
import { getScorecardPolicy } from '#app/models/scorecard/policy.server.ts'
import { runStandingsEvaluation } from '#app/models/scorecard/standings.server.ts'
import { createDatabase } from '#db/client.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { resetDatabase } from '#db/reset.ts'
import { withIndexesBuiltAfter } from './bulk-load.ts'
import { checkSamples } from './seed-check.ts'
import { machineLoad, serverCpuSeconds } from './timing.ts'
import { planText } from './seed-plan.ts'
import {
	dailyRollupsText,
	eventsText,
	exceptionsText,
	scorecardEventIdsText,
	MONTHLY_ROLLUPS_TEXT,
	offersText,
	ordersText,
} from './seed-rows.ts'
import { publishSnapshots } from './seed-snapshots.ts'

/** Bump when the generator changes: `npm run bench -- scorecards` then makes the data set again. */
export const SEED_VERSION = 2
export const SUPPLIERS = 1_000
export const MONTHS = 24
// BENCH_SEED_ORDERS makes a smaller data set while working on the generator; the figures use the default.
export const ORDERS = Number(process.env.BENCH_SEED_ORDERS) || 1_000_000

const DAY_S = 86_400
const BULK_TABLES = [
	'orders',
	'order_events',
	'order_offers',
	'order_exceptions',
	'scorecard_daily_rollups',
	'scorecard_monthly_rollups',
	'scorecard_snapshots',
]

/** What the seed made, stored in `bench_seed` so that a later run can reuse the data set. */
export type SeedInfo = {
	version: number
	orders: number
	/** The seed's "now": the data set's last moment. */
	seededAt: Date
	/** The month whose scorecards are live (not yet published): the last full month before seededAt's. */
	liveMonth: string
	/** The last published month (every month from the first one to this one is published). */
	publishedMonth: string
	auditorUserId: string
}

/**
 * Makes the scorecard data set in the database at `url` (dropped and recreated first): 1,000
 * suppliers with capabilities, 1,000,000 orders placed over the 24 months before now with their
 * events, offers and exceptions, the daily and monthly rollups of their scorecard facts, snapshots
 * for every month but the last full one, and standings evaluated three times over the last 60 days.
 * Everything big is one set-based statement, loaded with the keys rebuilt afterwards.
 */
export async function seedScorecardData(
	url: string,
	{ serverDataDir }: { serverDataDir?: string } = {},
): Promise<SeedInfo> {
	const started = performance.now()
	const nodeCpu = process.cpuUsage()
	const serverCpu = serverCpuSeconds(serverDataDir)
	const lap = phaseTimer(() => serverCpuSeconds(serverDataDir))
	await resetDatabase(url)
	await migrateDatabase(url)
	const sql = postgres(url, {
		max: 6,
		onnotice: () => {},
		connection: {
			TimeZone: 'UTC',
			work_mem: '256MB',
			maintenance_work_mem: '1GB',
			// One commit per statement here, and a crash means seeding again anyway.
			synchronous_commit: 'off',
			// No foreign-key triggers while loading: every reference comes from the plan, and the check at
			// the end reads the rows through the app's own joins.
			session_replication_role: 'replica',
		},
	})
	const db = createDatabase(url, { max: 4 })
	try {
		// A checkpoint every GB of WAL (the default) writes each page again in full after it: the load
		// would write three times its size. Reset when done, so the cluster runs with defaults.
		await sql`alter system set max_wal_size = '32GB'`
		await sql`select pg_reload_conf()`
		const nowS = Math.floor(Date.now() / 1000)
		const now = new Date(nowS * 1000)
		const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - MONTHS, now.getUTCDate()))
		const t0 = Math.floor(start.getTime() / 1000)
		const months = monthKeysBefore(now)
		const { buyerId, auditorId } = await referenceRows(sql, t0)
		await getScorecardPolicy(db)
		lap('suppliers, capabilities, users')

		// Orders are placed until two hours before now, so the newest are still being answered.
		const half = Math.floor(ORDERS / 2)
		const plan = { orders: ORDERS, suppliers: SUPPLIERS, spanSeconds: nowS - t0 - 7_200 }
		await sql.unsafe(planText({ ...plan, from: 0, to: 0 }))
		await Promise.all([
			sql.unsafe(planText({ ...plan, from: 0, to: half })),
			sql.unsafe(planText({ ...plan, from: half, to: ORDERS })),
		])
		await sql`analyze bench_plan`
		lap('order plan')

		const ctx = { t0, now: nowS - t0, buyerId }
		const liveMonthStart = Date.parse(`${months.live}-01T00:00:00Z`) / 1000 - t0
		let published = 0
		await withIndexesBuiltAfter(sql, BULK_TABLES, async () => {
			await Promise.all([
				traced('events, first half', sql.unsafe(eventsText(ctx, 0, half))),
				traced('events, second half', sql.unsafe(eventsText(ctx, half, ORDERS))),
				traced('orders', sql.unsafe(ordersText(ctx))),
				(async () => {
					await traced('daily rollups', sql.unsafe(dailyRollupsText(ctx)))
					await traced('monthly rollups', sql.unsafe(MONTHLY_ROLLUPS_TEXT))
					published = await traced(
						'snapshots',
						publishSnapshots(sql, db, {
							lastMonth: months.published,
							eventIdsText: scorecardEventIdsText(ctx, liveMonthStart),
						}),
					)
				})(),
				(async () => {
					await traced('offers', sql.unsafe(offersText(ctx)))
					await traced('exceptions', sql.unsafe(exceptionsText(ctx)))
				})(),
			])
			lap(`orders, events, offers, exceptions, rollups, ${published.toLocaleString('en-GB')} snapshots`)
		})
		await sql`select setval(pg_get_serial_sequence('order_events', 'id'), (select max(id) from order_events))`
		await sql`select setval('order_number_seq', ${ORDERS})`
		lap('indexes and keys built')

		const info: SeedInfo = {
			version: SEED_VERSION,
			orders: ORDERS,
			seededAt: now,
			liveMonth: months.live,
			publishedMonth: months.published,
			auditorUserId: auditorId,
		}
		await sql.unsafe('drop table bench_plan, bench_suppliers, bench_classes, bench_categories')
		// A bulk load leaves work for autovacuum; done now, it cannot land inside a timed run.
		await Promise.all(BULK_TABLES.map((t) => sql.unsafe(`vacuum (analyze) ${t}`)))
		lap('vacuum and analyze')
		for (const daysAgo of [60, 30, 0]) {
			await runStandingsEvaluation(db, { now: new Date(now.getTime() - daysAgo * DAY_S * 1000) })
		}
		lap('standings evaluated 60, 30 and 0 days ago')
		const check = await checkSamples(db, info)
		lap(
			`consistency check: ${check.matched}/${check.samples} samples equal the app's recomputation from events`,
		)
		if (check.matched !== check.samples) throw new Error(`Seed inconsistent:\n${check.problems.join('\n')}`)
		await sql`alter system reset max_wal_size`
		await sql`select pg_reload_conf()`
		await sql`create table bench_seed (info jsonb not null)`
		await sql`insert into bench_seed (info) values (${sql.json(info as unknown as postgres.JSONValue)})`
		const [counts] = await sql<
			{ orders: number; events: number; daily: number; monthly: number; snapshots: number }[]
		>`
			select (select count(*) from orders)::int as orders, (select count(*) from order_events)::int as events,
				(select count(*) from scorecard_daily_rollups)::int as daily,
				(select count(*) from scorecard_monthly_rollups)::int as monthly,
				(select count(*) from scorecard_snapshots)::int as snapshots`
		console.log(
			`seeded ${SUPPLIERS.toLocaleString('en-GB')} suppliers, ${counts!.orders.toLocaleString('en-GB')} orders, ` +
				`${counts!.events.toLocaleString('en-GB')} events, ${counts!.daily.toLocaleString('en-GB')} daily and ` +
				`${counts!.monthly.toLocaleString('en-GB')} monthly rollup rows, ${counts!.snapshots.toLocaleString('en-GB')} snapshots ` +
				`(${start.toISOString().slice(0, 10)} to ${now.toISOString().slice(0, 16)}Z) in ` +
				`${((performance.now() - started) / 1000).toFixed(1)} s`,
		)
		const { user, system } = process.cpuUsage(nodeCpu)
		const serverUsed = serverCpu === null ? null : serverCpuSeconds(serverDataDir)! - serverCpu
		console.log(
			`CPU used: ${serverUsed === null ? '' : `database server ${serverUsed.toFixed(0)} s, `}` +
				`Node ${((user + system) / 1e6).toFixed(0)} s; ${machineLoad()} at the end`,
		)
		return info
	} finally {
		await Promise.all([sql.end(), db.$client.end()])
	}
}

/** The seeded data set's description, or null when there is none or an older generator made it. */
export async function readSeedInfo(url: string): Promise<SeedInfo | null> {
	const sql = postgres(url, { max: 1, onnotice: () => {} })
	try {
		const [table] =
			await sql`select 1 from pg_tables where schemaname = 'public' and tablename = 'bench_seed'`
		if (!table) return null
		const [row] = await sql<{ info: SeedInfo }[]>`select info from bench_seed`
		if (!row || row.info.version !== SEED_VERSION || row.info.orders !== ORDERS) return null
		return { ...row.info, seededAt: new Date(row.info.seededAt) }
	} finally {
		await sql.end()
	}
}

function monthKeysBefore(now: Date) {
	const key = (back: number) =>
		new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7)
	return { live: key(1), published: key(2) }
}

/** BENCH_SEED_TRACE=1 prints each statement's time (for working on the generator). */
async function traced<T>(label: string, work: Promise<T>): Promise<T> {
	const t = performance.now()
	const result = await work
	if (process.env.BENCH_SEED_TRACE)
		console.log(`          ${((performance.now() - t) / 1000).toFixed(1)} s  ${label}`)
	return result
}

/** Prints each phase's wall time and, for an embedded server, the database's CPU seconds in it. */
function phaseTimer(serverCpu: () => number | null) {
	let last = performance.now()
	let lastCpu = serverCpu()
	return (what: string) => {
		const t = performance.now()
		const cpu = serverCpu()
		const used = cpu === null || lastCpu === null ? '' : ` (database CPU ${(cpu - lastCpu).toFixed(1)} s)`
		console.log(`  ${((t - last) / 1000).toFixed(1).padStart(5)} s  ${what}${used}`)
		last = t
		lastCpu = cpu
	}
}

/** Suppliers (with the index the plan draws them by), their capabilities, a buyer and an auditor. */
async function referenceRows(sql: postgres.Sql, t0: number) {
	const since = `to_timestamp(${t0} - 30 * 86400)`
	await sql.unsafe(`
		create unlogged table bench_suppliers as select i, gen_random_uuid() as id from generate_series(0, ${SUPPLIERS - 1}) i;
		create unlogged table bench_classes as
			select (row_number() over (order by c.priority_rank) - 1)::int as i, c.id, c.key, c.name, p.id as policy_id
			from order_classes c join order_class_policies p on p.order_class_id = c.id and p.version = 1;
		create unlogged table bench_categories as
			select (row_number() over (order by key) - 1)::int as i, id, name from categories;
		insert into suppliers (id, name, status, regions, contact_email, available24x7, created_at, updated_at)
		select s.id,
			(array['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Litware', 'Proseware', 'Adatum', 'Wingtip'])[1 + s.i % 8]
				|| ' ' || (array['Services', 'Partners', 'Outsourcing', 'Solutions', 'Group'])[1 + (s.i / 8) % 5]
				|| ' ' || lpad((s.i + 1)::text, 4, '0'),
			'active',
			array[r[1 + s.i % 7], r[1 + (s.i + 2) % 7], r[1 + (s.i + 4) % 7]],
			'orders-' || (s.i + 1) || '@supplier.test', s.i % 5 = 0, ${since}, ${since}
		from bench_suppliers s,
			(select array['EU-West', 'EU-Central', 'Nordics', 'North America', 'LATAM', 'APAC', 'Middle East & Africa'] as r) regions;
		-- Each supplier serves every class in the two categories the plan draws its orders from.
		insert into supplier_capabilities (supplier_id, category_id, order_class_id, weekly_capacity, capacity_unit,
			lead_time_hours, regions, available24x7, created_at, updated_at)
		select s.id, ca.id, cl.id, case when cl.key = 'bulk' then 50000 else 500 end, 'units', 4 + s.i % 48,
			su.regions, cl.key = 'emergency', ${since}, ${since}
		from bench_suppliers s
		join suppliers su on su.id = s.id
		cross join bench_classes cl
		cross join (values (0), (5)) o(k)
		join bench_categories ca on ca.i = (s.i * 7 + cl.i * 3 + o.k) % 8;
	`)
	const [buyer] = await sql<{ id: string }[]>`
		insert into users (email, name, role) values ('bench-buyer@procura.test', 'Bench Buyer', 'buyer') returning id`
	const [auditor] = await sql<{ id: string }[]>`
		insert into users (email, name, role) values ('bench-auditor@procura.test', 'Bench Auditor', 'auditor') returning id`
	return { buyerId: buyer!.id, auditorId: auditor!.id }
}
