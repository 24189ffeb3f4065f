import { factsOfOrder, type ScorecardFact } from './order-facts.ts'
import { dayKeyOf, dayStart } from './periods.ts'
import { emptyCounters, MINUTE_LIST_KEYS, type MetricCounters, sumCounters } from './scorecard-counters.ts'
import { addFactEvidence, emptyEvidence, sortEvidence, type ScorecardEvidence } from './scorecard-evidence.ts'
import { type OrderHistory, type OrderMeta, type ScorecardEvent } from './scorecard-events.ts'

export type { OrderHistory, OrderMeta, ScorecardEvent } from './scorecard-events.ts'
export type {
	EvidenceItem,
	MinutesEvidenceItem,
	RateEvidence,
	ScorecardEvidence,
} from './scorecard-evidence.ts'

/** One scorecard's scope: a supplier, an order class and a half-open range [from, to). */
export type ScorecardScope = { supplierId: string; orderClassId: string; from: Date; to: Date }

/** The counters of one (supplier, class, UTC day): one row of the daily rollup. */
export type DayCounters = { supplierId: string; orderClassId: string; day: string; counters: MetricCounters }

/** Adds one fact to counters in place (the minute lists are sorted by the caller once at the end). */
function countFact(c: MetricCounters, fact: ScorecardFact) {
	switch (fact.kind) {
		case 'offer':
			c.offersResolved++
			if (fact.inTime) c.offersAnsweredInTime++
			if (fact.outcome === 'accepted') c.offersAccepted++
			break
		case 'delivery':
			c.deliveries++
			if (fact.onTime !== null) c.deliveriesWithDueTime++
			if (fact.onTime) c.deliveriesOnTime++
			if (fact.cycleMinutes !== null) c.cycleMinutes.push(fact.cycleMinutes)
			break
		case 'closure':
			c.closures++
			if (fact.withoutRework) c.closuresWithoutRework++
			break
		case 'finish':
			c.finished++
			if (fact.withSupplierException) c.finishedWithSupplierException++
			break
		case 'change_ack':
			c.changeAckMinutes.push(fact.minutes)
			break
	}
}

function sortLists(c: MetricCounters) {
	for (const key of MINUTE_LIST_KEYS) c[key].sort((a, b) => a - b)
	return c
}

function isInScope(fact: ScorecardFact, scope: ScorecardScope) {
	const t = fact.at.getTime()
	return (
		fact.supplierId === scope.supplierId &&
		fact.orderClassId === scope.orderClassId &&
		t >= scope.from.getTime() &&
		t < scope.to.getTime()
	)
}

/**
 * A scorecard's counters from whole order histories, with the evidence behind
 * each metric. A fact belongs to the range its outcome became known in (the
 * completing event's occurredAt), so an event exactly at `to` is the next period's.
 */
export function countersFromHistories(
	histories: Iterable<OrderHistory>,
	scope: ScorecardScope,
): { counters: MetricCounters; evidence: ScorecardEvidence } {
	const counters = emptyCounters()
	const evidence = emptyEvidence()
	for (const history of histories) {
		// Skip other classes' orders before reading their events: most histories are not this scorecard's.
		if (history.orderClassId !== scope.orderClassId) continue
		for (const fact of factsOfOrder(history)) {
			if (!isInScope(fact, scope)) continue
			countFact(counters, fact)
			addFactEvidence(evidence, fact)
		}
	}
	return { counters: sortLists(counters), evidence: sortEvidence(evidence) }
}

function groupByDay(facts: Iterable<ScorecardFact>): DayCounters[] {
	const rows = new Map<string, DayCounters>()
	for (const fact of facts) {
		const day = dayKeyOf(fact.at)
		const key = JSON.stringify([day, fact.supplierId, fact.orderClassId])
		let row = rows.get(key)
		if (!row) {
			row = { supplierId: fact.supplierId, orderClassId: fact.orderClassId, day, counters: emptyCounters() }
			rows.set(key, row)
		}
		countFact(row.counters, fact)
	}
	return [...rows.values()]
		.map((row) => ({ ...row, counters: sortLists(row.counters) }))
		.sort(
			(a, b) =>
				a.day.localeCompare(b.day) ||
				a.supplierId.localeCompare(b.supplierId) ||
				a.orderClassId.localeCompare(b.orderClassId),
		)
}

/**
 * The counters of every (supplier, class, UTC day) the histories have a fact in,
 * sorted by day, supplier and class: what the daily rollup holds, recomputed from
 * scratch. Days are UTC so that they nest exactly in the UTC months of the snapshots.
 */
export function countersByGroupAndDay(histories: Iterable<OrderHistory>): DayCounters[] {
	return groupByDay(
		(function* () {
			for (const history of histories) yield* factsOfOrder(history)
		})(),
	)
}

/**
 * The rollup increments that events appended to one order contribute, given the
 * order's earlier events: counters(before + new) − counters(before), per
 * (supplier, class, day). Facts already counted never change (see factsOfOrder),
 * so this is just the facts the new events complete. The new events must come
 * after the earlier ones in id order, as appended rows do; anything else is a
 * caller's bug and throws, because the increment would then be wrong.
 */
export function deltaForNewEvents(
	historyBefore: readonly ScorecardEvent[],
	newEvents: readonly ScorecardEvent[],
	orderMeta: OrderMeta,
): DayCounters[] {
	let lastBefore = -Infinity
	for (const e of historyBefore) lastBefore = Math.max(lastBefore, e.id)
	const fresh = new Set<number>()
	for (const e of newEvents) {
		if (e.id <= lastBefore) {
			throw new Error(
				`Event ${e.id} of order ${orderMeta.orderId} is not after the history (last ${lastBefore}).`,
			)
		}
		fresh.add(e.id)
	}
	if (fresh.size === 0) return []
	const facts = factsOfOrder({ ...orderMeta, events: [...historyBefore, ...newEvents] })
	return groupByDay(facts.filter((f) => fresh.has(f.eventId)))
}

/**
 * A scorecard's counters read from daily rollup rows: equal to countersFromHistories
 * for the same scope. The range must start and end at UTC midnights (a day row
 * cannot be split); anything else throws.
 */
export function countersFromRollups(rows: Iterable<DayCounters>, scope: ScorecardScope): MetricCounters {
	const isMidnight = (d: Date) => dayStart(dayKeyOf(d)).getTime() === d.getTime()
	if (!isMidnight(scope.from) || !isMidnight(scope.to)) {
		throw new RangeError(
			'A scorecard read from daily rollups needs a range from one UTC midnight to another.',
		)
	}
	const [from, to] = [dayKeyOf(scope.from), dayKeyOf(scope.to)]
	const inScope = [...rows].filter(
		(row) =>
			row.supplierId === scope.supplierId &&
			row.orderClassId === scope.orderClassId &&
			row.day >= from &&
			row.day < to,
	)
	return sumCounters(inScope.map((row) => row.counters))
}
