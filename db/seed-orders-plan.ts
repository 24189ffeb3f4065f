// What the demo orders are: a deterministic plan (fixed PRNG seed, times relative to the seed day),
// played through the real order model by db/seed-orders.ts.
import { weekStartOf } from '#app/domain/orders/order-intake.ts'
import { descriptionsOf, TEXTS } from './seed-orders-texts.ts'

export type Rng = () => number

/** mulberry32: small, fast and the same on every machine. */
export function createRng(seed: number): Rng {
	let a = seed >>> 0
	return () => {
		a = (a + 0x6d2b79f5) >>> 0
		let t = a
		t = Math.imul(t ^ (t >>> 15), t | 1)
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
	}
}

export type Range = readonly [number, number]
export const between = (rng: Rng, [lo, hi]: Range) => lo + (hi - lo) * rng()
export const intBetween = (rng: Rng, [lo, hi]: Range) => Math.floor(between(rng, [lo, hi + 1]))
export function pick<T>(rng: Rng, list: readonly T[]): T {
	return list[Math.floor(rng() * list.length)]!
}

export const HOUR = 3_600_000

export type ClassKey = 'emergency' | 'urgent' | 'standard' | 'bulk' | 'one-time'

export type Recipe = {
	key: string
	classKey: ClassKey
	categoryKey: string
	regions: readonly string[]
	unit: string
	quantity: Range
	/** Hours from placing to needed-by; never below the slowest capable supplier's lead time. */
	neededByHours: Range
	/** Who the buyer assigns it to when no supplier can take it (demo domain), if anyone. */
	assignTo?: string
}

// Built on the demo capabilities and contracts (db/seed-data*.ts): which supplier can take what.
// prettier-ignore
const RECIPES: Recipe[] = [
	// Kestrel and Quickline both take emergency IT support (broadcast); Quickline alone the others.
	{ key: 'em-it', classKey: 'emergency', categoryKey: 'it-support', regions: ['EU-West', 'North America'], unit: 'incidents', quantity: [1, 3], neededByHours: [6, 14] },
	{ key: 'em-cs', classKey: 'emergency', categoryKey: 'customer-support', regions: ['EU-West', 'EU-Central', 'North America'], unit: 'escalations', quantity: [1, 4], neededByHours: [3, 10] },
	{ key: 'em-pay', classKey: 'emergency', categoryKey: 'payroll-processing', regions: ['EU-Central', 'EU-West'], unit: 'payroll runs', quantity: [1, 1], neededByHours: [10, 20] },
	// Quickline's payroll cover is European only: nobody can take this one.
	{ key: 'em-pay-na', classKey: 'emergency', categoryKey: 'payroll-processing', regions: ['North America'], unit: 'payroll runs', quantity: [1, 1], neededByHours: [10, 20] },
	{ key: 'ur-it', classKey: 'urgent', categoryKey: 'it-support', regions: ['EU-West', 'North America'], unit: 'tickets', quantity: [1, 8], neededByHours: [24, 60] },
	{ key: 'ur-pay', classKey: 'urgent', categoryKey: 'payroll-processing', regions: ['EU-Central'], unit: 'payslips', quantity: [20, 200], neededByHours: [30, 60] },
	{ key: 'ur-de', classKey: 'urgent', categoryKey: 'data-entry', regions: ['APAC'], unit: 'records', quantity: [100, 700], neededByHours: [20, 48] },
	{ key: 'ur-cs', classKey: 'urgent', categoryKey: 'customer-support', regions: ['EU-West', 'EU-Central', 'North America'], unit: 'cases', quantity: [2, 20], neededByHours: [12, 36] },
	// Harbor has no binding contract (its renewal is in negotiation) and Lumen's urgent work is paused.
	{ key: 'ur-acc', classKey: 'urgent', categoryKey: 'accounting', regions: ['North America'], unit: 'reconciliations', quantity: [1, 4], neededByHours: [30, 60], assignTo: 'harbor' },
	{ key: 'ur-doc', classKey: 'urgent', categoryKey: 'document-management', regions: ['APAC'], unit: 'pages', quantity: [200, 800], neededByHours: [30, 60] },
	{ key: 'st-pay', classKey: 'standard', categoryKey: 'payroll-processing', regions: ['EU-Central'], unit: 'payslips', quantity: [80, 1200], neededByHours: [120, 240] },
	{ key: 'st-de', classKey: 'standard', categoryKey: 'data-entry', regions: ['APAC'], unit: 'records', quantity: [300, 2400], neededByHours: [72, 168] },
	{ key: 'st-it', classKey: 'standard', categoryKey: 'it-support', regions: ['EU-West', 'North America'], unit: 'support hours', quantity: [2, 40], neededByHours: [96, 192] },
	{ key: 'st-hr', classKey: 'standard', categoryKey: 'hr-services', regions: ['North America'], unit: 'onboardings', quantity: [1, 15], neededByHours: [144, 264] },
	{ key: 'st-doc', classKey: 'standard', categoryKey: 'document-management', regions: ['APAC', 'EU-Central'], unit: 'pages', quantity: [500, 4000], neededByHours: [120, 240] },
	{ key: 'st-acc', classKey: 'standard', categoryKey: 'accounting', regions: ['North America'], unit: 'reconciliations', quantity: [1, 6], neededByHours: [144, 240], assignTo: 'harbor' },
	// Northwind has no contract and Sandpiper is on hold: standard order processing has no taker.
	{ key: 'st-op', classKey: 'standard', categoryKey: 'order-processing', regions: ['EU-West'], unit: 'orders', quantity: [50, 300], neededByHours: [120, 200] },
	{ key: 'bu-pay', classKey: 'bulk', categoryKey: 'payroll-processing', regions: ['EU-Central'], unit: 'payslips', quantity: [800, 2800], neededByHours: [420, 540] },
	{ key: 'bu-op', classKey: 'bulk', categoryKey: 'order-processing', regions: ['APAC'], unit: 'orders', quantity: [1500, 9000], neededByHours: [264, 400] },
	{ key: 'bu-doc', classKey: 'bulk', categoryKey: 'document-management', regions: ['APAC', 'EU-Central'], unit: 'pages', quantity: [5000, 24000], neededByHours: [360, 500] },
	{ key: 'ot-de', classKey: 'one-time', categoryKey: 'data-entry', regions: ['APAC'], unit: 'records', quantity: [150, 600], neededByHours: [96, 192] },
	{ key: 'ot-acc', classKey: 'one-time', categoryKey: 'accounting', regions: ['North America'], unit: 'engagements', quantity: [1, 3], neededByHours: [192, 288] },
	{ key: 'ot-hr', classKey: 'one-time', categoryKey: 'hr-services', regions: ['North America'], unit: 'onboardings', quantity: [2, 25], neededByHours: [192, 288] },
	{ key: 'ot-doc', classKey: 'one-time', categoryKey: 'document-management', regions: ['EU-West', 'EU-Central'], unit: 'archive boxes', quantity: [5, 30], neededByHours: [144, 240] },
	// Above the class approval threshold: a second buyer reviews them.
	{ key: 'lg-it', classKey: 'standard', categoryKey: 'it-support', regions: ['EU-West', 'North America'], unit: 'support hours', quantity: [700, 900], neededByHours: [120, 192] },
	{ key: 'lg-hr', classKey: 'one-time', categoryKey: 'hr-services', regions: ['North America'], unit: 'onboardings', quantity: [300, 400], neededByHours: [192, 288] },
	{ key: 'lg-em', classKey: 'emergency', categoryKey: 'it-support', regions: ['EU-West', 'North America'], unit: 'engineer hours', quantity: [70, 90], neededByHours: [8, 14] },
]

const recipe = (key: string) => RECIPES.find((r) => r.key === key)!

/**
 * How an order's story goes. Finished ones: happy (accepted → started → delivered → closed), late,
 * rework, change (after acceptance) and change_offered, declined_edit (declined, nobody left,
 * the buyer moves the date and it is routed again), expired_assign (the offer expires, the buyer
 * assigns the supplier by hand), broadcast_decline/broadcast_expire (one of two emergency offers),
 * unroutable_assign, review_approve/review_reject, cancellations. The rest stop short of closure.
 */
export type Scenario =
	| 'happy'
	| 'late'
	| 'rework'
	| 'change'
	| 'change_offered'
	| 'declined_edit'
	| 'expired_assign'
	| 'broadcast_decline'
	| 'broadcast_expire'
	| 'unroutable_assign'
	| 'review_approve'
	| 'review_reject'
	| 'review_open'
	| 'cancel_offered'
	| 'cancel_accepted'
	| 'cancel_in_progress'
	| 'unroutable_cancel'
	| 'unroutable_open'
	| 'delivered'
	| 'in_progress'
	| 'late_open'
	| 'accepted'
	| 'change_pending'
	| 'rework_open'
	| 'offered'

const EVERYDAY = [
	'em-it',
	'em-cs',
	'em-pay',
	'ur-it',
	'ur-pay',
	'ur-de',
	'ur-cs',
	'st-pay',
	'st-de',
	'st-it',
	'st-hr',
	'st-doc',
	'bu-pay',
	'bu-op',
	'bu-doc',
	'ot-de',
	'ot-acc',
	'ot-hr',
]
// Weights of EVERYDAY above: standard work dominates, emergencies are rare.
const EVERYDAY_WEIGHTS = [4, 2, 1, 3, 2, 2, 2, 6, 6, 6, 4, 5, 3, 3, 3, 3, 2, 3]
const SINGLE_TAKER = [
	'ur-pay',
	'ur-de',
	'st-pay',
	'st-de',
	'st-it',
	'st-hr',
	'st-doc',
	'ot-de',
	'ot-hr',
	'bu-op',
]
const LONG = ['st-pay', 'st-de', 'st-it', 'st-hr', 'st-doc', 'bu-pay', 'bu-op', 'bu-doc', 'ot-de', 'ot-hr']
// Open orders sit on capabilities counted per order or with room to spare, so this week's capacity stays free.
const OPEN = ['st-it', 'st-hr', 'st-doc', 'ot-hr', 'ot-acc']

/** [scenario, how many in 300, recipes it draws from (weighted like EVERYDAY when omitted)] */
// prettier-ignore
const QUOTAS: [Scenario, number, string[]?][] = [
	['happy', 150], ['late', 18], ['rework', 14, EVERYDAY.filter((k) => !k.startsWith('em-'))],
	['change', 10, LONG], ['change_offered', 4, ['st-pay', 'st-doc', 'bu-op', 'bu-doc']],
	['declined_edit', 8, SINGLE_TAKER], ['expired_assign', 6, SINGLE_TAKER],
	['broadcast_decline', 6, ['em-it']], ['broadcast_expire', 4, ['em-it']],
	['unroutable_assign', 6, ['st-acc', 'ur-acc']],
	['review_approve', 8, ['lg-it', 'lg-hr', 'lg-em']], ['review_reject', 5, ['lg-it', 'lg-hr', 'lg-em']],
	['cancel_offered', 5, LONG], ['cancel_accepted', 4, LONG], ['cancel_in_progress', 2, ['st-it', 'st-doc', 'bu-doc']],
	['unroutable_cancel', 5, ['em-pay-na', 'st-op', 'ur-doc']],
	// Open work, as a buyer finds it on the morning of the seed day.
	['review_open', 4, ['lg-it', 'lg-hr']], ['unroutable_open', 4, ['st-acc', 'st-op', 'ur-doc']],
	['delivered', 8, OPEN], ['in_progress', 10, OPEN], ['late_open', 2, ['st-it', 'ur-it']],
	['accepted', 5, OPEN], ['change_pending', 1, OPEN], ['rework_open', 2, OPEN],
	['offered', 4, ['bu-pay', 'bu-op', 'bu-doc']],
]

/** Days an order of the class needs at most from placing to closure, whatever happens on the way. */
const SETTLE_DAYS: Record<ClassKey, number> = {
	emergency: 4,
	urgent: 9,
	standard: 28,
	bulk: 45,
	'one-time': 34,
}
const HISTORY_DAYS = 180

export type OrderPlan = {
	n: number
	scenario: Scenario
	recipe: Recipe
	region: string
	quantity: number
	description: string
	justification: string | null
	placedAt: number
	neededBy: number
	/** 0: buyer@procura.test places it, 1: buyer2@procura.test. The other one reviews. */
	placer: 0 | 1
	/** Seed of the order's own PRNG, so its story does not depend on the others'. */
	seed: number
}

/**
 * The demo orders for a seed day (`anchor`, 00:00 UTC): about `total` orders over the
 * 180 days before it. Same anchor, same plan.
 */
export function planDemoOrders(anchor: Date, total = 300): OrderPlan[] {
	const rng = createRng(20_260_501)
	const scale = total / 300
	const plans: OrderPlan[] = []
	const add = (scenario: Scenario, r: Recipe, placement?: { ageHours: number; neededByHours: number }) => {
		const n = plans.length
		const own = createRng(1_000 + n * 7_919)
		const where = placement ?? placementOf(scenario, r, own)
		const placedAt = Math.round((anchor.getTime() - where.ageHours * HOUR) / 1000) * 1000
		let quantity = intBetween(own, r.quantity)
		// Orders of the seed day's week stay small: other work (and the e2e tests) needs this week's capacity.
		if (placedAt >= Date.parse(weekStartOf(anchor)) && !r.key.startsWith('lg-')) {
			quantity = r.quantity[0] + Math.floor((quantity - r.quantity[0]) / 10)
		}
		plans.push({
			n,
			scenario,
			recipe: r,
			region: pick(own, r.regions),
			quantity,
			description: pick(own, descriptionsOf(r.key)),
			justification: r.classKey === 'emergency' ? pick(own, TEXTS.justification) : null,
			placedAt,
			neededBy: placedAt + Math.round(where.neededByHours * HOUR),
			placer: own() < 0.6 ? 0 : 1,
			seed: Math.floor(own() * 2 ** 31),
		})
	}
	for (const [scenario, count, keys] of QUOTAS) {
		for (let i = 0; i < Math.max(1, Math.round(count * scale)); i++) {
			const key = keys ? pick(rng, keys) : weighted(rng, EVERYDAY, EVERYDAY_WEIGHTS)
			add(scenario, recipe(key))
		}
	}
	// Northwind has no contract, so it only takes one-time work: two closed orders long ago.
	add('happy', recipe('ot-doc'), { ageHours: 121 * 24 + 5, neededByHours: 170 })
	add('happy', recipe('ot-doc'), { ageHours: 68 * 24 + 9, neededByHours: 200 })
	return plans
}

function placementOf(scenario: Scenario, r: Recipe, rng: Rng) {
	const neededByHours = between(rng, r.neededByHours)
	// Still open on the seed day, and not due before it: the offer expiry job finds nothing to do at start.
	const dueLater = (ageHours: number) => ({
		ageHours,
		neededByHours: Math.max(neededByHours, ageHours + between(rng, [72, 160])),
	})
	switch (scenario) {
		case 'review_open':
			return { ageHours: between(rng, [12, 96]), neededByHours }
		case 'unroutable_open':
			return { ageHours: between(rng, [24, 240]), neededByHours }
		// Bulk offers have 48 hours to answer: placed this morning, they are still open all day.
		case 'offered':
			return { ageHours: between(rng, [1, 8]), neededByHours }
		case 'accepted':
			return dueLater(between(rng, [18, 44]))
		case 'change_pending':
			return dueLater(between(rng, [30, 44]))
		case 'in_progress':
			return dueLater(between(rng, [48, 90]))
		case 'delivered':
			return { ageHours: neededByHours + between(rng, [12, 60]), neededByHours }
		case 'rework_open':
			return { ageHours: neededByHours + between(rng, [76, 110]), neededByHours }
		case 'late_open':
			return { ageHours: neededByHours + between(rng, [8, 36]), neededByHours }
		default:
			return { ageHours: between(rng, [SETTLE_DAYS[r.classKey] * 24, HISTORY_DAYS * 24]), neededByHours }
	}
}

function weighted(rng: Rng, keys: readonly string[], weights: readonly number[]) {
	let at = rng() * weights.reduce((a, b) => a + b, 0)
	for (const [i, w] of weights.entries()) {
		at -= w
		if (at < 0) return keys[i]!
	}
	return keys.at(-1)!
}
