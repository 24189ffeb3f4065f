// Which moves between supplier statuses a buyer may make, and what each needs.

export const SUPPLIER_STATUSES = ['invited', 'active', 'on_hold', 'blocked'] as const
export type SupplierStatus = (typeof SUPPLIER_STATUSES)[number]

export const SUPPLIER_STATUS_LABELS: Record<SupplierStatus, string> = {
	invited: 'Invited',
	active: 'Active',
	on_hold: 'On hold',
	blocked: 'Blocked',
}

/** How each status reads at a glance: the badge class in app.css. */
export const SUPPLIER_STATUS_TONES: Record<SupplierStatus, 'ok' | 'warn' | 'bad' | 'neutral'> = {
	invited: 'neutral',
	active: 'ok',
	on_hold: 'warn',
	blocked: 'bad',
}

// An invited organisation has never been active, so it cannot be put on hold;
// nothing ever goes back to `invited`.
const TRANSITIONS: Record<SupplierStatus, readonly SupplierStatus[]> = {
	invited: ['active', 'blocked'],
	active: ['on_hold', 'blocked'],
	on_hold: ['active', 'blocked'],
	blocked: ['active', 'on_hold'],
}

export const STATUS_REASON_MIN = 5
export const STATUS_REASON_MAX = 500

export function isSupplierStatus(value: unknown): value is SupplierStatus {
	return typeof value === 'string' && (SUPPLIER_STATUSES as readonly string[]).includes(value)
}

/** The statuses a supplier in `from` may be moved to, in display order. */
export function allowedStatusTransitions(from: SupplierStatus): readonly SupplierStatus[] {
	return TRANSITIONS[from]
}

export function canChangeStatus(from: SupplierStatus, to: SupplierStatus): boolean {
	return TRANSITIONS[from].includes(to)
}

export type StatusChangeProblem = { field: 'toStatus' | 'reason'; message: string }

/** Problems with the reason a buyer typed (trimmed), or null when it is acceptable. */
export function reasonProblem(reason: string): string | null {
	const length = [...reason.trim()].length
	if (length === 0) return 'Give a reason for the change.'
	if (length < STATUS_REASON_MIN) return `Give a reason of at least ${STATUS_REASON_MIN} characters.`
	if (length > STATUS_REASON_MAX) return `Keep the reason to at most ${STATUS_REASON_MAX} characters.`
	return null
}

/** Every reason the change from `from` to `to` with `reason` is refused; empty when it may go ahead. */
export function statusChangeProblems({
	from,
	to,
	reason,
}: {
	from: SupplierStatus
	to: SupplierStatus
	reason: string
}): StatusChangeProblem[] {
	const problems: StatusChangeProblem[] = []
	if (from === to) {
		problems.push({
			field: 'toStatus',
			message: `The supplier is already ${SUPPLIER_STATUS_LABELS[to].toLowerCase()}.`,
		})
	} else if (!canChangeStatus(from, to)) {
		const allowed = allowedStatusTransitions(from).map((s) => SUPPLIER_STATUS_LABELS[s].toLowerCase())
		problems.push({
			field: 'toStatus',
			message: `A supplier that is ${SUPPLIER_STATUS_LABELS[from].toLowerCase()} can only become ${allowed.join(' or ')}.`,
		})
	}
	const problem = reasonProblem(reason)
	if (problem) problems.push({ field: 'reason', message: problem })
	return problems
}
