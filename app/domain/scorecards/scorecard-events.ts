/** One row of order_events, as the scorecards read it. */
export type ScorecardEvent = {
	id: number
	orderId: string
	type: string
	supplierId: string | null
	occurredAt: Date
	data: Record<string, unknown>
}

/** Every event of one order (in any order) with the order's number and class. */
export type OrderHistory = {
	orderId: string
	orderNumber: string
	orderClassId: string
	events: ScorecardEvent[]
	/**
	 * Facts a buyer took out of the scorecards by correcting a dispute, as
	 * `correctedFactKey(supplierId, kind)`: they count nowhere, neither in the
	 * rollups nor in a recomputation, so the two stay equal after a correction.
	 */
	correctedFacts?: readonly string[]
}

/** The key of a supplier's facts of one kind on an order, as a correction names them. */
export function correctedFactKey(supplierId: string, kind: string) {
	return `${supplierId}|${kind}`
}

export type OrderMeta = Omit<OrderHistory, 'events'>
