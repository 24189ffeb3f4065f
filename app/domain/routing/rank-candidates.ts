import { priceFor, type PricedTerm } from '#app/domain/pricing/price-for.ts'

/** What routing needs to know about the order and its class policy. */
export type RoutingOrder = {
	quantity: number
	region: string
	neededBy: Date
	className: string
	minQuantity: number | null
	requires24x7: boolean
	contractRequired: boolean
	weights: { price: number; speed: number; reliability: number; capacity: number }
}

/** One supplier as routing sees it for this order's (category, class). */
export type SupplierCandidate = {
	supplierId: string
	supplierName: string
	status: 'invited' | 'active' | 'on_hold' | 'blocked'
	/** Set when the supplier's standing bars it from this class, e.g. "probation for emergency". */
	standingExclusion: string | null
	/** Set when the standing asks for attention without excluding, e.g. "Watch standing for Urgent". */
	standingFlag?: string | null
	/** The standing's "orders above this value go to review first", in minor units; null/absent: none. */
	standingReviewAboveMinor?: number | null
	/** The standing's label for this class ("Watch"), when the supplier has one. */
	standingLabel?: string | null
	capability: {
		regions: readonly string[]
		weeklyCapacity: number
		capacityUnit: 'units' | 'orders'
		leadTimeHours: number
		available24x7: boolean
		paused: boolean
	} | null
	/** Already committed this week, in the capability's unit. */
	usedCapacity: number
	term: (PricedTerm & { termId: string; ackSlaMinutes: number; guaranteed24x7: boolean }) | null
	/** Scorecard score for this class, 0..100; null without history. */
	reliabilityScore: number | null
	/** Median minutes the supplier took to answer offers; null without history. */
	medianResponseMinutes: number | null
}

export const EXCLUSION_RULES = [
	'supplier_not_active',
	'standing',
	'no_capability',
	'capability_paused',
	'region',
	'capacity',
	'no_contract',
	'not_24x7',
	'lead_time',
	'price',
] as const
export type ExclusionRule = (typeof EXCLUSION_RULES)[number]

export type Exclusion = { supplierId: string; supplierName: string; rule: ExclusionRule; reason: string }

export type ScoreComponents = { price: number; speed: number; reliability: number; capacity: number }

export type RankedCandidate = {
	rank: number
	supplierId: string
	supplierName: string
	/** 0..100, the weighted sum of the components. */
	score: number
	components: ScoreComponents
	/** The order's total under the supplier's term; null when it has no contract price. */
	priceMinor: number | null
	termId: string | null
	ackSlaMinutes: number | null
	reasons: string[]
}

export type RoutingDecision = { candidates: RankedCandidate[]; excluded: Exclusion[] }

// A supplier with no history gets the middle of the scale, neither rewarded nor punished.
const NEUTRAL = 0.5
const DEFAULT_RESPONSE_MINUTES = 60

type Eligible = {
	candidate: SupplierCandidate
	priceMinor: number | null
	remaining: number
	effectiveHours: number
}

/**
 * Applies the hard filters (recording the first rule each excluded supplier
 * breaks) and ranks the rest by the class's weights. Deterministic: ties go to
 * the lower price, then the name, then the id.
 */
export function rankCandidates(
	order: RoutingOrder,
	suppliers: readonly SupplierCandidate[],
	now: Date,
): RoutingDecision {
	const excluded: Exclusion[] = []
	const eligible: Eligible[] = []
	for (const candidate of suppliers) {
		const result = applyHardFilters(order, candidate, now)
		if ('rule' in result)
			excluded.push({ supplierId: candidate.supplierId, supplierName: candidate.supplierName, ...result })
		else eligible.push(result)
	}

	const prices = eligible.map((e) => e.priceMinor).filter((p): p is number => p !== null)
	const cheapest = prices.length ? Math.min(...prices) : null
	const fastest = Math.min(...eligible.map((e) => e.effectiveHours))
	const totalWeight =
		order.weights.price + order.weights.speed + order.weights.reliability + order.weights.capacity || 1

	const ranked = eligible.map((e): Omit<RankedCandidate, 'rank'> => {
		const c = e.candidate
		const capability = c.capability!
		const units = capability.capacityUnit === 'units' ? order.quantity : 1
		const components: ScoreComponents = {
			price: e.priceMinor === null || cheapest === null ? NEUTRAL : cheapest / e.priceMinor,
			speed: fastest / e.effectiveHours,
			reliability: c.reliabilityScore === null ? NEUTRAL : clamp(c.reliabilityScore / 100),
			capacity: clamp((e.remaining - units) / capability.weeklyCapacity),
		}
		const weighted =
			(order.weights.price * components.price +
				order.weights.speed * components.speed +
				order.weights.reliability * components.reliability +
				order.weights.capacity * components.capacity) /
			totalWeight
		return {
			supplierId: c.supplierId,
			supplierName: c.supplierName,
			score: Math.round(weighted * 10_000) / 100,
			components,
			priceMinor: e.priceMinor,
			termId: c.term?.termId ?? null,
			ackSlaMinutes: c.term?.ackSlaMinutes ?? null,
			reasons: explain(e, cheapest),
		}
	})

	ranked.sort(
		(a, b) =>
			b.score - a.score ||
			(a.priceMinor ?? Number.MAX_SAFE_INTEGER) - (b.priceMinor ?? Number.MAX_SAFE_INTEGER) ||
			a.supplierName.localeCompare(b.supplierName) ||
			a.supplierId.localeCompare(b.supplierId),
	)
	return { candidates: ranked.map((r, i) => ({ rank: i + 1, ...r })), excluded }
}

// The first rule that fails is the recorded one. loadCandidates relies on this order: it looks up no
// contract term for a supplier that is inactive, paused or outside the region, as those come first.
function applyHardFilters(
	order: RoutingOrder,
	c: SupplierCandidate,
	now: Date,
): Eligible | Omit<Exclusion, 'supplierId' | 'supplierName'> {
	if (c.status !== 'active')
		return { rule: 'supplier_not_active', reason: `Supplier is ${c.status.replace('_', ' ')}` }
	if (c.standingExclusion) return { rule: 'standing', reason: `Standing: ${c.standingExclusion}` }
	const capability = c.capability
	if (!capability)
		return { rule: 'no_capability', reason: `No capability declared for ${order.className} in this category` }
	if (capability.paused) return { rule: 'capability_paused', reason: 'Capability is paused' }
	if (!capability.regions.includes(order.region))
		return { rule: 'region', reason: `Does not serve ${order.region}` }
	const remaining = capability.weeklyCapacity - c.usedCapacity
	const needed = capability.capacityUnit === 'units' ? order.quantity : 1
	if (remaining < needed) {
		return {
			rule: 'capacity',
			reason: `Only ${Math.max(0, remaining).toLocaleString('en-GB')} ${capability.capacityUnit} left this week; needs ${needed.toLocaleString('en-GB')}`,
		}
	}
	if (order.contractRequired && !c.term)
		return {
			rule: 'no_contract',
			reason: `No accepted contract term for ${order.className} in this category`,
		}
	if (order.requires24x7 && !(capability.available24x7 && (c.term?.guaranteed24x7 ?? true))) {
		return { rule: 'not_24x7', reason: `${order.className} needs a supplier available 24x7` }
	}
	const readyAt = now.getTime() + capability.leadTimeHours * 3_600_000
	if (readyAt > order.neededBy.getTime()) {
		return {
			rule: 'lead_time',
			reason: `Lead time of ${capability.leadTimeHours} h does not fit the needed-by date`,
		}
	}
	let priceMinor: number | null = null
	if (c.term) {
		const quote = priceFor(c.term, order.quantity, { name: order.className, minQuantity: order.minQuantity })
		if (!quote.ok) return { rule: 'price', reason: quote.message }
		priceMinor = quote.totalMinor
	}
	const responseHours = (c.medianResponseMinutes ?? c.term?.ackSlaMinutes ?? DEFAULT_RESPONSE_MINUTES) / 60
	return { candidate: c, priceMinor, remaining, effectiveHours: capability.leadTimeHours + responseHours }
}

function explain(e: Eligible, cheapest: number | null) {
	const c = e.candidate
	return [
		e.priceMinor === null
			? 'No contract price (capable supplier without a term)'
			: e.priceMinor === cheapest
				? 'Lowest price'
				: `Price ${Math.round(((e.priceMinor - cheapest!) / cheapest!) * 100)} % above the lowest`,
		`Lead time ${c.capability!.leadTimeHours} h`,
		c.reliabilityScore === null
			? 'No scorecard yet (neutral reliability)'
			: `Reliability ${c.reliabilityScore}/100`,
		`${e.remaining.toLocaleString('en-GB')} ${c.capability!.capacityUnit} left this week`,
		...(c.standingFlag ? [`Flagged: ${c.standingFlag}`] : []),
	]
}

const clamp = (n: number) => Math.min(1, Math.max(0, n))
