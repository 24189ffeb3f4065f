import { performance } from 'node:perf_hooks'
import { startAuditChainJob } from '#app/jobs/audit-chain.server.ts'
import { type OrderInput } from '#app/models/order/order-input.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { REGIONS } from '#app/domain/regions.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { type Database } from '#db/client.ts'
import { printStatements, resetStatements } from './statements.ts'
import { serverCpuSeconds } from './timing.ts'

const SUPPLIERS = 1_000
const CATEGORIES = 20
const CAPABILITIES_PER_SUPPLIER = 5
// BENCH_ROUTING_ORDERS shortens a run while profiling; the figures to report use the default.
const ORDERS = Number(process.env.BENCH_ROUTING_ORDERS) || 5_000
const WARMUP = 200
const CALLERS = 8
const SOLO = 300

export type Fixture = {
	buyer: SessionUser
	classes: { id: string; key: string }[]
	categoryIds: string[]
}

/**
 * Routes orders through the real model (`placeOrder`: intake, one candidate
 * query, ranking, decision, offers, events, audit events, outbox email, in one
 * transaction) and through the reference transaction of STACK.md (candidate
 * join, insert order, insert event, update load), each from 8 concurrent callers
 * on the same seeded data, and prints throughput, latency and their ratio.
 */
export async function benchRouting(db: Database, { dataDir }: { dataDir?: string } = {}) {
	dbDataDir = dataDir
	const seedStart = performance.now()
	const fixture = await seed(db)
	console.log(
		`seeded ${SUPPLIERS} suppliers, ${CATEGORIES} categories, ${fixture.classes.length} classes, ` +
			`${SUPPLIERS * CAPABILITIES_PER_SUPPLIER} capabilities and ${SUPPLIERS} active contracts ` +
			`(${SUPPLIERS * CAPABILITIES_PER_SUPPLIER} terms) in ${Math.round(performance.now() - seedStart)} ms`,
	)
	const inputs = Array.from({ length: ORDERS + WARMUP }, (_, n) => orderInputFor(fixture, n))

	const model = (input: OrderInput) => placeOrder(db, { actor: fixture.buyer, input, now: new Date() })
	const reference = (input: OrderInput) => referenceTransaction(db, input)

	await runConcurrently(inputs.slice(0, WARMUP), reference)
	// The chaining job links the model's audit events into the hash chain as the server would, every
	// second beside the callers: its cost is part of the model's figures.
	const chaining = startAuditChainJob({ db })
	await runConcurrently(inputs.slice(0, WARMUP), model)
	await resetStatements(db)
	const real = await runConcurrently(inputs.slice(WARMUP), model)
	await printStatements(db, { units: ORDERS, unit: 'order', run: `placeOrder, ${CALLERS} callers` })
	await chaining.stop()
	const ref = await runConcurrently(inputs.slice(WARMUP), reference)
	// One caller: the time one order takes without queueing behind the others.
	const alone = inputs.slice(WARMUP, WARMUP + SOLO)
	const soloChaining = startAuditChainJob({ db })
	const realAlone = await runConcurrently(alone, model, 1)
	await soloChaining.stop()
	const refAlone = await runConcurrently(alone, reference, 1)
	const [audit] = await db.$client<{ chained: number; pending: number }[]>`
		select count(*) filter (where seq > 0)::int as chained, count(*) filter (where seq < 0)::int as pending
		from audit_events`

	const outcomes = await db.$client<{ status: string; n: number }[]>`
		select status, count(*)::int as n from orders where placed_by_user_id = ${fixture.buyer.id} group by status order by status`
	console.table([
		row(`placeOrder (real model), ${CALLERS} callers`, real),
		row(`reference transaction, ${CALLERS} callers`, ref),
		row('placeOrder (real model), 1 caller', realAlone),
		row('reference transaction, 1 caller', refAlone),
	])
	console.log(`real model order outcomes: ${outcomes.map((o) => `${o.status} ${o.n}`).join(', ')}`)
	console.log(
		`audit events chained by the chaining job during the runs: ${audit!.chained} (${audit!.pending} left for its next run)`,
	)
	console.log(
		`ratio real/reference: ${(real.perSecond / ref.perSecond).toFixed(2)} (target ≥ 0.5); real p99 ${real.p99.toFixed(1)} ms (target ≤ 50 ms)`,
	)
}

function row(name: string, r: RunResult) {
	return {
		path: name,
		orders: r.count,
		'orders/s': Math.round(r.perSecond),
		'p50 ms': Number(r.p50.toFixed(1)),
		'p99 ms': Number(r.p99.toFixed(1)),
		// CPU of this Node process per order: the model's JS work (ranking, rendering emails, hashing) shows here.
		'node CPU ms/order': Number(r.nodeCpuMs.toFixed(2)),
		// CPU of the database server per order (embedded server only): its backends' work.
		'db CPU ms/order': r.dbCpuMs === null ? 'n/a' : Number(r.dbCpuMs.toFixed(2)),
		failed: r.failed,
	}
}

type RunResult = {
	count: number
	perSecond: number
	p50: number
	p99: number
	nodeCpuMs: number
	dbCpuMs: number | null
	failed: number
}

let dbDataDir: string | undefined

async function runConcurrently(
	inputs: OrderInput[],
	call: (input: OrderInput) => Promise<unknown>,
	callers = CALLERS,
): Promise<RunResult> {
	const latencies: number[] = []
	let next = 0
	let failed = 0
	const cpu = process.cpuUsage()
	const dbCpu = serverCpuSeconds(dbDataDir)
	const start = performance.now()
	await Promise.all(
		Array.from({ length: callers }, async () => {
			while (next < inputs.length) {
				const input = inputs[next++]!
				const t = performance.now()
				try {
					await call(input)
				} catch (error) {
					if (failed++ === 0) console.error('first failure:', error)
				}
				latencies.push(performance.now() - t)
			}
		}),
	)
	const elapsed = performance.now() - start
	const { user, system } = process.cpuUsage(cpu)
	const dbCpuAfter = serverCpuSeconds(dbDataDir)
	latencies.sort((a, b) => a - b)
	const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!
	return {
		count: inputs.length,
		perSecond: (inputs.length / elapsed) * 1000,
		p50: at(0.5),
		p99: at(0.99),
		nodeCpuMs: (user + system) / 1000 / inputs.length,
		dbCpuMs: dbCpu === null || dbCpuAfter === null ? null : ((dbCpuAfter - dbCpu) * 1000) / inputs.length,
		failed,
	}
}

/** A deterministic spread over classes, categories and regions; quantities stay within each class's rules. */
export function orderInputFor(fixture: Fixture, n: number): OrderInput {
	const cls = fixture.classes[n % fixture.classes.length]!
	const quantity = cls.key === 'bulk' ? 600 + ((n * 37) % 400) : 5 + ((n * 13) % 16)
	return {
		orderClassId: cls.id,
		categoryId: fixture.categoryIds[(n * 7) % CATEGORIES]!,
		quantity,
		unit: 'units',
		description: `Benchmark order ${n}`,
		neededBy: new Date(Date.now() + 10 * 86_400_000),
		region: REGIONS[(n * 3) % REGIONS.length]!,
		justification: cls.key === 'emergency' ? 'Benchmark emergency: payroll system outage' : null,
	}
}

/**
 * STACK.md's "route one order" transaction: the candidate join over the
 * suppliers, insert the order, insert its event, update the capability's load.
 */
async function referenceTransaction(db: Database, input: OrderInput) {
	const day = new Date().toISOString().slice(0, 10)
	await db.$client.begin(async (sql) => {
		const [best] = await sql<
			{ capability_id: string; supplier_id: string; policy_id: string; price: number | null }[]
		>`
			select c.id as capability_id, s.id as supplier_id, t.unit_price_minor as price,
				(select p.id from order_class_policies p where p.order_class_id = c.order_class_id order by p.version desc limit 1) as policy_id
			from supplier_capabilities c
			join suppliers s on s.id = c.supplier_id and s.status = 'active'
			left join capability_weekly_load l on l.capability_id = c.id and l.week_start = date_trunc('week', now())::date
			left join lateral (
				select ct.unit_price_minor from contracts k
				join contract_terms ct on ct.contract_version_id = k.binding_version_id
				where k.supplier_id = s.id and k.status = 'active' and k.starts_on <= ${day}::date and k.ends_on >= ${day}::date
					and ct.order_class_id = c.order_class_id and (ct.category_id = c.category_id or ct.category_id is null)
				order by ct.category_id is null limit 1) t on true
			where c.category_id = ${input.categoryId} and c.order_class_id = ${input.orderClassId}
				and ${input.region} = any(c.regions) and c.weekly_capacity - coalesce(l.used, 0) >= ${input.quantity}
			order by t.unit_price_minor nulls last, c.lead_time_hours, s.id
			limit 1`
		if (!best) return
		const [order] = await sql<{ id: string }[]>`
			insert into orders (number, order_class_id, order_class_policy_id, category_id, quantity, description, region,
				needed_by, status, assigned_supplier_id, agreed_price_minor)
			values ('REF-' || nextval('order_number_seq'), ${input.orderClassId}, ${best.policy_id}, ${input.categoryId},
				${input.quantity}, ${input.description}, ${input.region}, ${input.neededBy.toISOString()}, 'accepted',
				${best.supplier_id}, ${best.price === null ? null : best.price * input.quantity})
			returning id`
		await sql`insert into order_events (order_id, type, to_status, supplier_id, occurred_at)
			values (${order!.id}, 'offer_accepted', 'accepted', ${best.supplier_id}, now())`
		await sql`insert into capability_weekly_load (capability_id, week_start, used)
			values (${best.capability_id}, date_trunc('week', now())::date, ${input.quantity})
			on conflict (capability_id, week_start) do update set used = capability_weekly_load.used + excluded.used`
	})
}

/** Bulk inserts in a handful of statements: the fixture takes seconds, not minutes. */
export async function seed(db: Database): Promise<Fixture> {
	const sql = db.$client
	const regions = sql.array([...REGIONS])
	await sql.begin(async (tx) => {
		await tx`insert into categories (key, name)
			select 'bench-' || lpad(g::text, 2, '0'), 'Bench category ' || g from generate_series(1, ${CATEGORIES}) g`
		await tx`insert into suppliers (name, status, regions, contact_email)
			select 'Bench Supplier ' || lpad(g::text, 4, '0'), 'active',
				array[(${regions}::text[])[1 + g % 7], (${regions}::text[])[1 + (g + 2) % 7], (${regions}::text[])[1 + (g + 4) % 7]],
				'bench-' || g || '@supplier.test'
			from generate_series(1, ${SUPPLIERS}) g`
		// Each supplier serves every class once, in categories spread so each (category, class) has ~50 suppliers;
		// half of each such group is 24x7 (capability and term alike, contracts numbered in supplier order).
		await tx`
			with s as (select id, row_number() over (order by name) as i, regions from suppliers where name like 'Bench Supplier %'),
				cls as (select id, row_number() over (order by priority_rank) - 1 as j from order_classes),
				cat as (select id, row_number() over (order by key) - 1 as k from categories where key like 'bench-%')
			insert into supplier_capabilities (supplier_id, category_id, order_class_id, weekly_capacity, capacity_unit,
				lead_time_hours, regions, available24x7)
			select s.id, cat.id, cls.id, 1000000, 'units', 4 + (s.i % 48), s.regions, (s.i / 20) % 2 = 0
			from s cross join cls join cat on cat.k = (s.i * 7 + cls.j * 3) % ${CATEGORIES}`
		await tx`insert into contracts (number, supplier_id, title, starts_on, ends_on, status)
			select 'CT-BENCH-' || lpad(row_number() over (order by name)::text, 4, '0'), id, 'Bench framework agreement',
				'2020-01-01', '2099-12-31', 'active'
			from suppliers where name like 'Bench Supplier %'`
		await tx`insert into contract_versions (contract_id, number, proposed_by, status)
			select id, 1, 'buyer', 'draft' from contracts where number like 'CT-BENCH-%'`
		// One term per class for any category; bulk has quantity tiers, emergency a surcharge and 24x7.
		await tx`
			with v as (select v.id, row_number() over (order by k.number) as i from contract_versions v
					join contracts k on k.id = v.contract_id where k.number like 'CT-BENCH-%'),
				cls as (select id, key from order_classes)
			insert into contract_terms (contract_version_id, order_class_id, category_id, unit_price_minor, price_tiers,
				ack_sla_minutes, delivery_sla_hours, priority_surcharge_bps, guaranteed24x7)
			select v.id, cls.id, null,
				case when cls.key = 'bulk' then null else 5000 + (v.i % 50) * 100 end,
				case when cls.key = 'bulk'
					then jsonb_build_array(jsonb_build_object('minQuantity', 1, 'unitPriceMinor', 2000 + (v.i % 40) * 10),
						jsonb_build_object('minQuantity', 800, 'unitPriceMinor', 1800 + (v.i % 40) * 10))
					else '[]'::jsonb end,
				60 + (v.i % 4) * 60, 72, case when cls.key = 'emergency' then 2500 else 0 end, (v.i / 20) % 2 = 0
			from v cross join cls`
		await tx`update contract_versions set status = 'accepted', proposed_at = now()
			where contract_id in (select id from contracts where number like 'CT-BENCH-%')`
		await tx`update contracts k set binding_version_id = v.id from contract_versions v
			where v.contract_id = k.id and k.number like 'CT-BENCH-%'`
	})
	await sql`analyze`
	const [buyer] = await sql<{ id: string; email: string; name: string }[]>`
		insert into users (email, name, role) values ('bench-buyer@procura.test', 'Bench Buyer', 'buyer')
		returning id, email, name`
	const classes = await sql<
		{ id: string; key: string }[]
	>`select id, key from order_classes order by priority_rank`
	const categories = await sql<
		{ id: string }[]
	>`select id from categories where key like 'bench-%' order by key`
	return {
		buyer: { ...buyer!, role: 'buyer', supplierId: null },
		classes: [...classes],
		categoryIds: categories.map((c) => c.id),
	}
}
