import { dateOf, formatMinutes, formatUtc, minutesBetween } from './event-values.ts'
import { correctedFactKey, type OrderHistory, type ScorecardEvent } from './scorecard-events.ts'

type FactBase = {
	orderId: string
	orderNumber: string
	supplierId: string
	orderClassId: string
	/** When the outcome became known: the completing event's occurredAt. The fact's period and day. */
	at: Date
	/** The event that completes the fact. */
	eventId: number
	/** Every event the fact was read from, ascending, the completing one included. */
	eventIds: number[]
	detail: string
}

/** One outcome the scorecards count, attributed to a supplier and the order's class. */
export type ScorecardFact = FactBase &
	(
		| { kind: 'offer'; outcome: 'accepted' | 'declined' | 'expired'; inTime: boolean }
		| { kind: 'delivery'; onTime: boolean | null; cycleMinutes: number | null }
		| { kind: 'closure'; withoutRework: boolean }
		| { kind: 'finish'; withSupplierException: boolean }
		| { kind: 'change_ack'; minutes: number }
	)

type Stamp = { at: Date; eventId: number }
type OpenOffer = { supplierId: string | null; expiresAt: Date | null; eventId: number; resolved: boolean }

/** What one pass over the events knows so far; every fact reads only this, i.e. earlier events. */
type OrderState = {
	offers: Map<string, OpenOffer>
	accepted: (Stamp & { supplierId: string }) | null
	manualAssignments: Map<string, Stamp>
	due: Stamp | null
	pendingChange: Stamp | null
	deliveredBy: Set<string>
	rework: Stamp[]
	supplierExceptions: Map<string, number[]>
	isClosed: boolean
	isFinished: boolean
}

const RESOLUTIONS = {
	offer_accepted: 'accepted',
	offer_declined: 'declined',
	offer_expired: 'expired',
} as const

/**
 * The scorecard facts of one order, in event order. The events are read in id
 * order — the order they were appended under the order's row lock — and each
 * fact is emitted at the event that completes it and reads only earlier events,
 * so appending events never changes a fact already emitted: a snapshot
 * recomputed later from the same events gives the same numbers, and the facts
 * of new events are exactly the increment (see deltaForNewEvents).
 */
export function factsOfOrder(history: OrderHistory): ScorecardFact[] {
	const state: OrderState = {
		offers: new Map(),
		accepted: null,
		manualAssignments: new Map(),
		due: null,
		pendingChange: null,
		deliveredBy: new Set(),
		rework: [],
		supplierExceptions: new Map(),
		isClosed: false,
		isFinished: false,
	}
	const facts: ScorecardFact[] = []
	const events = [...history.events].sort((a, b) => a.id - b.id)
	for (const event of events) {
		const base = (supplierId: string, eventIds: number[], detail: string): FactBase => ({
			orderId: history.orderId,
			orderNumber: history.orderNumber,
			supplierId,
			orderClassId: history.orderClassId,
			at: event.occurredAt,
			eventId: event.id,
			eventIds: [...new Set([...eventIds, event.id])].sort((a, b) => a - b),
			detail,
		})
		const fact = (f: ScorecardFact | null) => f && facts.push(f)
		switch (event.type) {
			case 'placed':
				state.due = dueFrom(event, event.data.neededBy) ?? state.due
				break
			case 'offered':
			case 'assigned_manually':
				registerOffer(state, event)
				break
			case 'offer_accepted':
			case 'offer_declined':
			case 'offer_expired':
				fact(resolveOffer(state, event, RESOLUTIONS[event.type], base))
				break
			case 'offer_withdrawn': {
				const offer = state.offers.get(offerKey(event))
				if (offer) offer.resolved = true
				break
			}
			case 'change_requested':
				onChangeRequested(state, event)
				break
			case 'change_acknowledged':
				fact(acknowledgeChange(state, event, base))
				break
			case 'delivered':
				fact(firstDelivery(state, event, base))
				break
			case 'rework_requested':
				state.rework.push({ at: event.occurredAt, eventId: event.id })
				break
			case 'exception_opened':
				if (event.supplierId) {
					const ids = state.supplierExceptions.get(event.supplierId) ?? []
					state.supplierExceptions.set(event.supplierId, [...ids, event.id])
				}
				break
			case 'closed':
			case 'cancelled':
				facts.push(...finishOrder(state, event, base))
				break
		}
	}
	const corrected = history.correctedFacts
	if (!corrected?.length) return facts
	return facts.filter((f) => !corrected.includes(correctedFactKey(f.supplierId, f.kind)))
}

type BaseOf = (supplierId: string, eventIds: number[], detail: string) => FactBase

// An offer event without an id still names one offer: the event itself.
const offerKey = (e: ScorecardEvent) =>
	typeof e.data.offerId === 'string' ? e.data.offerId : `event:${e.id}`

function registerOffer(state: OrderState, e: ScorecardEvent) {
	if (state.offers.has(offerKey(e))) return
	state.offers.set(offerKey(e), {
		supplierId: e.supplierId,
		expiresAt: dateOf(e.data.expiresAt),
		eventId: e.id,
		resolved: false,
	})
	if (e.type === 'assigned_manually' && e.supplierId) {
		state.manualAssignments.set(e.supplierId, { at: e.occurredAt, eventId: e.id })
	}
}

function resolveOffer(
	state: OrderState,
	e: ScorecardEvent,
	outcome: 'accepted' | 'declined' | 'expired',
	base: BaseOf,
): ScorecardFact | null {
	const offer = state.offers.get(offerKey(e))
	const supplierId = e.supplierId ?? offer?.supplierId ?? null
	if (outcome === 'accepted' && supplierId) state.accepted = { supplierId, at: e.occurredAt, eventId: e.id }
	// An offer ends once; a second answer to it (never written today) must not count twice.
	if (!supplierId || offer?.resolved) return null
	if (offer) offer.resolved = true
	else state.offers.set(offerKey(e), { supplierId, expiresAt: null, eventId: e.id, resolved: true })
	const expiresAt = offer?.expiresAt ?? dateOf(e.data.expiresAt)
	// The server refuses late answers, so an answer whose deadline the history lost met it.
	const inTime = outcome !== 'expired' && (!expiresAt || e.occurredAt.getTime() <= expiresAt.getTime())
	const deadline = expiresAt ? `deadline ${formatUtc(expiresAt)}` : 'deadline not recorded'
	const verdict = outcome === 'expired' ? 'not answered' : inTime ? 'in time' : 'after the deadline'
	return {
		...base(supplierId, offer ? [offer.eventId] : [], `Offer ${outcome} (${verdict}; ${deadline})`),
		kind: 'offer',
		outcome,
		inTime,
	}
}

function onChangeRequested(state: OrderState, e: ScorecardEvent) {
	// An edit of an unroutable order carries its new needed-by under `after`; it needs no acknowledgement.
	const after = e.data.after as Record<string, unknown> | undefined
	state.due = dueFrom(e, e.data.neededBy ?? after?.neededBy) ?? state.due
	if (e.data.edit !== true) state.pendingChange = { at: e.occurredAt, eventId: e.id }
}

function acknowledgeChange(state: OrderState, e: ScorecardEvent, base: BaseOf): ScorecardFact | null {
	const change = state.pendingChange
	// The acknowledgement answers the latest change, so the next acknowledgement needs a new change.
	state.pendingChange = null
	if (!e.supplierId || !change) return null
	const minutes = minutesBetween(change.at, e.occurredAt)
	return {
		...base(
			e.supplierId,
			[change.eventId],
			`Change of ${formatUtc(change.at)} acknowledged after ${formatMinutes(minutes)}`,
		),
		kind: 'change_ack',
		minutes,
	}
}

function firstDelivery(state: OrderState, e: ScorecardEvent, base: BaseOf): ScorecardFact | null {
	const supplierId = e.supplierId ?? state.accepted?.supplierId ?? null
	if (!supplierId || state.deliveredBy.has(supplierId)) return null
	state.deliveredBy.add(supplierId)
	const acceptance =
		state.accepted?.supplierId === supplierId ? state.accepted : state.manualAssignments.get(supplierId)
	const cycleMinutes = acceptance ? minutesBetween(acceptance.at, e.occurredAt) : null
	const onTime = state.due ? e.occurredAt.getTime() <= state.due.at.getTime() : null
	const timing =
		state.due === null
			? 'due time not recorded'
			: `${onTime ? 'on time' : 'late'}, due ${formatUtc(state.due.at)}`
	const cycle =
		cycleMinutes === null ? 'acceptance not recorded' : `${formatMinutes(cycleMinutes)} after acceptance`
	const sources = [acceptance?.eventId, state.due?.eventId].filter((id): id is number => id !== undefined)
	return {
		...base(supplierId, sources, `First delivery (${timing}; ${cycle})`),
		kind: 'delivery',
		onTime,
		cycleMinutes,
	}
}

function finishOrder(state: OrderState, e: ScorecardEvent, base: BaseOf): ScorecardFact[] {
	const supplierId = e.supplierId ?? state.accepted?.supplierId ?? null
	if (!supplierId || state.isFinished) return []
	state.isFinished = true
	const facts: ScorecardFact[] = []
	if (e.type === 'closed' && !state.isClosed) {
		state.isClosed = true
		const rework = state.rework.map((r) => r.eventId)
		const detail =
			rework.length === 0 ? 'Closed without rework' : `Closed after ${rework.length} rework request(s)`
		facts.push({ ...base(supplierId, rework, detail), kind: 'closure', withoutRework: rework.length === 0 })
	}
	const exceptions = state.supplierExceptions.get(supplierId) ?? []
	const how = e.type === 'closed' ? 'Closed' : 'Cancelled'
	const detail =
		exceptions.length === 0
			? `${how} with no exception attributed to the supplier`
			: `${how} after ${exceptions.length} exception(s) attributed to the supplier`
	facts.push({
		...base(supplierId, exceptions, detail),
		kind: 'finish',
		withSupplierException: exceptions.length > 0,
	})
	return facts
}

function dueFrom(e: ScorecardEvent, value: unknown): Stamp | null {
	const at = dateOf(value)
	return at ? { at, eventId: e.id } : null
}
