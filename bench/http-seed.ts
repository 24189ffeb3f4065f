import { performance } from 'node:perf_hooks'
import postgres from 'postgres'
import { REGIONS } from '#app/domain/regions.ts'
import { updateScorecards } from '#app/jobs/scorecards.server.ts'
import { createDatabase } from '#db/client.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { resetDatabase } from '#db/reset.ts'
import { seedDemoDataIfEmpty } from '#db/seed.ts'
import { DEMO_STAFF, DEMO_SUPPLIERS } from '#db/seed-data.ts'

export const SUPPLIERS = 1_000
export const ORDERS = 100_000
/** The demo supplier of supplier@procura.test: a busy one, 5 % of all orders. */
export const DEMO_SUPPLIER_ID = DEMO_SUPPLIERS[0]!.id
const DEMO_SUPPLIER_SHARE = 0.05
/** Open offers also broadcast to the demo supplier (on top of those drawn for it), so its inbox is full. */
const DEMO_BROADCAST_SHARE = 0.2
const DAYS = 180

/** Seeded pseudo-random number in [0, 1) for order `n`, draw `k`: the same data set on every run. */
const u = (k: number) => `((hashint8(n::int8 * 64 + ${k}) & 2147483647)::float8 / 2147483648.0)`

/**
 * The demo data (db/seed.ts, as `npm start` seeds it) in a new database at `url`, scaled up with
 * set-based statements to 1,000 suppliers and 100,000 more orders over the last 180 days: 5 % of
 * them for the demo supplier (Northwind, whose user is supplier@procura.test), the rest drawn with a
 * skew over every supplier; the older ones closed, the last two days' open (offered, accepted, in
 * progress); pending offers for the offered ones, and the monthly scorecard rollups of all of them.
 */
export async function seedHttpData(url: string) {
	const started = performance.now()
	await resetDatabase(url)
	await migrateDatabase(url)
	await seedDemoDataIfEmpty(url)
	const seeded = performance.now()
	const sql = postgres(url, { max: 1, onnotice: () => {}, connection: { synchronous_commit: 'off' } })
	try {
		const buyerId = DEMO_STAFF.find((s) => s.role === 'buyer')!.id
		const regions = sql.array([...REGIONS])
		await sql.begin(async (tx) => {
			const [{ n: existing } = { n: 0 }] = await tx<{ n: number }[]>`select count(*)::int as n from suppliers`
			await tx`
				insert into suppliers (name, status, regions, contact_email, available24x7)
				select 'Bulk Supplier ' || lpad(g::text, 4, '0'), 'active',
					array[(${regions}::text[])[1 + g % 7], (${regions}::text[])[1 + (g + 3) % 7]],
					'bulk-' || g || '@supplier.test', g % 5 = 0
				from generate_series(1, ${SUPPLIERS - existing}) g`
			await tx`create temp table http_suppliers on commit drop as
				select (row_number() over (order by name) - 1)::int as i, id from suppliers`
			// i = -1: the demo supplier's own share, on top of its draws among all of them.
			await tx`insert into http_suppliers values (-1, ${DEMO_SUPPLIER_ID})`
			await tx`create temp table http_classes on commit drop as
				select (row_number() over (order by c.priority_rank) - 1)::int as i, c.id, c.key,
					(select p.id from order_class_policies p where p.order_class_id = c.id order by p.version desc limit 1) as policy_id,
					(array[8, 24, 120, 336, 168])[least(5, row_number() over (order by c.priority_rank))::int] as target_hours
				from order_classes c`
			await tx`create temp table http_categories on commit drop as
				select (row_number() over (order by key) - 1)::int as i, id from categories`
			const [{ classes, categories } = { classes: 0, categories: 0 }] = await tx<
				{ classes: number; categories: number }[]
			>`
				select (select count(*) from http_classes)::int as classes, (select count(*) from http_categories)::int as categories`
			// Each bulk supplier serves two classes in one category.
			await tx`
				insert into supplier_capabilities (supplier_id, category_id, order_class_id, weekly_capacity, capacity_unit,
					lead_time_hours, regions, available24x7)
				select s.id, ca.id, cl.id, 500, 'units', 4 + s.i % 48, su.regions, su.available24x7
				from http_suppliers s join suppliers su on su.id = s.id and su.name like 'Bulk Supplier %'
				join http_classes cl on cl.i in (s.i % ${classes}, (s.i + 2) % ${classes})
				join http_categories ca on ca.i = s.i % ${categories}`

			// The plan: one row per order, with its supplier and the times of its steps.
			await tx.unsafe(`
				create temp table http_plan on commit drop as
				select n, gen_random_uuid() as id, o.placed, o.cls, o.cat, o.qty, o.price, su.id as sup_id, o.status,
					-- Open work is not yet due (overdue orders would keep the deadline job busy through the runs).
					case when o.status in ('accepted', 'in_progress')
						then greatest(o.placed + make_interval(hours => cl.target_hours), now() + make_interval(hours => 6 + floor(${u(12)} * 72)::int))
						else o.placed + make_interval(hours => cl.target_hours) end as needed_by,
					t.accepted_at, t.delivered_at,
					case when o.status = 'closed' then least(now(), t.delivered_at + make_interval(mins => 60 + floor(${u(6)} * 2880)::int)) end as closed_at
				from generate_series(1, ${ORDERS}) n
				cross join lateral (select
					now() - make_interval(secs => ${DAYS} * 86400 * ${u(0)}) as placed,
					floor(${u(1)} * ${classes})::int as cls,
					floor(${u(7)} * ${categories})::int as cat,
					1 + floor(${u(8)} * 40)::int as qty,
					2000 + floor(${u(9)} * 70)::int * 100 as price,
					case when ${u(2)} < ${DEMO_SUPPLIER_SHARE} then -1
						else least(${SUPPLIERS - 1}, floor(${SUPPLIERS} * (0.3 * ${u(3)} + 0.7 * ${u(3)} * ${u(3)})))::int end as sup_i
					offset 0) o0
				cross join lateral (select o0.*, extract(epoch from now() - o0.placed) / 3600 as age_h offset 0) o1
				cross join lateral (select o1.*, (case
					when o1.age_h > 336 then case when ${u(4)} < 0.03 then 'cancelled' else 'closed' end
					when o1.age_h > 48 then case when ${u(4)} < 0.05 then 'cancelled' when ${u(4)} < 0.45 then 'closed'
						when ${u(4)} < 0.75 then 'delivered' else 'in_progress' end
					else case when ${u(4)} < 0.3 then 'offered' when ${u(4)} < 0.6 then 'accepted'
						when ${u(4)} < 0.9 then 'in_progress' else 'delivered' end
					end)::order_status as status offset 0) o
				join http_classes cl on cl.i = o.cls
				join http_suppliers su on su.i = o.sup_i
				cross join lateral (select case when o.status <> 'offered'
					then o.placed + make_interval(secs => floor(60 + ${u(5)} * least(o.age_h * 1800, 36000))::int) end as accepted_at offset 0) a
				cross join lateral (select a.accepted_at, case when o.status in ('delivered', 'closed')
					then a.accepted_at + least(make_interval(hours => cl.target_hours) * (0.3 + 0.9 * ${u(10)}),
						(now() - a.accepted_at) * 0.8) end as delivered_at offset 0) t`)

			await tx`
				insert into orders (id, number, order_class_id, order_class_policy_id, category_id, quantity, unit, description,
					region, needed_by, status, agreed_price_minor, assigned_supplier_id, placed_by_user_id, cancel_reason,
					submitted_at, accepted_at, delivered_at, delivered_quantity, closed_at, created_at, updated_at)
				select p.id, 'PO-' || to_char(p.placed, 'YYYY') || '-' || lpad((100000 + p.n)::text, 7, '0'),
					cl.id, cl.policy_id, ca.id, p.qty, 'units', 'Bulk order ' || p.n || ': ' || cl.key || ' back-office work',
					(${regions}::text[])[1 + p.n % 7], p.needed_by, p.status,
					case when p.status <> 'offered' then p.qty * p.price end,
					case when p.status <> 'offered' then p.sup_id end,
					${buyerId}, case when p.status = 'cancelled' then 'No longer needed' end,
					p.placed, p.accepted_at, p.delivered_at, case when p.delivered_at is not null then p.qty end, p.closed_at,
					p.placed, coalesce(p.closed_at, p.delivered_at, p.accepted_at, p.placed)
				from http_plan p join http_classes cl on cl.i = p.cls join http_categories ca on ca.i = p.cat`
			await tx`select setval('order_number_seq', greatest((select last_value from order_number_seq), ${100000 + ORDERS}))`
			// Open orders wait on their drawn supplier, and some are broadcast to the demo supplier too.
			await tx`
				insert into order_offers (order_id, supplier_id, rank, score_centi, price_minor, offered_at, expires_at, response)
				select p.id, s.supplier_id, s.rank, 9000 - s.rank * 500, p.qty * p.price, p.placed,
					now() + make_interval(mins => 30 + (hashint8(p.n) & 1023)::int), 'pending'
				from http_plan p
				cross join lateral (values (p.sup_id, 1), (${DEMO_SUPPLIER_ID}::uuid, 2)) s(supplier_id, rank)
				where p.status = 'offered' and (s.rank = 1 or (p.sup_id <> ${DEMO_SUPPLIER_ID}::uuid
					and (hashint8(p.n * 64 + 11) & 2147483647)::float8 / 2147483648.0 < ${DEMO_BROADCAST_SHARE}))`
			// The months' live scorecard counters of these orders, added to the demo orders' own.
			await tx`
				insert into scorecard_monthly_rollups as r (supplier_id, order_class_id, month, offers_resolved,
					offers_answered_in_time, offers_accepted, deliveries, deliveries_with_due_time, deliveries_on_time,
					closures, closures_without_rework, finished, finished_with_supplier_exception, cycle_minutes)
				select p.sup_id, cl.id, to_char(p.accepted_at at time zone 'UTC', 'YYYY-MM'), count(*),
					count(*) filter (where p.n % 17 <> 0), count(*),
					count(p.delivered_at), count(p.delivered_at), count(*) filter (where p.delivered_at <= p.needed_by),
					count(p.closed_at), count(p.closed_at) filter (where p.n % 23 <> 0),
					count(*) filter (where p.status in ('closed', 'cancelled')),
					count(*) filter (where p.status = 'cancelled' and p.n % 2 = 0),
					coalesce(array_agg(floor(extract(epoch from p.delivered_at - p.accepted_at) / 60)::int
						order by p.delivered_at - p.accepted_at) filter (where p.delivered_at is not null), '{}')
				from http_plan p join http_classes cl on cl.i = p.cls
				where p.accepted_at is not null
				group by 1, 2, 3
				on conflict (supplier_id, order_class_id, month) do update set
					offers_resolved = r.offers_resolved + excluded.offers_resolved,
					offers_answered_in_time = r.offers_answered_in_time + excluded.offers_answered_in_time,
					offers_accepted = r.offers_accepted + excluded.offers_accepted,
					deliveries = r.deliveries + excluded.deliveries,
					deliveries_with_due_time = r.deliveries_with_due_time + excluded.deliveries_with_due_time,
					deliveries_on_time = r.deliveries_on_time + excluded.deliveries_on_time,
					closures = r.closures + excluded.closures,
					closures_without_rework = r.closures_without_rework + excluded.closures_without_rework,
					finished = r.finished + excluded.finished,
					finished_with_supplier_exception = r.finished_with_supplier_exception + excluded.finished_with_supplier_exception,
					cycle_minutes = r.cycle_minutes || excluded.cycle_minutes`
		})
		const published = await publishSeededMonths(url)
		await sql`vacuum analyze`
		const [counts] = await sql<
			{ suppliers: number; orders: number; mine: number; inbox: number; rollups: number }[]
		>`
			select (select count(*) from suppliers)::int as suppliers, (select count(*) from orders)::int as orders,
				(select count(*) from orders where assigned_supplier_id = ${DEMO_SUPPLIER_ID})::int as mine,
				(select count(*) from order_offers where supplier_id = ${DEMO_SUPPLIER_ID} and response = 'pending'
					and expires_at > now())::int as inbox,
				(select count(*) from scorecard_monthly_rollups where month = to_char(now() at time zone 'UTC', 'YYYY-MM'))::int as rollups`
		const c = counts!
		console.log(
			`seeded the demo data in ${((seeded - started) / 1000).toFixed(1)} s, then scaled it to ${c.suppliers} suppliers ` +
				`and ${c.orders} orders (${c.mine} the demo supplier's, ${c.inbox} offers in its inbox; ` +
				`${c.rollups} scorecard rows this month) in ${((performance.now() - seeded) / 1000).toFixed(1)} s, ` +
				`of which ${(published.ms / 1000).toFixed(1)} s published ${published.months} past months (${published.snapshots} snapshots)`,
		)
		return c
	} finally {
		await sql.end()
	}
}

/**
 * Scores the standings and publishes the seeded past months (the scorecard job's run), as a running
 * server has done by then. Left to the measured server, its first job run would publish them (~27,000 snapshots,
 * a minute and a half of work) while the pages are being measured.
 */
async function publishSeededMonths(url: string) {
	const started = performance.now()
	const db = createDatabase(url, { max: 2 })
	try {
		const { published, months } = await updateScorecards(db, { now: new Date() })
		return { snapshots: published, months: months.length, ms: performance.now() - started }
	} finally {
		await db.$client.end()
	}
}
