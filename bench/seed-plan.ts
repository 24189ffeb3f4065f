// The order plan of the scorecard data set: one row per order with the time of every step of its
// life (seconds after the window's start, null for a step it never takes). Later statements cut the
// plan at the seed's `now` and turn it into orders, events, offers, facts and rollups.
// The steps are lateral subqueries, most fenced with `offset 0`: without fences the planner inlines each
// step's expressions into every later one, and the expression tree grows exponentially (23 GB, then
// the OOM killer, on the first try). Small steps used once or twice go unfenced (fewer nodes per row).

/** Seeded pseudo-random number in [0, 1) for order `n`, draw `k`: the same data set on every run. */
const u = (k: number) => `((hashint8(n::int8 * 64 + ${k}) & 2147483647)::float8 / 2147483648.0)`

// Index into the classes by priority rank: 0 emergency, 1 urgent, 2 standard, 3 bulk, 4 one-time.
// Acknowledgement deadlines and delivery targets follow migration 0002's class policies.
const ACK_SECONDS = '(array[1800, 7200, 86400, 172800, 86400])'
const TARGET_HOURS = '(array[8, 24, 120, 336, 168])'
const BROADCAST_COUNT = '(array[3, 2, 1, 1, 1])'

/**
 * Creates or fills `bench_plan`. Class mix 5/15/50/10/20 % (emergency, urgent, standard, bulk, one-time);
 * suppliers drawn with a skew (the busiest get ~5x the orders of the quietest), each with a fixed
 * quality that drives its response speed, on-time, rework and exception rates; emergency and urgent
 * orders are broadcast to 3 and 2 suppliers, the rest cascade, sometimes past a first candidate that
 * declines or lets the offer expire.
 */
export function planText({
	orders,
	suppliers,
	spanSeconds,
	from,
	to,
}: {
	orders: number
	suppliers: number
	spanSeconds: number
	/** Only orders from < n <= to: the table is created empty (from = to) and filled in parts side by side. */
	from: number
	to: number
}) {
	const head =
		from === to
			? 'create unlogged table bench_plan with (autovacuum_enabled = false) as'
			: 'insert into bench_plan'
	return `
${head}
select n, gen_random_uuid() as id, a.cls, b.k, d.cat, d.region, d.qty, d.needed, d.new_needed, b.ack,
	s1.id as sup_id, s2.id as alt_id, s3.id as alt2_id, a.sup,
	c.review, c.unroutable, c.miss_declined, c.change, c.exc, c.rework,
	a.placed as t_placed, e1.t_approved, e2.t_route, e3.t_miss_offer, e4.t_miss_answer, e5.t_offer,
	e6.t_cancel_early, e6.t_accept, e7.t_change, e8.t_ack, e9.t_start, e9.due,
	e11.t_exc_open, e11.t_exc_resolve, e11.t_cancel_late, e12.t_deliver, e13.t_rework, e14.t_resume,
	e15.t_redeliver, e16.t_close,
	case when e3.t_miss_offer is not null then gen_random_uuid() end as offer_miss,
	case when e5.t_offer is not null then gen_random_uuid() end as offer_main,
	case when e5.t_offer is not null and b.k >= 2 then gen_random_uuid() end as offer_b2,
	case when e5.t_offer is not null and b.k >= 3 then gen_random_uuid() end as offer_b3,
	case when e11.t_exc_open is not null then gen_random_uuid() end as exception_id
from generate_series(${from + 1}, ${Math.max(from + 1, to)}) n
cross join lateral (select
	floor(${spanSeconds}::float8 * ((n - 1) + ${u(0)}) / ${orders})::int as placed,
	case when ${u(1)} < 0.05 then 0 when ${u(1)} < 0.20 then 1 when ${u(1)} < 0.70 then 2
		when ${u(1)} < 0.80 then 3 else 4 end as cls,
	least(${suppliers - 1}, floor(${suppliers} * (0.3 * ${u(2)} + 0.7 * ${u(2)} * ${u(2)})))::int as sup offset 0) a
cross join lateral (select
	${ACK_SECONDS}[a.cls + 1] as ack,
	${TARGET_HOURS}[a.cls + 1] * 3600 as target,
	${BROADCAST_COUNT}[a.cls + 1] as k,
	(hashint4(a.sup * 7 + 3) & 2147483647)::float8 / 2147483648.0 as q offset 0) b
cross join lateral (select
	a.cls >= 2 and ${u(3)} < 0.03 as review,
	${u(4)} < 0.005 as unroutable,
	b.k = 1 and ${u(5)} < 0.04 + 0.08 * (1 - b.q) as miss,
	${u(6)} < 0.6 as miss_declined,
	${u(7)} < 0.012 as cancel_early,
	${u(8)} < 0.012 as cancel_late,
	${u(9)} < 0.06 as change,
	${u(10)} < 0.02 + 0.05 * (1 - b.q) as exc,
	${u(11)} < 0.70 + 0.27 * b.q as on_time,
	${u(12)} < 0.03 + 0.12 * (1 - b.q) as rework,
	(a.sup + 1 + floor(${u(13)} * 97)::int) % ${suppliers} as alt,
	(a.sup + 101 + floor(${u(14)} * 97)::int) % ${suppliers} as alt2 offset 0) c
cross join lateral (select
	(a.sup * 7 + a.cls * 3 + case when ${u(28)} < 0.5 then 0 else 5 end) % 8 as cat,
	(a.sup + 2 * floor(${u(29)} * 3)::int) % 7 as region,
	case when a.cls = 3 then 500 + floor(${u(30)} * 1500)::int else 1 + floor(${u(30)} * 40)::int end as qty,
	a.placed + floor(b.target * (1 + ${u(20)}))::int as needed,
	a.placed + floor(b.target * (1 + ${u(20)}))::int + 43200 + floor(${u(21)} * 86400)::int as new_needed offset 0) d
-- Review (3 % of standard, bulk and one-time orders): approved 1-21 hours later, then routed.
cross join lateral (select case when c.review then a.placed + 3600 + floor(${u(15)} * 72000)::int end as t_approved) e1
cross join lateral (select coalesce(e1.t_approved, a.placed) as t_route offset 0) e2
cross join lateral (select case when not c.unroutable and c.miss then e2.t_route end as t_miss_offer) e3
cross join lateral (select case when e3.t_miss_offer is not null then
	case when c.miss_declined then e3.t_miss_offer + 30 + floor(b.ack * 0.9 * ${u(16)})::int
	-- The expiry job's run: within a minute of the deadline.
	else e3.t_miss_offer + b.ack + floor(${u(16)} * 59)::int end end as t_miss_answer offset 0) e4
-- After a miss the order is re-routed and offered to the supplier that takes it, in the same transaction.
cross join lateral (select case when not c.unroutable then coalesce(e4.t_miss_answer, e2.t_route) end as t_offer offset 0) e5
cross join lateral (select
	case when e5.t_offer is not null and c.cancel_early then e5.t_offer + 60 + floor(b.ack * 0.5 * ${u(17)})::int end as t_cancel_early,
	-- Good suppliers answer sooner; answers come before the deadline (the server refuses late ones).
	case when e5.t_offer is not null and not c.cancel_early
		then e5.t_offer + 30 + floor(b.ack * 0.9 * power(${u(17)}, 1 + b.q))::int end as t_accept offset 0) e6
cross join lateral (select case when e6.t_accept is not null and c.change
	then e6.t_accept + 300 + floor(${u(18)} * 14400)::int end as t_change) e7
-- Acknowledged after 5 % to 125 % of the class's deadline: some are late.
cross join lateral (select case when e7.t_change is not null
	then e7.t_change + floor(b.ack * (0.05 + 1.2 * ${u(19)}))::int end as t_ack) e8
cross join lateral (select
	case when e6.t_accept is not null then coalesce(e8.t_ack, e6.t_accept) + 60 + floor(${u(22)} * 3600)::int end as t_start,
	case when c.change then d.new_needed else d.needed end as due offset 0) e9
cross join lateral (select case when e9.t_start is not null then
	case when c.on_time and e9.due > e9.t_start + 120
		then e9.t_start + 60 + floor((e9.due - e9.t_start - 60) * (0.3 + 0.7 * ${u(23)}))::int
		else greatest(e9.due, e9.t_start) + 600 + floor(${u(23)} * b.target * 0.5)::int end end as t_work_done offset 0) e10
cross join lateral (select
	case when c.exc and e10.t_work_done is not null then e9.t_start + ((e10.t_work_done - e9.t_start) * 0.2)::int end as t_exc_open,
	case when c.exc and e10.t_work_done is not null then e9.t_start + ((e10.t_work_done - e9.t_start) * 0.3)::int end as t_exc_resolve,
	case when c.cancel_late and e10.t_work_done is not null
		then e9.t_start + ((e10.t_work_done - e9.t_start) * 0.4)::int + 1 end as t_cancel_late offset 0) e11
cross join lateral (select case when e11.t_cancel_late is null then e10.t_work_done end as t_deliver) e12
cross join lateral (select case when c.rework and e12.t_deliver is not null
	then e12.t_deliver + 7200 + floor(${u(24)} * 72000)::int end as t_rework offset 0) e13
cross join lateral (select case when e13.t_rework is not null then e13.t_rework + 1800 + floor(${u(25)} * 3600)::int end as t_resume) e14
cross join lateral (select case when e14.t_resume is not null
	then e14.t_resume + 3600 + floor(${u(26)} * 72000)::int end as t_redeliver offset 0) e15
-- The buyer confirms 1 hour to 2 days after the (last) delivery.
cross join lateral (select case when e12.t_deliver is not null
	then coalesce(e15.t_redeliver, e12.t_deliver) + 3600 + floor(${u(27)} * 169200)::int end as t_close offset 0) e16
join bench_suppliers s1 on s1.i = a.sup
join bench_suppliers s2 on s2.i = c.alt
join bench_suppliers s3 on s3.i = c.alt2
${from === to ? 'limit 0' : ''}`
}
