import { sql } from 'drizzle-orm'
import { type PriceTier } from '#app/domain/pricing/price-for.ts'
import { type RoutingOrder, type SupplierCandidate } from '#app/domain/routing/rank-candidates.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import {
	executePrepared,
	runPrepared,
	tableSelection,
	timestampOf,
} from '#app/utils/prepared-statements.server.ts'

const { orderClassPolicies } = schema

export type ClassPolicy = typeof orderClassPolicies.$inferSelect & {
	className: string
	classKey: string
	priorityRank: number
	classRetiredAt: Date | null
	/** The order's category; null name when it does not exist. */
	categoryName: string | null
	categoryRetiredAt: Date | null
}

/**
 * A class with one of its policy versions — the current one (highest version),
 * or the given id (the version an order was placed under) — and the order's
 * category, in one query. Null when the class (or that policy) does not exist.
 */
export async function loadClassPolicy(
	db: Executor,
	{ orderClassId, categoryId, policyId }: { orderClassId: string; categoryId: string; policyId?: string },
): Promise<ClassPolicy | null> {
	const [row] = policyId
		? await runPrepared<Record<string, unknown>>(db, classPolicyText.byId, [
				orderClassId,
				categoryId,
				policyId,
			])
		: await runPrepared<Record<string, unknown>>(db, classPolicyText.current, [orderClassId, categoryId])
	if (!row) return null
	return {
		...policySelection.toRow(row),
		className: row.className as string,
		classKey: row.classKey as string,
		priorityRank: row.priorityRank as number,
		classRetiredAt: timestampOf(row.classRetiredAt as string | null),
		categoryName: row.categoryName as string | null,
		categoryRetiredAt: timestampOf(row.categoryRetiredAt as string | null),
	}
}

// Fixed texts: every order placement and transition reads its policy, and drizzle's builder cost more
// Node CPU than the query itself.
const policySelection = tableSelection(orderClassPolicies, 'p')
const classPolicyFrom = `
	select ${policySelection.list}, oc.name as "className", oc.key as "classKey",
		oc.priority_rank as "priorityRank", oc.retired_at as "classRetiredAt",
		cat.name as "categoryName", cat.retired_at as "categoryRetiredAt"
	from order_class_policies p
	join order_classes oc on oc.id = p.order_class_id
	left join categories cat on cat.id = $2
	where p.order_class_id = $1`
const classPolicyText = {
	byId: `${classPolicyFrom} and p.id = $3`,
	current: `${classPolicyFrom}
		and p.version = (select max(v.version) from order_class_policies v where v.order_class_id = $1)`,
}

/** What routing knows about an order under its class policy. */
export function routingOrderOf(
	order: { quantity: number; region: string; neededBy: Date },
	policy: ClassPolicy,
): RoutingOrder {
	return {
		quantity: order.quantity,
		region: order.region,
		neededBy: order.neededBy,
		className: policy.className,
		minQuantity: policy.minQuantity,
		requires24x7: policy.requires24x7,
		contractRequired: policy.contractRequired,
		weights: {
			price: policy.weightPrice,
			speed: policy.weightSpeed,
			reliability: policy.weightReliability,
			capacity: policy.weightCapacity,
		},
	}
}

export type Candidate = SupplierCandidate & { capabilityId: string | null }

type CandidateRow = {
	supplier_id: string
	supplier_name: string
	status: SupplierCandidate['status']
	capability_id: string
	weekly_capacity: number
	capacity_unit: 'units' | 'orders'
	lead_time_hours: number
	regions: string[]
	available24x7: boolean
	paused: boolean
	used: number
	term_id: string | null
	currency: string | null
	unit_price_minor: number | null
	price_tiers: PriceTier[] | null
	priority_surcharge_bps: number | null
	ack_sla_minutes: number | null
	guaranteed24x7: boolean | null
	class_name: string
	standing_label: string | null
	excludes_class: boolean | null
	flagged: boolean | null
	review_above_minor: number | null
	score_deci: number | null
}

/**
 * Every supplier with a capability for (category, class), in ONE query: its
 * status, the capability, what it already committed in the week, and its
 * binding contract term. A term is a contract_terms row of the binding version
 * of an active contract whose period covers `day`, for this class and this
 * category or any category; the category-specific term wins.
 */
export async function loadCandidates(
	db: Executor,
	{
		orderClassId,
		categoryId,
		weekStart,
		day,
		region,
	}: {
		orderClassId: string
		categoryId: string
		weekStart: string
		day: string
		/** The order's region; null (the intake preview before one is chosen) for any. */
		region: string | null
	},
): Promise<Candidate[]> {
	const rows = await executePrepared<CandidateRow>(
		db,
		sql`
		select s.id as supplier_id, s.name as supplier_name, s.status,
			c.id as capability_id, c.weekly_capacity, c.capacity_unit, c.lead_time_hours, c.regions,
			c.available24x7, c.paused_at is not null as paused, coalesce(l.used, 0) as used,
			t.id as term_id, t.currency, t.unit_price_minor, t.price_tiers, t.priority_surcharge_bps,
			t.ack_sla_minutes, t.guaranteed24x7,
			oc.name as class_name, st.standing_label, st.excludes_class, st.flagged, st.review_above_minor,
			st.score_deci
		from supplier_capabilities c
		join suppliers s on s.id = c.supplier_id
		join order_classes oc on oc.id = c.order_class_id
		left join supplier_standings st on st.supplier_id = c.supplier_id and st.order_class_id = c.order_class_id
		left join capability_weekly_load l on l.capability_id = c.id and l.week_start = ${weekStart}
		left join lateral (${bindingTermSql(
			sql`c.supplier_id`,
			sql`c.order_class_id`,
			sql`c.category_id`,
			day,
			// Only where the term can matter: the hard filters exclude an inactive supplier, a paused
			// capability or another region before they look at the contract (rank-candidates.ts).
			sql`and s.status = 'active' and c.paused_at is null
				and (${region}::text is null or ${region}::text = any(c.regions))`,
		)}) t on true
		where c.category_id = ${categoryId} and c.order_class_id = ${orderClassId}`,
		'routing_candidates',
	)
	return rows.map(toCandidate)
}

function bindingTermSql(
	supplierId: ReturnType<typeof sql>,
	classId: unknown,
	categoryId: unknown,
	day: string,
	onlyWhere = sql``,
) {
	return sql`
		select ct.id, k.currency, ct.unit_price_minor, ct.price_tiers, ct.priority_surcharge_bps,
			ct.ack_sla_minutes, ct.guaranteed24x7
		from contracts k
		join contract_terms ct on ct.contract_version_id = k.binding_version_id
		where k.supplier_id = ${supplierId} and k.status = 'active'
			and k.starts_on <= ${day}::date and k.ends_on >= ${day}::date
			and ct.order_class_id = ${classId} and (ct.category_id = ${categoryId} or ct.category_id is null)
			${onlyWhere}
		order by ct.category_id is null, k.starts_on desc, ct.id
		limit 1`
}

function toCandidate(r: CandidateRow): Candidate {
	return {
		supplierId: r.supplier_id,
		supplierName: r.supplier_name,
		status: r.status,
		// The standing in force (scorecards over the last 90 days) and what it means for this class.
		standingExclusion: r.excludes_class ? `${r.standing_label!.toLowerCase()} for ${r.class_name}` : null,
		standingFlag: r.flagged ? `${r.standing_label} standing for ${r.class_name}` : null,
		standingReviewAboveMinor: r.review_above_minor,
		standingLabel: r.standing_label,
		capabilityId: r.capability_id,
		capability: {
			regions: r.regions,
			weeklyCapacity: r.weekly_capacity,
			capacityUnit: r.capacity_unit,
			leadTimeHours: r.lead_time_hours,
			available24x7: r.available24x7,
			paused: r.paused,
		},
		usedCapacity: Number(r.used),
		term: r.term_id ? toTerm(r) : null,
		reliabilityScore: r.score_deci === null ? null : r.score_deci / 10,
		medianResponseMinutes: null,
	}
}

export type BindingTerm = NonNullable<SupplierCandidate['term']>

function toTerm(
	r: Pick<
		CandidateRow,
		| 'term_id'
		| 'currency'
		| 'unit_price_minor'
		| 'price_tiers'
		| 'priority_surcharge_bps'
		| 'ack_sla_minutes'
		| 'guaranteed24x7'
	>,
): BindingTerm {
	return {
		termId: r.term_id!,
		currency: r.currency ?? 'EUR',
		unitPriceMinor: r.unit_price_minor,
		priceTiers: r.price_tiers ?? [],
		prioritySurchargeBps: r.priority_surcharge_bps ?? 0,
		ackSlaMinutes: r.ack_sla_minutes ?? 0,
		guaranteed24x7: r.guaranteed24x7 ?? false,
	}
}

/** One supplier's binding term for (class, category) on `day`, or null. */
export async function loadBindingTerm(
	db: Executor,
	{
		supplierId,
		orderClassId,
		categoryId,
		day,
	}: { supplierId: string; orderClassId: string; categoryId: string; day: string },
): Promise<BindingTerm | null> {
	const rows = await db.execute<CandidateRow>(sql`
		select t.id as term_id, t.currency, t.unit_price_minor, t.price_tiers, t.priority_surcharge_bps,
			t.ack_sla_minutes, t.guaranteed24x7
		from (${bindingTermSql(sql`${supplierId}::uuid`, sql`${orderClassId}::uuid`, sql`${categoryId}::uuid`, day)}) t`)
	const row = rows[0]
	return row ? toTerm(row) : null
}

/** A term by id (the one an offer or order was priced with), whatever the contract's state now. */
export async function loadTermById(db: Executor, termId: string): Promise<BindingTerm | null> {
	const rows = await db.execute<CandidateRow>(sql`
		select ct.id as term_id, k.currency, ct.unit_price_minor, ct.price_tiers, ct.priority_surcharge_bps,
			ct.ack_sla_minutes, ct.guaranteed24x7
		from contract_terms ct
		join contract_versions v on v.id = ct.contract_version_id
		join contracts k on k.id = v.contract_id
		where ct.id = ${termId}`)
	const row = rows[0]
	return row ? toTerm(row) : null
}

/** The UTC calendar day of `at`, as contracts' periods are dates. */
export function dayOf(at: Date) {
	return at.toISOString().slice(0, 10)
}
