/**
 * Who may do what in a contract negotiation, as pure rules. Models ask these
 * functions before they write anything, so the rules live in one place.
 *
 * A contract holds at most one draft version (the buyer's, being edited) and at
 * most one pending version (proposed by one side, waiting for the other). The
 * buyer drafts and sends; the other side accepts or counters; the proposer may
 * withdraw. Renegotiating an active contract keeps its binding version in force.
 */

export const CONTRACT_STATUSES = ['draft', 'negotiating', 'active', 'expired', 'terminated'] as const
export type ContractStatus = (typeof CONTRACT_STATUSES)[number]

export const VERSION_STATUSES = [
	'draft',
	'proposed',
	'accepted',
	'countered',
	'withdrawn',
	'superseded',
] as const
export type VersionStatus = (typeof VERSION_STATUSES)[number]

export type Side = 'buyer' | 'supplier'

export type NegotiationState = {
	status: ContractStatus
	hasBinding: boolean
	/** The version waiting for an answer, if any. */
	pending: { id: string; proposedBy: Side } | null
	/** The buyer's draft being edited, if any. */
	draft: { id: string } | null
}

export type Refusal = { ok: false; code: 'FORBIDDEN' | 'RULE_VIOLATION'; message: string; field?: string }
export type Decision = { ok: true } | Refusal

export type NegotiationEvent =
	| { type: 'propose' }
	| { type: 'counter' }
	| { type: 'accept' }
	| { type: 'withdraw'; side: Side }
	| { type: 'terminate' }
	| { type: 'expire' }

const OK: Decision = { ok: true }
const OPEN_STATUSES: readonly ContractStatus[] = ['draft', 'negotiating', 'active']

function refuse(code: Refusal['code'], message: string, field?: string): Refusal {
	return field ? { ok: false, code, message, field } : { ok: false, code, message }
}

/** The side a role negotiates for; admins act as buyers, auditors never negotiate. */
export function sideForRole(role: string): Side | null {
	if (role === 'buyer' || role === 'admin') return 'buyer'
	if (role === 'supplier') return 'supplier'
	return null
}

export function isOpen(status: ContractStatus) {
	return OPEN_STATUSES.includes(status)
}

function closedRefusal(status: ContractStatus): Refusal {
	return refuse('RULE_VIOLATION', `This contract is ${status}; it can no longer change.`)
}

function onlyBuyer(side: Side, what: string): Refusal | null {
	return side === 'buyer' ? null : refuse('FORBIDDEN', `Only the buyer can ${what}.`)
}

/** Editing the terms of the buyer's draft version. */
export function canEditDraft(state: NegotiationState, side: Side): Decision {
	const notBuyer = onlyBuyer(side, 'edit a draft')
	if (notBuyer) return notBuyer
	if (!isOpen(state.status)) return closedRefusal(state.status)
	if (!state.draft) {
		return refuse(
			'RULE_VIOLATION',
			'There is no draft to edit: a sent proposal never changes. Start a new revision instead.',
		)
	}
	return OK
}

/** Sending the buyer's draft to the supplier. */
export function canPropose(
	state: NegotiationState,
	side: Side,
	{ termCount }: { termCount: number },
): Decision {
	const editable = canEditDraft(state, side)
	if (!editable.ok) return editable
	if (state.pending) return refuse('RULE_VIOLATION', 'A proposal is already waiting for an answer.')
	if (termCount < 1)
		return refuse('RULE_VIOLATION', 'Add at least one term before sending the proposal.', 'terms')
	return OK
}

/** Answering the other side's pending version (accept or counter): the same preconditions. */
function canAnswer(state: NegotiationState, side: Side, versionId: string): Decision {
	if (!isOpen(state.status)) return closedRefusal(state.status)
	if (!state.pending || state.pending.id !== versionId) {
		return refuse('RULE_VIOLATION', 'This version is not waiting for an answer.')
	}
	if (state.pending.proposedBy === side) {
		return refuse('FORBIDDEN', 'You proposed this version: wait for the other side to answer it.')
	}
	return OK
}

export function canCounter(state: NegotiationState, side: Side, basedOnVersionId: string): Decision {
	return canAnswer(state, side, basedOnVersionId)
}

export function canAccept(
	state: NegotiationState,
	side: Side,
	versionId: string,
	{ periodEnded = false }: { periodEnded?: boolean } = {},
): Decision {
	const answer = canAnswer(state, side, versionId)
	if (!answer.ok) return answer
	if (periodEnded) return refuse('RULE_VIOLATION', "This contract's period has ended; it cannot be accepted.")
	return OK
}

/** The proposer takes back its own pending version. */
export function canWithdraw(state: NegotiationState, side: Side, versionId: string): Decision {
	if (!isOpen(state.status)) return closedRefusal(state.status)
	if (!state.pending || state.pending.id !== versionId) {
		return refuse('RULE_VIOLATION', 'This version is not waiting for an answer.')
	}
	if (state.pending.proposedBy !== side) {
		return refuse('FORBIDDEN', 'Only the side that proposed a version can withdraw it.')
	}
	return OK
}

/** The buyer opens a new draft (from the binding or latest terms) when nothing is pending or drafted. */
export function canStartRevision(state: NegotiationState, side: Side): Decision {
	const notBuyer = onlyBuyer(side, 'start a revision')
	if (notBuyer) return notBuyer
	if (!isOpen(state.status)) return closedRefusal(state.status)
	if (state.draft) return refuse('RULE_VIOLATION', 'A draft is already open: edit it instead.')
	if (state.pending)
		return refuse('RULE_VIOLATION', 'A proposal is waiting for an answer: answer or withdraw it first.')
	return OK
}

export function canTerminate(state: NegotiationState, side: Side): Decision {
	const notBuyer = onlyBuyer(side, 'terminate a contract')
	if (notBuyer) return notBuyer
	if (!isOpen(state.status)) return closedRefusal(state.status)
	return OK
}

/**
 * The contract status after an event that the matching `can…` allowed.
 * Proposals on an active contract keep it active: the binding version stays
 * in force until a new one is accepted.
 */
export function nextStatus(state: NegotiationState, event: NegotiationEvent): ContractStatus {
	switch (event.type) {
		case 'propose':
		case 'counter':
			return state.status === 'active' ? 'active' : 'negotiating'
		case 'accept':
			return 'active'
		case 'withdraw':
			if (state.hasBinding) return state.status
			return event.side === 'buyer' ? 'draft' : 'negotiating'
		case 'terminate':
			return 'terminated'
		case 'expire':
			return 'expired'
	}
}

/**
 * Whether withdrawing gives the buyer a new draft with the withdrawn terms: only
 * the buyer's own withdrawal before anything was ever agreed. A supplier taking
 * back its counter does not revive the buyer's earlier version.
 */
export function revivesDraftOnWithdraw(state: NegotiationState, side: Side) {
	return side === 'buyer' && !state.hasBinding
}

export type AvailableActions = {
	editDraft: boolean
	propose: boolean
	counter: boolean
	accept: boolean
	withdraw: boolean
	startRevision: boolean
	terminate: boolean
}

/** What `side` may do now, for showing only the buttons that will work (the models check again). */
export function availableActions(
	state: NegotiationState,
	side: Side,
	{ termCount = 1, periodEnded = false }: { termCount?: number; periodEnded?: boolean } = {},
): AvailableActions {
	const pendingId = state.pending?.id ?? ''
	return {
		editDraft: canEditDraft(state, side).ok,
		propose: canPropose(state, side, { termCount }).ok,
		counter: canCounter(state, side, pendingId).ok,
		accept: canAccept(state, side, pendingId, { periodEnded }).ok,
		withdraw: canWithdraw(state, side, pendingId).ok,
		startRevision: canStartRevision(state, side).ok,
		terminate: canTerminate(state, side).ok,
	}
}

/** (class, category) pairs a supplier can serve; category null never appears here. */
export type CapabilityPair = { orderClassId: string; categoryId: string }

/**
 * Indexes of terms the supplier has no capability for. A term for a specific
 * category needs that exact pair; an "any category" term needs the class in
 * at least one category.
 */
export function termsWithoutCapability(
	terms: readonly { orderClassId: string; categoryId: string | null }[],
	capabilities: readonly CapabilityPair[],
): number[] {
	const pairs = new Set(capabilities.map((c) => `${c.orderClassId}|${c.categoryId}`))
	const classes = new Set(capabilities.map((c) => c.orderClassId))
	return terms.flatMap((t, i) => {
		const covered =
			t.categoryId === null ? classes.has(t.orderClassId) : pairs.has(`${t.orderClassId}|${t.categoryId}`)
		return covered ? [] : [i]
	})
}
