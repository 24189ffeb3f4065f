import { describe, expect, test } from 'vitest'
import {
	availableActions,
	isTerminal,
	ORDER_STATUSES,
	ORDER_TRANSITIONS,
	planTransition,
	type OrderAction,
	type OrderActor,
	type OrderStatus,
} from './order-lifecycle.ts'

const ACTORS: OrderActor[] = ['buyer', 'supplier', 'system']

// The lifecycle from ARCHITECTURE.md, written out as (action, from, actor) → to.
const ALLOWED: [OrderAction, OrderStatus, OrderActor, OrderStatus][] = [
	['submit', 'draft', 'buyer', 'submitted'],
	['send_to_review', 'submitted', 'system', 'in_review'],
	['approve', 'in_review', 'buyer', 'approved'],
	['reject', 'in_review', 'buyer', 'rejected'],
	['start_routing', 'submitted', 'system', 'routing'],
	['start_routing', 'approved', 'system', 'routing'],
	['start_routing', 'offered', 'system', 'routing'],
	['start_routing', 'unroutable', 'buyer', 'routing'],
	['offer', 'routing', 'system', 'offered'],
	['offer', 'unroutable', 'buyer', 'offered'],
	['mark_unroutable', 'routing', 'system', 'unroutable'],
	['accept', 'offered', 'supplier', 'accepted'],
	['start_work', 'accepted', 'supplier', 'in_progress'],
	['deliver', 'in_progress', 'supplier', 'delivered'],
	['close', 'delivered', 'buyer', 'closed'],
	['request_rework', 'delivered', 'buyer', 'rework_requested'],
	['resume_work', 'rework_requested', 'supplier', 'in_progress'],
	['request_change', 'offered', 'buyer', 'offered'],
	['request_change', 'accepted', 'buyer', 'accepted'],
	['reacknowledge_change', 'accepted', 'supplier', 'accepted'],
	['post_update', 'in_progress', 'supplier', 'in_progress'],
	['cancel', 'offered', 'buyer', 'cancelled'],
	['cancel', 'in_progress', 'buyer', 'cancelled'],
]

describe('planTransition', () => {
	test.each(ALLOWED)('%s from %s by %s → %s', (action, from, actor, to) => {
		expect(planTransition(action, from, actor)).toEqual({ ok: true, from, to })
	})

	test('every (action, state, actor) outside the table is refused, with a reason', () => {
		for (const action of Object.keys(ORDER_TRANSITIONS) as OrderAction[]) {
			const { from, by } = ORDER_TRANSITIONS[action]
			for (const status of ORDER_STATUSES) {
				for (const actor of ACTORS) {
					const plan = planTransition(action, status, actor)
					const allowed =
						(from as readonly string[]).includes(status) && (by as readonly string[]).includes(actor)
					expect(plan.ok, `${action} ${status} ${actor}`).toBe(allowed)
					if (!plan.ok) expect(plan.message.length).toBeGreaterThan(10)
				}
			}
		}
	})

	test('nothing leaves a finished order, and nothing is cancelled once delivered', () => {
		for (const status of ORDER_STATUSES.filter(isTerminal)) {
			for (const actor of ACTORS) expect(availableActions(status, actor), status).toEqual([])
		}
		for (const status of ['delivered', 'rework_requested', 'closed'] as const) {
			expect(planTransition('cancel', status, 'buyer').ok).toBe(false)
		}
	})

	test('suppliers never approve, close or cancel; buyers never accept or deliver', () => {
		for (const action of ['approve', 'close', 'cancel', 'submit'] as const) {
			expect(ORDER_STATUSES.some((s) => planTransition(action, s, 'supplier').ok)).toBe(false)
		}
		for (const action of ['accept', 'deliver', 'start_work'] as const) {
			expect(ORDER_STATUSES.some((s) => planTransition(action, s, 'buyer').ok)).toBe(false)
		}
	})

	test('refusals read plainly', () => {
		expect(planTransition('accept', 'closed', 'supplier')).toMatchObject({
			ok: false,
			reason: 'not_allowed_in_state',
			message: 'An order that is closed cannot be accepted.',
		})
		expect(planTransition('close', 'delivered', 'supplier')).toMatchObject({
			ok: false,
			reason: 'not_allowed_for_actor',
		})
	})
})

test('every status is reachable from draft', () => {
	const reached = new Set<OrderStatus>(['draft'])
	let grew = true
	while (grew) {
		grew = false
		for (const { from, to } of Object.values(ORDER_TRANSITIONS)) {
			if (to === 'same') continue
			if (from.some((s: OrderStatus) => reached.has(s)) && !reached.has(to)) {
				reached.add(to)
				grew = true
			}
		}
	}
	expect([...reached].sort()).toEqual([...ORDER_STATUSES].sort())
})
