/**
 * Every action the audit trail records, as `<entity>.<past-tense verb>`. Modules add
 * their actions here; stored rows keep the text, so never rename or remove one.
 */
export const AUDIT_ACTIONS = [
	'user.invited',
	'user.invitation_accepted',
	'user.invitation_revoked',
	'user.disabled',
	'user.enabled',
	'user.logged_in',
	'user.logged_out',
	'user.password_set',
	'supplier.created',
	'supplier.updated',
	'supplier.status_changed',
	'supplier.invited',
	'supplier.profile_updated',
	'order_class.created',
	'order_class.updated',
	'order_class.policy_changed',
	'order_class.retired',
	'order_class.reinstated',
	'category.created',
	'category.updated',
	'category.retired',
	'category.reinstated',
	'capability.created',
	'capability.updated',
	'capability.paused',
	'capability.resumed',
	'capability.removed',
	'contract.created',
	'contract.draft_saved',
	'contract.proposed',
	'contract.countered',
	'contract.accepted',
	'contract.withdrawn',
	'contract.terminated',
	'contract.expired',
	'contract.expiry_warned',
	'contract.superseded',
	'order.placed',
	'order.submitted',
	'order.sent_to_review',
	'order.approved',
	'order.rejected',
	'order.routed',
	'order.offered',
	'order.unroutable',
	'order.offer_accepted',
	'order.offer_declined',
	'order.offer_expired',
	'order.offer_withdrawn',
	'order.assigned_manually',
	'order.work_started',
	'order.update_posted',
	'order.delivered',
	'order.closed',
	'order.rework_requested',
	'order.work_resumed',
	'order.change_requested',
	'order.change_acknowledged',
	'order.cancelled',
	'exception.opened',
	'exception.assigned',
	'exception.resolved',
	'email.queued',
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]

const AUDIT_ACTION_SET: ReadonlySet<string> = new Set(AUDIT_ACTIONS)

/** Narrows untrusted text (a filter from a URL, say) to a known action. */
export function isAuditAction(value: string): value is AuditAction {
	return AUDIT_ACTION_SET.has(value)
}
