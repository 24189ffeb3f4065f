// Test-only builders for order histories (imported by this folder's tests, nowhere else).
import fc from 'fast-check'
import { type OrderHistory, type ScorecardEvent } from './scorecard-events.ts'

/** An ISO time, or minutes after the builder's previous event. */
type At = string | number

let lastEventId = 0

/**
 * Writes an order's events as the models would: offers carry offerId and
 * expiresAt, answers name the offer, closing and rework name the assigned
 * supplier. Event ids increase across all builders, like the bigserial.
 */
export class HistoryBuilder {
	readonly events: ScorecardEvent[] = []
	private clock: Date
	private offerCount = 0
	private readonly openOffers = new Map<string, { offerId: string; expiresAt: Date }>()
	private assigned: string | null = null

	constructor(
		readonly meta: { orderId: string; orderNumber: string; orderClassId: string },
		placedAt: string,
		neededBy: string | null,
	) {
		this.clock = new Date(placedAt)
		this.event('placed', { at: placedAt, data: neededBy ? { neededBy } : {} })
	}

	event(
		type: string,
		{
			at = 10,
			supplierId = null,
			data = {},
		}: { at?: At; supplierId?: string | null; data?: Record<string, unknown> } = {},
	) {
		this.clock = typeof at === 'number' ? new Date(this.clock.getTime() + at * 60_000) : new Date(at)
		this.events.push({
			id: ++lastEventId,
			orderId: this.meta.orderId,
			type,
			supplierId,
			occurredAt: this.clock,
			data,
		})
		return this
	}

	/** The id of the last event written, for evidence assertions. */
	get lastId() {
		return this.events.at(-1)!.id
	}

	offer(
		supplierId: string,
		{
			at,
			expiresInMinutes = 60,
			manual = false,
		}: { at?: At; expiresInMinutes?: number; manual?: boolean } = {},
	) {
		const offerId = `${this.meta.orderId}-offer-${++this.offerCount}`
		this.event(manual ? 'assigned_manually' : 'offered', { at, supplierId, data: { offerId } })
		const expiresAt = new Date(this.clock.getTime() + expiresInMinutes * 60_000)
		this.events.at(-1)!.data.expiresAt = expiresAt.toISOString()
		this.openOffers.set(supplierId, { offerId, expiresAt })
		return this
	}

	private answer(type: string, supplierId: string, at: At | undefined, extra: Record<string, unknown> = {}) {
		const offer = this.openOffers.get(supplierId)
		if (!offer) throw new Error(`No open offer to ${supplierId}`)
		this.openOffers.delete(supplierId)
		return this.event(type, { at, supplierId, data: { offerId: offer.offerId, ...extra } })
	}

	accept(supplierId: string, at?: At) {
		this.assigned = supplierId
		return this.answer('offer_accepted', supplierId, at)
	}

	decline(supplierId: string, at?: At) {
		return this.answer('offer_declined', supplierId, at, { reason: 'No capacity this week' })
	}

	/** Expires at the offer's deadline unless told otherwise, as the expiry job records it. */
	expire(supplierId: string, at?: At) {
		const offer = this.openOffers.get(supplierId)
		return this.answer('offer_expired', supplierId, at ?? offer?.expiresAt.toISOString(), {
			expiresAt: offer?.expiresAt.toISOString(),
		})
	}

	withdraw(supplierId: string, at: At = 0) {
		return this.answer('offer_withdrawn', supplierId, at, { reason: 'Another supplier accepted first' })
	}

	deliver(supplierId: string, at?: At) {
		return this.event('delivered', { at, supplierId, data: { deliveredQuantity: 10, orderedQuantity: 10 } })
	}

	rework(at?: At) {
		return this.event('rework_requested', {
			at,
			supplierId: this.assigned,
			data: { reason: 'Missing pages' },
		})
	}

	close(at?: At) {
		return this.event('closed', { at, supplierId: this.assigned })
	}

	cancel(at?: At) {
		return this.event('cancelled', { at, supplierId: this.assigned, data: { reason: 'No longer needed' } })
	}

	requestChange({
		at,
		neededBy,
		ackDueInMinutes = 60,
	}: {
		at?: At
		neededBy: string
		ackDueInMinutes?: number
	}) {
		this.event('change_requested', {
			at,
			supplierId: this.assigned,
			data: { neededBy, reason: 'Moved deadline' },
		})
		this.events.at(-1)!.data.ackDueAt = new Date(
			this.clock.getTime() + ackDueInMinutes * 60_000,
		).toISOString()
		return this
	}

	acknowledgeChange(supplierId: string, at?: At) {
		return this.event('change_acknowledged', { at, supplierId, data: { late: false } })
	}

	exception(kind: string, { at, supplierId = null }: { at?: At; supplierId?: string | null } = {}) {
		return this.event('exception_opened', { at, supplierId, data: { kind, detail: `${kind} on the order` } })
	}

	build(): OrderHistory {
		return { ...this.meta, events: [...this.events] }
	}
}

let orderCount = 0

export function anOrder({
	orderClassId = 'standard',
	placedAt = '2026-11-02T09:00:00.000Z',
	neededBy = '2026-11-06T17:00:00.000Z',
}: { orderClassId?: string; placedAt?: string; neededBy?: string | null } = {}) {
	const n = ++orderCount
	const orderNumber = `PO-2026-${String(n).padStart(6, '0')}`
	return new HistoryBuilder({ orderId: `order-${n}`, orderNumber, orderClassId }, placedAt, neededBy)
}

export const SUPPLIERS = ['acme', 'beacon', 'cobalt'] as const
export const CLASSES = ['standard', 'bulk'] as const
const TYPES = [
	'offered',
	'assigned_manually',
	'offer_accepted',
	'offer_declined',
	'offer_expired',
	'offer_withdrawn',
	'delivered',
	'rework_requested',
	'closed',
	'cancelled',
	'change_requested',
	'change_acknowledged',
	'exception_opened',
	'work_started',
] as const

/** Whole hours from 2026-10-01 so generated events often fall exactly on a UTC midnight. */
export const GENERATED_EPOCH = Date.UTC(2026, 9, 1)

const stepArb = fc.record({
	type: fc.constantFrom(...TYPES),
	supplier: fc.option(fc.constantFrom(...SUPPLIERS), { freq: 6 }),
	gapHours: fc.integer({ min: 0, max: 72 }),
	offer: fc.integer({ min: 0, max: 3 }),
	hoursAhead: fc.integer({ min: -24, max: 96 }),
	edit: fc.boolean(),
})

/**
 * Any sequence of scorecard-relevant events on one order — not only the ones
 * the lifecycle allows — so the properties hold for whatever the table holds.
 */
export const orderHistoryArb = fc
	.record({
		orderClassId: fc.constantFrom(...CLASSES),
		startHour: fc.integer({ min: 0, max: 24 * 100 }),
		hasNeededBy: fc.boolean(),
		neededByHours: fc.integer({ min: 1, max: 24 * 10 }),
		steps: fc.array(stepArb, { maxLength: 24 }),
	})
	.map(({ orderClassId, startHour, hasNeededBy, neededByHours, steps }): OrderHistory => {
		const orderId = `gen-${++orderCount}`
		const base = lastEventId
		lastEventId += steps.length + 1
		let t = GENERATED_EPOCH + startHour * 3_600_000
		const iso = (ms: number) => new Date(ms).toISOString()
		const events: ScorecardEvent[] = [
			{
				id: base + 1,
				orderId,
				type: 'placed',
				supplierId: null,
				occurredAt: new Date(t),
				data: hasNeededBy ? { neededBy: iso(t + neededByHours * 3_600_000) } : {},
			},
		]
		steps.forEach((step, i) => {
			t += step.gapHours * 3_600_000
			const offerId = `${orderId}-offer-${step.offer}`
			const ahead = iso(t + step.hoursAhead * 3_600_000)
			const data: Record<string, unknown> =
				step.type === 'offered' || step.type === 'assigned_manually' || step.type === 'offer_expired'
					? { offerId, expiresAt: ahead }
					: step.type.startsWith('offer_')
						? { offerId }
						: step.type === 'change_requested'
							? step.edit
								? { edit: true, after: { neededBy: ahead } }
								: { neededBy: ahead, ackDueAt: ahead }
							: step.type === 'exception_opened'
								? { kind: 'dispute' }
								: {}
			events.push({
				id: base + i + 2,
				orderId,
				type: step.type,
				supplierId: step.supplier,
				occurredAt: new Date(t),
				data,
			})
		})
		return { orderId, orderNumber: `PO-GEN-${orderId}`, orderClassId, events }
	})

export const historiesArb = fc.array(orderHistoryArb, { maxLength: 8 })
