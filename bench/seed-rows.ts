// Set-based statements that turn bench_plan (bench/seed-plan.ts) into the app's rows, cut at the
// seed's `now`: a step after it has not happened yet, so recent orders are still open.

export type RowsContext = {
	/** Epoch seconds of the plan's time 0. */
	t0: number
	/** The seed's now, in plan seconds: steps after it are left out. */
	now: number
	buyerId: string
}

const REGIONS = `(array['EU-West', 'EU-Central', 'Nordics', 'North America', 'LATAM', 'APAC', 'Middle East & Africa'])`
// The event id of slot k of order n: ids ascend within an order in the order its events were appended.
const E = (k: number) => `(p.n * 32 + ${k})`
const PRICE = `((array[9000, 7000, 5000, 2000, 6000])[p.cls + 1] + (p.sup % 50) * 100) * p.qty`

/**
 * A lateral table of one row per slot, each column a CASE over the slot: \`cross join lateral (values
 * (...), (...))\` would do the same, but a Values Scan sets up every row's expressions again for each
 * outer row (30 million times for the events), while a CASE is set up once.
 */
function slots(alias: string, columns: readonly string[], rows: readonly (readonly string[])[]) {
	const column = (j: number) =>
		`case s.slot ${rows.map((row, i) => `when ${i} then ${row[j]}`).join(' ')} end as ${columns[j]}`
	return `cross join lateral (select s.slot, ${columns.map((_, j) => column(j)).join(',\n\t')}
	from generate_series(0, ${rows.length - 1}) s(slot)) ${alias}`
}

function helpers({ t0, now }: RowsContext) {
	const ts = (x: string) => `to_timestamp(${t0}::int8 + ${x})`
	return {
		ts,
		// Event data carries times as JavaScript's toISOString writes them (the connection runs in UTC).
		iso: (x: string) => `to_char(${ts(x)}, 'YYYY-MM-DD"T"HH24:MI:SS".000Z"')`,
		kept: (x: string) => `(${x} <= ${now})`,
		number: `'PO-' || to_char(${ts('p.t_placed')}, 'YYYY') || '-' || lpad(p.n::text, 7, '0')`,
	}
}

export function ordersText(ctx: RowsContext) {
	const { ts, kept, number } = helpers(ctx)
	const at = (x: string) => `case when ${kept(x)} then ${x} end`
	return `
insert into orders (id, number, order_class_id, order_class_policy_id, category_id, quantity, unit, description, region,
	needed_by, justification, status, currency, agreed_price_minor, assigned_supplier_id, delivered_quantity,
	change_pending_since, change_ack_due_at, placed_by_user_id, reviewed_by_user_id, review_note, cancel_reason,
	submitted_at, accepted_at, delivered_at, closed_at, version, created_at, updated_at)
select p.id, ${number}, cl.id, cl.policy_id, ca.id, p.qty, 'units',
	cl.name || ' work: ' || lower(ca.name) || ', batch ' || p.n, ${REGIONS}[p.region + 1],
	${ts(`case when ${kept('p.t_change')} then p.new_needed else p.needed end`)},
	case when p.cls = 0 then 'Payroll system outage: salaries due tomorrow' end,
	(case
		when ${kept('p.t_close')} then 'closed'
		when ${kept('p.t_redeliver')} then 'delivered'
		when ${kept('p.t_resume')} then 'in_progress'
		when ${kept('p.t_rework')} then 'rework_requested'
		when ${kept('p.t_deliver')} then 'delivered'
		when ${kept('p.t_cancel_late')} then 'cancelled'
		when ${kept('p.t_start')} then 'in_progress'
		when ${kept('p.t_accept')} then 'accepted'
		when ${kept('p.t_cancel_early')} then 'cancelled'
		when ${kept('p.t_offer')} then 'offered'
		when ${kept('p.t_miss_offer')} then 'offered'
		when p.review and not ${kept('p.t_approved')} then 'in_review'
		when p.unroutable then 'unroutable'
		else 'routing' end)::order_status,
	'EUR', case when ${kept('p.t_accept')} then ${PRICE} end,
	case when ${kept('p.t_accept')} then p.sup_id end,
	case when ${kept('p.t_deliver')} then p.qty end,
	case when ${kept('p.t_change')} and not ${kept('p.t_ack')} then ${ts('p.t_change')} end,
	case when ${kept('p.t_change')} and not ${kept('p.t_ack')} then ${ts('p.t_change + p.ack')} end,
	'${ctx.buyerId}', case when ${kept('p.t_approved')} then '${ctx.buyerId}'::uuid end,
	case when ${kept('p.t_approved')} then 'Checked against the budget' end,
	case when ${kept('coalesce(p.t_cancel_early, p.t_cancel_late)')} then 'No longer needed' end,
	${ts('p.t_placed')}, ${ts(at('p.t_accept'))}, ${ts(`coalesce(${at('p.t_redeliver')}, ${at('p.t_deliver')})`)},
	${ts(at('p.t_close'))},
	1 + ${[
		't_approved',
		't_miss_answer',
		't_accept',
		't_change',
		't_ack',
		't_start',
		't_deliver',
		't_rework',
		't_resume',
		't_redeliver',
		't_close',
		't_cancel_early',
		't_cancel_late',
	]
		.map((t) => `coalesce(${kept(`p.${t}`)}, false)::int`)
		.join(' + ')},
	${ts('p.t_placed')},
	${ts(
		`greatest(${[
			't_placed',
			't_approved',
			't_miss_answer',
			't_accept',
			't_change',
			't_ack',
			't_start',
			't_exc_resolve',
			't_deliver',
			't_rework',
			't_resume',
			't_redeliver',
			't_close',
			't_cancel_early',
			't_cancel_late',
		]
			.map((t) => at(`p.${t}`))
			.join(', ')})`,
	)}
from bench_plan p
join bench_classes cl on cl.i = p.cls
join bench_categories ca on ca.i = p.cat`
}

// One row per event an order can have, in the order they are appended: its slot is its place in the id.
// [when, type, from status, to status, actor role, supplier]
const EVENT_SLOTS = slots(
	'v',
	['t', 'type', 'from_status', 'to_status', 'role', 'supplier_id'],
	[
		['p.t_placed', "'placed'", 'null', "'draft'", "'buyer'", 'null::uuid'],
		['p.t_placed', "'submitted'", "'draft'", "'submitted'", "'buyer'", 'null'],
		[
			'case when p.review then p.t_placed end',
			"'sent_to_review'",
			"'submitted'",
			"'in_review'",
			"'system'",
			'null',
		],
		['p.t_approved', "'approved'", "'in_review'", "'approved'", "'buyer'", 'null'],
		[
			'p.t_route',
			"'routed'",
			"case when p.review then 'approved' else 'submitted' end",
			"'routing'",
			"'system'",
			'null',
		],
		[
			'case when p.unroutable then p.t_route end',
			"'unroutable'",
			"'routing'",
			"'unroutable'",
			"'system'",
			'null',
		],
		['p.t_miss_offer', "'offered'", "'routing'", "'offered'", "'system'", 'p.alt_id'],
		[
			'p.t_miss_answer',
			"case when p.miss_declined then 'offer_declined' else 'offer_expired' end",
			"'offered'",
			"'offered'",
			"case when p.miss_declined then 'supplier' else 'system' end",
			'p.alt_id',
		],
		[
			'case when p.t_miss_offer is not null then p.t_offer end',
			"'routed'",
			"'offered'",
			"'routing'",
			"'system'",
			'null',
		],
		['p.t_offer', "'offered'", "'routing'", "'offered'", "'system'", 'p.sup_id'],
		['case when p.k >= 2 then p.t_offer end', "'offered'", "'offered'", "'offered'", "'system'", 'p.alt_id'],
		['case when p.k >= 3 then p.t_offer end', "'offered'", "'offered'", "'offered'", "'system'", 'p.alt2_id'],
		['p.t_cancel_early', "'cancelled'", "'offered'", "'cancelled'", "'buyer'", 'null'],
		['p.t_cancel_early', "'offer_withdrawn'", "'cancelled'", "'cancelled'", "'buyer'", 'p.sup_id'],
		[
			'case when p.k >= 2 then p.t_cancel_early end',
			"'offer_withdrawn'",
			"'cancelled'",
			"'cancelled'",
			"'buyer'",
			'p.alt_id',
		],
		[
			'case when p.k >= 3 then p.t_cancel_early end',
			"'offer_withdrawn'",
			"'cancelled'",
			"'cancelled'",
			"'buyer'",
			'p.alt2_id',
		],
		['p.t_accept', "'offer_accepted'", "'offered'", "'accepted'", "'supplier'", 'p.sup_id'],
		[
			'case when p.k >= 2 then p.t_accept end',
			"'offer_withdrawn'",
			"'accepted'",
			"'accepted'",
			"'supplier'",
			'p.alt_id',
		],
		[
			'case when p.k >= 3 then p.t_accept end',
			"'offer_withdrawn'",
			"'accepted'",
			"'accepted'",
			"'supplier'",
			'p.alt2_id',
		],
		['p.t_change', "'change_requested'", "'accepted'", "'accepted'", "'buyer'", 'p.sup_id'],
		['p.t_ack', "'change_acknowledged'", "'accepted'", "'accepted'", "'supplier'", 'p.sup_id'],
		['p.t_start', "'work_started'", "'accepted'", "'in_progress'", "'supplier'", 'p.sup_id'],
		['p.t_exc_open', "'exception_opened'", "'in_progress'", "'in_progress'", "'system'", 'p.sup_id'],
		['p.t_exc_resolve', "'exception_resolved'", "'in_progress'", "'in_progress'", "'buyer'", 'p.sup_id'],
		['p.t_cancel_late', "'cancelled'", "'in_progress'", "'cancelled'", "'buyer'", 'p.sup_id'],
		['p.t_deliver', "'delivered'", "'in_progress'", "'delivered'", "'supplier'", 'p.sup_id'],
		['p.t_rework', "'rework_requested'", "'delivered'", "'rework_requested'", "'buyer'", 'p.sup_id'],
		['p.t_resume', "'work_resumed'", "'rework_requested'", "'in_progress'", "'supplier'", 'p.sup_id'],
		['p.t_redeliver', "'delivered'", "'in_progress'", "'delivered'", "'supplier'", 'p.sup_id'],
		['p.t_close', "'closed'", "'delivered'", "'closed'", "'buyer'", 'p.sup_id'],
	],
)

/** Events of the orders with lo < n <= hi (two halves load side by side, one per core). */
export function eventsText(ctx: RowsContext, lo: number, hi: number) {
	const { ts, iso, number } = helpers(ctx)
	const offer = (id: string, rank: string, t: string) =>
		`jsonb_build_object('offerId', ${id}, 'rank', ${rank}, 'expiresAt', ${iso(`${t} + p.ack`)})`
	const withdrawn = (id: string, reason: string) =>
		`jsonb_build_object('offerId', ${id}, 'reason', '${reason}')`
	// Data is built after the filter (only for events that happened), as the app writes it.
	const data = `case v.slot
		when 0 then jsonb_build_object('number', ${number}, 'quantity', p.qty, 'region', ${REGIONS}[p.region + 1],
			'neededBy', ${iso('p.needed')}, 'policyVersion', 1)
		when 1 then '{"warnings": [], "estimate": null}'::jsonb
		when 2 then '{"reasons": ["Estimated value above the approval threshold"]}'::jsonb
		when 5 then '{"reason": "No eligible supplier"}'::jsonb
		when 6 then ${offer('p.offer_miss', '1', 'p.t_miss_offer')}
		when 7 then case when p.miss_declined
			then jsonb_build_object('offerId', p.offer_miss, 'reason', 'No capacity this week')
			else jsonb_build_object('offerId', p.offer_miss, 'expiresAt', ${iso('p.t_miss_offer + p.ack')}) end
		when 9 then ${offer('p.offer_main', 'case when p.t_miss_offer is null then 1 else 2 end', 'p.t_offer')}
		when 10 then ${offer('p.offer_b2', '2', 'p.t_offer')}
		when 11 then ${offer('p.offer_b3', '3', 'p.t_offer')}
		when 12 then '{"reason": "No longer needed"}'::jsonb
		when 13 then ${withdrawn('p.offer_main', 'Order cancelled')}
		when 14 then ${withdrawn('p.offer_b2', 'Order cancelled')}
		when 15 then ${withdrawn('p.offer_b3', 'Order cancelled')}
		when 16 then jsonb_build_object('offerId', p.offer_main, 'priceMinor', ${PRICE}, 'contractTermId', null)
		when 17 then ${withdrawn('p.offer_b2', 'Another supplier accepted first')}
		when 18 then ${withdrawn('p.offer_b3', 'Another supplier accepted first')}
		when 19 then jsonb_build_object('reason', 'Go-live moved', 'changes', '["neededBy"]'::jsonb, 'quantity', p.qty,
			'neededBy', ${iso('p.new_needed')}, 'priceMinor', ${PRICE}, 'ackDueAt', ${iso('p.t_change + p.ack')})
		when 20 then jsonb_build_object('changeRequestedAt', ${iso('p.t_change')}, 'late', p.t_ack > p.t_change + p.ack)
		when 22 then jsonb_build_object('exceptionId', p.exception_id, 'kind', 'deadline_breached',
			'detail', 'The supplier reported a delay', 'ownerUserId', null)
		when 23 then jsonb_build_object('exceptionId', p.exception_id, 'resolution', 'New date agreed')
		when 24 then '{"reason": "No longer needed"}'::jsonb
		when 25 then jsonb_build_object('deliveredQuantity', p.qty, 'orderedQuantity', p.qty)
		when 26 then '{"reason": "Figures do not reconcile"}'::jsonb
		when 28 then jsonb_build_object('deliveredQuantity', p.qty, 'orderedQuantity', p.qty)
		else '{}'::jsonb end`
	return `
insert into order_events (id, order_id, type, from_status, to_status, actor_user_id, actor_role, supplier_id, data, occurred_at)
select p.n * 32 + v.slot, p.id, v.type, v.from_status::order_status, v.to_status::order_status,
	case when v.role = 'buyer' then '${ctx.buyerId}'::uuid end, v.role, v.supplier_id, ${data}, ${ts('v.t')}
from bench_plan p
${EVENT_SLOTS}
where v.t <= ${ctx.now} and p.n > ${lo} and p.n <= ${hi}`
}

/** One offer row per offered event, answered, withdrawn or still pending at the seed's now. */
// An offer that is not the first candidate's ends with the acceptance, or with an early cancellation.
const END = 'coalesce(p.t_accept, p.t_cancel_early)'
export function offersText(ctx: RowsContext) {
	const { ts, kept } = helpers(ctx)
	return `
insert into order_offers (id, order_id, supplier_id, rank, score_centi, reasons, price_minor, offered_at, expires_at,
	response, responded_at, decline_reason)
select o.id, p.id, o.supplier_id, o.rank, 5000 + (hashint8(p.n) & 4095), '[]'::jsonb, ${PRICE}, ${ts('o.t')},
	${ts('o.t + p.ack')},
	(case when ${kept('o.t_end')} then o.response else 'pending' end)::offer_response,
	case when ${kept('o.t_end')} then ${ts('o.t_end')} end,
	case when ${kept('o.t_end')} and o.response = 'declined' then 'No capacity this week' end
from bench_plan p
${slots(
	'o',
	['id', 'supplier_id', 'rank', 't', 't_end', 'response'],
	[
		[
			'p.offer_miss',
			'p.alt_id',
			'1',
			'p.t_miss_offer',
			'p.t_miss_answer',
			"case when p.miss_declined then 'declined' else 'expired' end",
		],
		[
			'p.offer_main',
			'p.sup_id',
			'case when p.t_miss_offer is null then 1 else 2 end',
			'p.t_offer',
			END,
			"case when p.t_accept is not null then 'accepted' else 'withdrawn' end",
		],
		['p.offer_b2', 'p.alt_id', '2', 'case when p.k >= 2 then p.t_offer end', END, "'withdrawn'"],
		['p.offer_b3', 'p.alt2_id', '3', 'case when p.k >= 3 then p.t_offer end', END, "'withdrawn'"],
	],
)}
where ${kept('o.t')}`
}

export function exceptionsText(ctx: RowsContext) {
	const { ts, kept } = helpers(ctx)
	const resolved = kept('p.t_exc_resolve')
	return `
insert into order_exceptions (id, order_id, kind, status, detail, supplier_id, opened_at, resolved_at,
	resolved_by_user_id, resolution, created_at, updated_at)
select p.exception_id, p.id, 'deadline_breached', (case when ${resolved} then 'resolved' else 'open' end)::exception_status,
	'The supplier reported a delay', p.sup_id, ${ts('p.t_exc_open')},
	case when ${resolved} then ${ts('p.t_exc_resolve')} end,
	case when ${resolved} then '${ctx.buyerId}'::uuid end, case when ${resolved} then 'New date agreed' end,
	${ts('p.t_exc_open')}, ${ts(`case when ${resolved} then p.t_exc_resolve else p.t_exc_open end`)}
from bench_plan p
where ${kept('p.t_exc_open')}`
}

const zeros = (n: number) => Array.from({ length: n }, () => '0')

/**
 * Every scorecard fact the kept events complete (app/domain/scorecards/order-facts.ts), one row
 * each, as a lateral table over bench_plan: who it counts for, when it became known and what it
 * adds. The rollups are sums of these, so they agree with a recomputation from the events by
 * construction; the seed checks samples against the app's own recomputation.
 */
const FACTS = slots(
	'f',
	[
		'supplier_id',
		't',
		'resolved',
		'in_time',
		'accepted',
		'deliveries',
		'with_due',
		'on_time',
		'closures',
		'without_rework',
		'finished',
		'with_exception',
		'cycle',
		'ack_minutes',
	],
	[
		// A first candidate's answer: declined in time, or left to expire.
		['p.alt_id', 'p.t_miss_answer', '1', 'p.miss_declined::int', ...zeros(8), 'null::int', 'null::int'],
		['p.sup_id', 'p.t_accept', '1', '1', '1', ...zeros(7), 'null', 'null'],
		// The first delivery, against the due time in force (the change's, when there was one).
		[
			'p.sup_id',
			'p.t_deliver',
			...zeros(3),
			'1',
			'1',
			'(p.t_deliver <= p.due)::int',
			...zeros(4),
			'round((p.t_deliver - p.t_accept) / 60.0)::int',
			'null',
		],
		['p.sup_id', 'p.t_close', ...zeros(6), '1', '(p.t_rework is null)::int', ...zeros(2), 'null', 'null'],
		[
			'p.sup_id',
			'coalesce(p.t_close, p.t_cancel_late)',
			...zeros(8),
			'1',
			'(p.t_exc_open is not null)::int',
			'null',
			'null',
		],
		['p.sup_id', 'p.t_ack', ...zeros(10), 'null', 'round((p.t_ack - p.t_change) / 60.0)::int'],
	],
)

const COUNTERS = [
	['offers_resolved', 'resolved'],
	['offers_answered_in_time', 'in_time'],
	['offers_accepted', 'accepted'],
	['deliveries', 'deliveries'],
	['deliveries_with_due_time', 'with_due'],
	['deliveries_on_time', 'on_time'],
	['closures', 'closures'],
	['closures_without_rework', 'without_rework'],
	['finished', 'finished'],
	['finished_with_supplier_exception', 'with_exception'],
] as const
const COLUMNS = `${COUNTERS.map(([c]) => c).join(', ')}, cycle_minutes, change_ack_minutes`

/** The daily rollup rows: the facts summed per supplier × class × UTC day. */
export function dailyRollupsText(ctx: RowsContext) {
	return `
insert into scorecard_daily_rollups (supplier_id, order_class_id, day, ${COLUMNS})
select f.supplier_id, c.id, date '1970-01-01' + ((${ctx.t0}::int8 + f.t) / 86400)::int,
	${COUNTERS.map(([, f]) => `sum(f.${f})::int`).join(', ')},
	coalesce(array_agg(f.cycle) filter (where f.cycle is not null), '{}'),
	coalesce(array_agg(f.ack_minutes) filter (where f.ack_minutes is not null), '{}')
from bench_plan p
${FACTS}
join bench_classes c on c.i = p.cls
where f.t <= ${ctx.now}
group by 3, 1, 2
-- The app writes a day's rows during that day: stored in day order, a month's rows sit together.
order by 3`
}

/** The monthly rollup rows: the daily rows summed per month (bench_array_cat appends the minute lists). */
export const MONTHLY_ROLLUPS_TEXT = `
create aggregate bench_array_cat(integer[]) (sfunc = array_cat, stype = integer[], initcond = '{}');
insert into scorecard_monthly_rollups (supplier_id, order_class_id, month, ${COLUMNS})
select supplier_id, order_class_id, to_char(day, 'YYYY-MM'),
	${COUNTERS.map(([c]) => `sum(${c})::int`).join(', ')},
	bench_array_cat(cycle_minutes), bench_array_cat(change_ack_minutes)
from scorecard_daily_rollups
group by 3, 1, 2
order by 3;
drop aggregate bench_array_cat(integer[]);`

/**
 * Per supplier × class × month before `before` (plan seconds), the ids of the events behind every
 * fact of the month (the offer and its answer; the first delivery with its acceptance and due time;
 * the closure with its rework; the finish with the supplier's exceptions; the acknowledgement with
 * its change): the events scorecardInputsHash reads from a scorecard's evidence.
 */
export function scorecardEventIdsText(ctx: RowsContext, before: number) {
	const ids = (...parts: string[]) => parts.join(` || ',' || `)
	const when = (condition: string, k: number) => `case when ${condition} then ${E(k)} || ',' else '' end`
	return `
select f.supplier_id, c.id as order_class_id,
	to_char(date '1970-01-01' + ((${ctx.t0}::int8 + f.t) / 86400)::int, 'YYYY-MM') as month, string_agg(f.ids, ',') as ids
from bench_plan p
${slots(
	'f',
	['supplier_id', 't', 'ids'],
	[
		['p.alt_id', 'p.t_miss_answer', ids(E(6), E(7))],
		['p.sup_id', 'p.t_accept', ids(E(9), E(16))],
		['p.sup_id', 'p.t_deliver', ids(E(16), `case when p.change then ${E(19)} else ${E(0)} end`, E(25))],
		['p.sup_id', 'p.t_close', `${when('p.t_rework is not null', 26)} || ${E(29)}`],
		[
			'p.sup_id',
			'coalesce(p.t_close, p.t_cancel_late)',
			`${when('p.t_exc_open is not null', 22)} || case when p.t_close is not null then ${E(29)} else ${E(24)} end`,
		],
		['p.sup_id', 'p.t_ack', ids(E(19), E(20))],
	],
)}
join bench_classes c on c.i = p.cls
where f.t <= ${ctx.now} and f.t < ${before}
group by 1, 2, 3`
}
