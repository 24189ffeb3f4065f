/**
 * The order events models write (order_events.type) and how a timeline reads
 * them. Stored rows keep the text, so never rename or remove one.
 */
export const ORDER_EVENT_LABELS = {
	placed: 'Order placed',
	submitted: 'Submitted',
	sent_to_review: 'Sent to review',
	approved: 'Approved',
	rejected: 'Rejected',
	routed: 'Routing started',
	offered: 'Offered to supplier',
	unroutable: 'No supplier could take it',
	offer_accepted: 'Offer accepted',
	offer_declined: 'Offer declined',
	offer_expired: 'Offer expired',
	offer_withdrawn: 'Offer withdrawn',
	assigned_manually: 'Assigned manually',
	work_started: 'Work started',
	update_posted: 'Update posted',
	delivered: 'Delivered',
	closed: 'Closed',
	rework_requested: 'Rework requested',
	work_resumed: 'Work resumed',
	change_requested: 'Change requested',
	change_acknowledged: 'Change acknowledged',
	cancelled: 'Cancelled',
	exception_opened: 'Exception opened',
	exception_assigned: 'Exception assigned',
	exception_resolved: 'Exception resolved',
} as const

export type OrderEventType = keyof typeof ORDER_EVENT_LABELS

/** A readable label for a stored event type, even one this build does not know. */
export function orderEventLabel(type: string) {
	return (ORDER_EVENT_LABELS as Record<string, string>)[type] ?? type.replaceAll('_', ' ')
}

export const EXCEPTION_KIND_LABELS = {
	large_value: 'Large value',
	missing_information: 'Missing information',
	unroutable: 'Unroutable',
	deadline_breached: 'Deadline breached',
	dispute: 'Dispute',
} as const

export type ExceptionKind = keyof typeof EXCEPTION_KIND_LABELS

/** Why routing left a supplier out beyond the hard filters: the order's own history with it. */
export const HISTORY_EXCLUSION_RULES = ['already_declined', 'already_offered'] as const
export type HistoryExclusionRule = (typeof HISTORY_EXCLUSION_RULES)[number]

/** Reason text 3..500 characters once trimmed, as declines, cancellations and rework requests need. */
export function reasonProblem(reason: string | null | undefined, what = 'a reason'): string | null {
	const trimmed = (reason ?? '').trim()
	if (trimmed.length < 3) return `Give ${what} (at least 3 characters).`
	if (trimmed.length > 500) return `Keep ${what} under 500 characters.`
	return null
}
