/**
 * The order lifecycle as one table: which action moves an order from which
 * states to which, and who may take it. Models consult `planTransition` before
 * every change, so the rules live here and nowhere else.
 *
 * draft → submitted ─┬─(over threshold / risky)→ in_review ─┬→ approved → routing
 *                    │                                      └→ rejected
 *                    └───────────────────────────────────────→ routing
 * routing → offered ─┬→ accepted → in_progress → delivered ─┬→ closed
 *                    │                                      └→ rework_requested → in_progress
 *                    └→ (declined | expired) → routing (next candidate)
 * routing with no candidate left → unroutable;  any state before delivered → cancelled
 */
export const ORDER_STATUSES = [
	'draft',
	'submitted',
	'in_review',
	'approved',
	'rejected',
	'routing',
	'offered',
	'accepted',
	'in_progress',
	'delivered',
	'rework_requested',
	'closed',
	'cancelled',
	'unroutable',
] as const
export type OrderStatus = (typeof ORDER_STATUSES)[number]

/** Who acts: people by role, or the system (router, jobs). Admins act as buyers. */
export type OrderActor = 'buyer' | 'supplier' | 'system'

type Transition = { from: readonly OrderStatus[]; to: OrderStatus | 'same'; by: readonly OrderActor[] }

export const ORDER_TRANSITIONS = {
	submit: { from: ['draft'], to: 'submitted', by: ['buyer'] },
	send_to_review: { from: ['submitted'], to: 'in_review', by: ['system'] },
	approve: { from: ['in_review'], to: 'approved', by: ['buyer'] },
	reject: { from: ['in_review'], to: 'rejected', by: ['buyer'] },
	start_routing: {
		from: ['submitted', 'approved', 'offered', 'unroutable'],
		to: 'routing',
		by: ['system', 'buyer'],
	},
	offer: { from: ['routing', 'unroutable'], to: 'offered', by: ['system', 'buyer'] },
	mark_unroutable: { from: ['routing'], to: 'unroutable', by: ['system'] },
	accept: { from: ['offered'], to: 'accepted', by: ['supplier'] },
	start_work: { from: ['accepted'], to: 'in_progress', by: ['supplier'] },
	post_update: {
		from: ['accepted', 'in_progress', 'rework_requested'],
		to: 'same',
		by: ['supplier', 'buyer'],
	},
	deliver: { from: ['in_progress'], to: 'delivered', by: ['supplier'] },
	close: { from: ['delivered'], to: 'closed', by: ['buyer'] },
	request_rework: { from: ['delivered'], to: 'rework_requested', by: ['buyer'] },
	resume_work: { from: ['rework_requested'], to: 'in_progress', by: ['supplier'] },
	request_change: { from: ['offered', 'accepted'], to: 'same', by: ['buyer'] },
	reacknowledge_change: { from: ['offered', 'accepted'], to: 'same', by: ['supplier'] },
	cancel: {
		from: [
			'draft',
			'submitted',
			'in_review',
			'approved',
			'routing',
			'offered',
			'accepted',
			'in_progress',
			'unroutable',
		],
		to: 'cancelled',
		by: ['buyer'],
	},
} as const satisfies Record<string, Transition>

export type OrderAction = keyof typeof ORDER_TRANSITIONS

export type TransitionPlan =
	| { ok: true; from: OrderStatus; to: OrderStatus }
	| { ok: false; reason: 'not_allowed_in_state' | 'not_allowed_for_actor'; message: string }

const ACTION_LABELS: Record<OrderAction, string> = {
	submit: 'submit',
	send_to_review: 'send to review',
	approve: 'approve',
	reject: 'reject',
	start_routing: 'route',
	offer: 'offer',
	mark_unroutable: 'mark unroutable',
	accept: 'accept',
	start_work: 'start work on',
	post_update: 'post an update on',
	deliver: 'deliver',
	close: 'close',
	request_rework: 'request rework on',
	resume_work: 'resume work on',
	request_change: 'change',
	reacknowledge_change: 'acknowledge the change to',
	cancel: 'cancel',
}

export const STATUS_LABELS: Record<OrderStatus, string> = {
	draft: 'Draft',
	submitted: 'Submitted',
	in_review: 'In review',
	approved: 'Approved',
	rejected: 'Rejected',
	routing: 'Routing',
	offered: 'Offered',
	accepted: 'Accepted',
	in_progress: 'In progress',
	delivered: 'Delivered',
	rework_requested: 'Rework requested',
	closed: 'Closed',
	cancelled: 'Cancelled',
	unroutable: 'Unroutable',
}

/** Whether `actor` may take `action` on an order in status `from`, and where it leads. */
export function planTransition(action: OrderAction, from: OrderStatus, actor: OrderActor): TransitionPlan {
	const transition: Transition = ORDER_TRANSITIONS[action]
	if (!transition.by.includes(actor)) {
		return {
			ok: false,
			reason: 'not_allowed_for_actor',
			message: `A ${actor} cannot ${ACTION_LABELS[action]} an order.`,
		}
	}
	if (!transition.from.includes(from)) {
		return {
			ok: false,
			reason: 'not_allowed_in_state',
			message: `An order that is ${STATUS_LABELS[from].toLowerCase()} cannot be ${pastTense(action)}.`,
		}
	}
	return { ok: true, from, to: transition.to === 'same' ? from : transition.to }
}

/** The actions `actor` can take on an order in `status` (for showing only the buttons that work). */
export function availableActions(status: OrderStatus, actor: OrderActor): OrderAction[] {
	return (Object.keys(ORDER_TRANSITIONS) as OrderAction[]).filter((a) => planTransition(a, status, actor).ok)
}

/** States in which the order is finished and nothing more can happen. */
export function isTerminal(status: OrderStatus) {
	return status === 'closed' || status === 'cancelled' || status === 'rejected'
}

function pastTense(action: OrderAction) {
	const label = ACTION_LABELS[action]
	const [verb, ...rest] = label.split(' ')
	const irregular: Record<string, string> = {
		send: 'sent',
		start: 'started',
		post: 'posted',
		resume: 'resumed',
		request: 'requested',
	}
	const done = irregular[verb!] ?? (verb!.endsWith('e') ? `${verb}d` : `${verb}ed`)
	return [done, ...rest].join(' ').replace(/ (on|to)$/, '')
}
