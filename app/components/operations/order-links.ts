// Where each operations figure leads: the buyer's order list, filtered to the orders behind it.
import { type BacklogBucket } from '#app/domain/operations/backlog.ts'
import { type DayRange } from '#app/domain/operations/window.ts'
import { orderListHref } from '#app/schemas/order-list-filters.ts'

export function operationsLinks(window: Pick<DayRange, 'fromDay' | 'toDay'>, orderClassId: string | null) {
	const base = { orderClassId }
	const closed = { ...base, closedFrom: window.fromDay, closedTo: window.toDay }
	const placed = { ...base, placedFrom: window.fromDay, placedTo: window.toDay }
	const offered = { ...base, offeredFrom: window.fromDay, offeredTo: window.toDay }
	return {
		closed: orderListHref(closed),
		reworked: orderListHref({ ...closed, hadRework: true }),
		placed: orderListHref(placed),
		withException: orderListHref({ ...placed, hadException: true }),
		offered: orderListHref(offered),
		releasedOnTime: orderListHref({ ...offered, releasedOnTime: true }),
		changes: orderListHref({ ...base, changeAckedFrom: window.fromDay, changeAckedTo: window.toDay }),
		cancelled: orderListHref({ ...base, cancelledFrom: window.fromDay, cancelledTo: window.toDay }),
		/** Every open order, whatever its age. */
		open: orderListHref({ ...base, openAgeMin: 0 }),
		backlog: (bucket: Pick<BacklogBucket, 'minHours' | 'maxHours'>) =>
			orderListHref({
				...base,
				// The youngest bucket has no lower bound: it also holds orders stamped just ahead of our clock.
				openAgeMin: bucket.minHours > 0 ? bucket.minHours : undefined,
				openAgeMax: bucket.maxHours ?? undefined,
			}),
	}
}

export type OperationsLinks = ReturnType<typeof operationsLinks>
