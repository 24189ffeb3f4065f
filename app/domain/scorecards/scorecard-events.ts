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
}

export type OrderMeta = Omit<OrderHistory, 'events'>
