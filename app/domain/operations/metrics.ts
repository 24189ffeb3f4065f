// The operations dashboard's figures, computed from per-order facts the model reads for a window.
import { countBacklog, type BacklogCount } from './backlog.ts'
import { type DurationSummary, minutesBetween, type Rate, rateOf, summariseDurations } from './stats.ts'
import { type DayRange, isWithin, type TrendWeek, weeksOf } from './window.ts'

/** An order closed (placed → closed), and whether a rework was requested on the way. */
export type ClosedFact = { orderClassId: string; placedAt: Date; closedAt: Date; hadRework: boolean }
/** An order placed, and whether it ever had an exception. */
export type PlacedFact = { orderClassId: string; placedAt: Date; hadException: boolean }
/** A supplier offer whose outcome is known (accepted, declined or expired). */
export type OfferFact = { orderClassId: string; offeredAt: Date; acceptedOnTime: boolean }
/** A change acknowledged by the supplier, with the change request it answers. */
export type ChangeFact = { orderClassId: string; requestedAt: Date; acknowledgedAt: Date }
/** An order cancelled. */
export type CancellationFact = { orderClassId: string; placedAt: Date; cancelledAt: Date }
/** An open order (not closed, cancelled or rejected) with its submission time. */
export type OpenFact = { orderClassId: string; submittedAt: Date }

export type OperationsFacts = {
	closed: readonly ClosedFact[]
	placed: readonly PlacedFact[]
	offers: readonly OfferFact[]
	changes: readonly ChangeFact[]
	cancellations: readonly CancellationFact[]
	open: readonly OpenFact[]
}

export type OperationsFigures = {
	/** Minutes placed → closed, over orders closed in the window. */
	cycleTime: DurationSummary
	/** Orders closed in the window that had a rework request / orders closed in the window. */
	reworkRate: Rate
	/** Orders placed in the window that had an exception / orders placed in the window. */
	exceptionRate: Rate
	/** Offers made in the window accepted by their expiry / offers made in the window with a known outcome. */
	onTimeRelease: Rate
	/** Minutes change requested → acknowledged, over acknowledgements in the window. */
	changeHandling: DurationSummary
	/** Minutes placed → cancelled, over orders cancelled in the window. */
	cancellationHandling: DurationSummary
	/** Open orders by age as of now (not bound by the window). */
	backlog: { total: number; buckets: BacklogCount[] }
}

/** The figures over the facts that fall inside `window` (facts outside it are ignored). */
export function computeFigures(facts: OperationsFacts, window: DayRange, now: Date): OperationsFigures {
	const within = <T>(items: readonly T[], at: (item: T) => Date) =>
		items.filter((i) => isWithin(window, at(i)))
	const closed = within(facts.closed, (f) => f.closedAt)
	const placed = within(facts.placed, (f) => f.placedAt)
	const offers = within(facts.offers, (f) => f.offeredAt)
	const changes = within(facts.changes, (f) => f.acknowledgedAt)
	const cancellations = within(facts.cancellations, (f) => f.cancelledAt)
	return {
		cycleTime: summariseDurations(closed.map((f) => minutesBetween(f.placedAt, f.closedAt))),
		reworkRate: rateOf(closed, (f) => f.hadRework),
		exceptionRate: rateOf(placed, (f) => f.hadException),
		onTimeRelease: rateOf(offers, (f) => f.acceptedOnTime),
		changeHandling: summariseDurations(changes.map((f) => minutesBetween(f.requestedAt, f.acknowledgedAt))),
		cancellationHandling: summariseDurations(
			cancellations.map((f) => minutesBetween(f.placedAt, f.cancelledAt)),
		),
		backlog: countBacklog(
			facts.open.map((f) => f.submittedAt),
			now,
		),
	}
}

export type WeekFigures = TrendWeek & {
	cycleTime: DurationSummary
	reworkRate: Rate
	exceptionRate: Rate
}

/** Per ISO week of the window (cut to the window): cycle time and rework of orders closed, exceptions of orders placed. */
export function computeWeeklyTrend(
	facts: Pick<OperationsFacts, 'closed' | 'placed'>,
	window: DayRange,
): WeekFigures[] {
	return weeksOf(window).map((week) => {
		const closed = facts.closed.filter((f) => isWithin(week, f.closedAt))
		const placed = facts.placed.filter((f) => isWithin(week, f.placedAt))
		return {
			...week,
			cycleTime: summariseDurations(closed.map((f) => minutesBetween(f.placedAt, f.closedAt))),
			reworkRate: rateOf(closed, (f) => f.hadRework),
			exceptionRate: rateOf(placed, (f) => f.hadException),
		}
	})
}

/** The facts of one order class. */
export function factsOfClass(facts: OperationsFacts, orderClassId: string): OperationsFacts {
	const mine = <T extends { orderClassId: string }>(items: readonly T[]) =>
		items.filter((f) => f.orderClassId === orderClassId)
	return {
		closed: mine(facts.closed),
		placed: mine(facts.placed),
		offers: mine(facts.offers),
		changes: mine(facts.changes),
		cancellations: mine(facts.cancellations),
		open: mine(facts.open),
	}
}
