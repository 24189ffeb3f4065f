// One demo order's story, a step at a time: what happens next given where the order stands.
// seed-orders-actions.ts does each step through the model.
import { type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import { type ReferenceIds } from '#tests/factories/contracts.ts'
import { type Database, type Executor } from './client.ts'
import { supplierIdOf } from './seed-orders-actions.ts'
import {
	between,
	type ClassKey,
	HOUR,
	intBetween,
	type OrderPlan,
	type Range,
	type Rng,
} from './seed-orders-plan.ts'

export type Sim = {
	db: Executor
	jobDb: Database
	anchor: number
	ids: ReferenceIds
	actions: number
	skipped: string[]
}

export type Step = {
	at: number
	kind:
		| 'place'
		| 'review'
		| 'respond'
		| 'tick'
		| 'cancel'
		| 'change'
		| 'ack'
		| 'start'
		| 'update'
		| 'deliver'
		| 'close'
		| 'rework'
		| 'resume'
		| 'assign'
		| 'edit'
		| 'resolve'
		| 'hand_over'
	version?: number
	offerId?: string
	supplierId?: string
	exceptionId?: string
	/** respond: accept | decline; review: approve | reject; tick: expire | late; assign: why. */
	answer?: string
	quantity?: number
	neededBy?: number
}

export type Memory = {
	/** How the next offers are answered, in turn; after these, accepted. */
	responses: ('decline' | 'expire')[]
	updatesLeft: number
	reworkLeft: number
	changeLeft: number
	late: boolean
	deliverAt: number | null
	/** The job has run after the needed-by of a delivery planned late. */
	breachChecked: boolean
	edited: boolean
	handedOver: boolean
}

export type Agent = {
	plan: OrderPlan
	rng: Rng
	orderId: string | null
	/** The order as it stood after the last step. */
	state: OrderState | null
	next: Step | null
	memory: Memory
	conflicts: number
}

export type OrderState = {
	status: OrderStatus
	version: number
	neededBy: number
	quantity: number
	assignedSupplierId: string | null
	changeAckDueAt: number | null
	/** Pending offers, best rank first. */
	pending: { id: string; supplierId: string; rank: number; expiresAt: number }[]
	/** Suppliers that declined the order or let an offer expire, earliest first. */
	passed: string[]
	openExceptionIds: string[]
}

/** Hours people take, by class: to start the work, to close (or send back) a delivery, to react. */
const PACE: Record<ClassKey, { start: Range; close: Range; react: Range }> = {
	emergency: { start: [0.05, 0.4], close: [1, 10], react: [0.1, 0.8] },
	urgent: { start: [0.5, 4], close: [2, 20], react: [0.5, 4] },
	standard: { start: [2, 20], close: [4, 60], react: [2, 20] },
	bulk: { start: [12, 60], close: [12, 80], react: [4, 36] },
	'one-time': { start: [4, 24], close: [6, 60], react: [2, 20] },
}

export function initialMemory(plan: OrderPlan, rng: Rng): Memory {
	const s = plan.scenario
	return {
		responses:
			s === 'declined_edit' || s === 'broadcast_decline'
				? ['decline']
				: s === 'expired_assign' || s === 'broadcast_expire'
					? ['expire']
					: [],
		// Half the orders get no status update, a few get two.
		updatesLeft:
			s === 'in_progress' ? intBetween(rng, [1, 2]) : [0, 0, 0, 0, 1, 1, 1, 2][intBetween(rng, [0, 7])]!,
		reworkLeft: s === 'rework' || s === 'rework_open' ? 1 : 0,
		changeLeft: s === 'change' || s === 'change_offered' || s === 'change_pending' ? 1 : 0,
		late: s === 'late' || s === 'late_open',
		deliverAt: null,
		breachChecked: false,
		edited: false,
		handedOver: false,
	}
}

/** The order's next step from where it stands at `now`, or null when its story ends here. */
export function planNextStep(agent: Agent, s: OrderState, now: number): Step | null {
	const { plan, rng, memory: m } = agent
	const sc = plan.scenario
	const pace = PACE[plan.recipe.classKey]
	const version = s.version
	const after = (hours: Range) => now + Math.round(between(rng, hours) * HOUR)
	// A moment between now and `until`, at the given fractions of the time left.
	const within = (until: number, part: Range) =>
		now + Math.round(between(rng, part) * Math.max(0, until - now))
	// The offer expiry job runs every 15 seconds.
	const jobRunAfter = (at: number) => Math.max(now, at) + Math.round(between(rng, [1_000, 15_000]))
	const assigned = s.assignedSupplierId ?? undefined

	switch (s.status) {
		case 'in_review':
			if (sc === 'review_open') return null
			return {
				at: after(pace.react),
				kind: 'review',
				version,
				answer: sc === 'review_reject' ? 'reject' : 'approve',
			}
		case 'offered': {
			const [best] = s.pending
			if (!best || sc === 'offered') return null
			const firstDue = Math.min(...s.pending.map((p) => p.expiresAt))
			if (sc === 'cancel_offered') return { at: within(firstDue, [0.1, 0.6]), kind: 'cancel', version }
			if (s.changeAckDueAt !== null) {
				const due = Math.min(firstDue, s.changeAckDueAt)
				return { at: within(due, [0.1, 0.5]), kind: 'ack', version, supplierId: best.supplierId }
			}
			if (m.changeLeft > 0) return { ...changeOf(s, rng), at: within(firstDue, [0.05, 0.2]), version }
			if (m.responses[0] === 'expire') return { at: jobRunAfter(firstDue), kind: 'tick', answer: 'expire' }
			return {
				at: within(best.expiresAt, [0.05, 0.6]),
				kind: 'respond',
				version,
				offerId: best.id,
				supplierId: best.supplierId,
				answer: m.responses[0] === 'decline' ? 'decline' : 'accept',
			}
		}
		case 'unroutable': {
			if (sc === 'unroutable_open') {
				// Half of them the placer hands over to the other buyer.
				return plan.n % 2 === 0 || m.handedOver || !s.openExceptionIds[0]
					? null
					: { at: after(pace.react), kind: 'hand_over', exceptionId: s.openExceptionIds[0] }
			}
			if (sc === 'declined_edit' && !m.edited) {
				const later = now + between(rng, plan.recipe.neededByHours) * HOUR
				return {
					at: after(pace.react),
					kind: 'edit',
					version,
					neededBy: Math.round(Math.max(later, s.neededBy + 24 * HOUR)),
				}
			}
			const assignTo =
				sc === 'unroutable_assign'
					? supplierIdOf(plan.recipe.assignTo)
					: sc === 'expired_assign' || sc === 'broadcast_decline' || sc === 'broadcast_expire'
						? s.passed.at(-1)
						: undefined
			if (assignTo) {
				const answer = sc === 'unroutable_assign' ? 'contractless' : 'missed'
				return { at: after(pace.react), kind: 'assign', version, supplierId: assignTo, answer }
			}
			return { at: after(pace.react), kind: 'cancel', version, answer: 'no_taker' }
		}
		case 'accepted':
			if (s.changeAckDueAt !== null) {
				if (sc === 'change_pending') return null
				return { at: within(s.changeAckDueAt, [0.1, 0.6]), kind: 'ack', version, supplierId: assigned }
			}
			if (sc === 'accepted') return null
			if (m.changeLeft > 0) return { ...changeOf(s, rng), at: after([1, 6]), version }
			if (sc === 'cancel_accepted') return { at: after(pace.react), kind: 'cancel', version }
			return { at: after(pace.start), kind: 'start', version, supplierId: assigned }
		case 'in_progress': {
			if (sc === 'cancel_in_progress') {
				const at = s.neededBy > now ? within(s.neededBy, [0.2, 0.5]) : after(pace.react)
				return { at, kind: 'cancel', version }
			}
			const deliverAt = (m.deliverAt ??= deliveryTime(plan, m, s, now, rng))
			if (m.updatesLeft > 0)
				return { at: within(deliverAt, [0.2, 0.6]), kind: 'update', version, supplierId: assigned }
			if (sc === 'in_progress') return null
			// In production the job notices a missed needed-by within seconds: let it run then.
			if (!m.breachChecked && deliverAt > s.neededBy)
				return { at: jobRunAfter(s.neededBy), kind: 'tick', answer: 'late' }
			if (sc === 'late_open') return null
			return {
				at: Math.max(deliverAt, now + 60_000),
				kind: 'deliver',
				version,
				supplierId: assigned,
				quantity: s.quantity,
			}
		}
		case 'delivered':
			if (sc === 'delivered') return null
			return { at: after(pace.close), kind: m.reworkLeft > 0 ? 'rework' : 'close', version }
		case 'rework_requested':
			if (sc === 'rework_open') return null
			return { at: after(pace.react), kind: 'resume', version, supplierId: assigned }
		case 'closed': {
			const [open] = s.openExceptionIds
			return open ? { at: after(pace.react), kind: 'resolve', exceptionId: open } : null
		}
		default:
			return null
	}
}

/** A change request: a little more, or a little later. */
function changeOf(s: OrderState, rng: Rng): Pick<Step, 'kind' | 'quantity' | 'neededBy' | 'answer'> {
	if (rng() < 0.5)
		return { kind: 'change', quantity: Math.ceil(s.quantity * between(rng, [1.1, 1.4])), answer: 'more' }
	return { kind: 'change', neededBy: s.neededBy + Math.round(between(rng, [24, 96]) * HOUR), answer: 'later' }
}

function deliveryTime(plan: OrderPlan, m: Memory, s: OrderState, now: number, rng: Rng) {
	const span = plan.neededBy - plan.placedAt
	if (m.late) return Math.max(now, s.neededBy) + Math.round(between(rng, [0.05, 0.3]) * span)
	if (s.neededBy - now > 0.1 * span) return now + Math.round(between(rng, [0.4, 0.95]) * (s.neededBy - now))
	return now + Math.round(between(rng, [0.05, 0.15]) * span)
}
