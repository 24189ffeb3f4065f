import { expect, test } from 'vitest'
import { factsOfOrder } from './order-facts.ts'
import { countersFromHistories, deltaForNewEvents } from './order-history-facts.ts'
import { correctedFactKey } from './scorecard-events.ts'
import { monthPeriod } from './periods.ts'
import { emptyCounters, type MetricCounters } from './scorecard-counters.ts'
import { metricsFromCounters } from './scorecard-metrics.ts'
import { anOrder, type HistoryBuilder } from './test-histories.ts'

const NOV = monthPeriod('2026-11')
const scope = (supplierId = 'acme', orderClassId = 'standard', period = NOV) => ({
	supplierId,
	orderClassId,
	...period,
})
const countersOf = (orders: HistoryBuilder[], s = scope()) =>
	countersFromHistories(
		orders.map((o) => o.build()),
		s,
	).counters
const counters = (partial: Partial<MetricCounters>): MetricCounters => ({ ...emptyCounters(), ...partial })

/** Offered, accepted after 30 min, delivered at `deliveredAt`, closed a day later. */
function workedOrder(deliveredAt = '2026-11-05T12:00:00.000Z', supplier = 'acme') {
	return anOrder()
		.offer(supplier, { at: 5 })
		.accept(supplier, 30)
		.deliver(supplier, deliveredAt)
		.close(24 * 60)
}

test('no orders: every counter zero and every metric null', () => {
	const { counters: c, evidence } = countersFromHistories([], scope())
	expect(c).toEqual(emptyCounters())
	expect(Object.values(metricsFromCounters(c)).every((v) => v === null)).toBe(true)
	expect(evidence.responseRate).toEqual({ numerator: [], denominator: [] })
	expect(evidence.cycleMinutes).toEqual([])
})

test('an order worked through counts towards every metric once', () => {
	expect(countersOf([workedOrder()])).toEqual(
		counters({
			offersResolved: 1,
			offersAnsweredInTime: 1,
			offersAccepted: 1,
			deliveries: 1,
			deliveriesWithDueTime: 1,
			deliveriesOnTime: 1,
			closures: 1,
			closuresWithoutRework: 1,
			finished: 1,
			// Accepted at 09:35 on the 2nd, delivered at 12:00 on the 5th.
			cycleMinutes: [3 * 24 * 60 + 145],
		}),
	)
})

test('all late: every first delivery after its due time', () => {
	const late = [workedOrder('2026-11-07T08:00:00.000Z'), workedOrder('2026-11-06T17:00:00.001Z')]
	const c = countersOf(late)
	expect(c).toMatchObject({ deliveries: 2, deliveriesWithDueTime: 2, deliveriesOnTime: 0 })
	expect(metricsFromCounters(c).onTimeRate).toBe(0)
})

test('delivered exactly at the due time is on time', () => {
	expect(countersOf([workedOrder('2026-11-06T17:00:00.000Z')]).deliveriesOnTime).toBe(1)
})

test('rework twice: one delivery, one closure, not closed without rework', () => {
	const order = anOrder()
		.offer('acme')
		.accept('acme')
		.deliver('acme', '2026-11-04T10:00:00.000Z')
		.rework(60)
		.deliver('acme', 24 * 60)
		.rework(60)
		.deliver('acme', '2026-11-08T10:00:00.000Z')
		.close(60)
	const c = countersOf([order])
	expect(c).toMatchObject({ deliveries: 1, deliveriesOnTime: 1, closures: 1, closuresWithoutRework: 0 })
	expect(c.cycleMinutes).toHaveLength(1)
	expect(metricsFromCounters(c).qualityRate).toBe(0)
})

test('a redelivery after rework does not count as a delivery again, even in a later period', () => {
	const order = anOrder()
		.offer('acme')
		.accept('acme')
		.deliver('acme', '2026-11-28T10:00:00.000Z')
		.rework(60)
		.deliver('acme', '2026-12-02T10:00:00.000Z')
	expect(countersOf([order]).deliveries).toBe(1)
	expect(countersOf([order], scope('acme', 'standard', monthPeriod('2026-12'))).deliveries).toBe(0)
})

test('change during the offer: the new needed-by is the due time, the late acknowledgement is timed from the change', () => {
	const order = anOrder({ neededBy: '2026-11-04T17:00:00.000Z' })
		.offer('acme', { at: '2026-11-02T10:00:00.000Z', expiresInMinutes: 240 })
		.requestChange({ at: '2026-11-02T11:00:00.000Z', neededBy: '2026-11-09T17:00:00.000Z' })
		.accept('acme', '2026-11-02T11:30:00.000Z')
		.acknowledgeChange('acme', '2026-11-02T13:00:00.000Z')
		.deliver('acme', '2026-11-08T09:00:00.000Z')
	const c = countersOf([order])
	expect(c).toMatchObject({ offersAnsweredInTime: 1, deliveriesOnTime: 1, changeAckMinutes: [120] })
})

test('a later change moves the due time again; the one in force at delivery counts', () => {
	const order = anOrder({ neededBy: '2026-11-09T17:00:00.000Z' })
		.offer('acme')
		.accept('acme')
		.requestChange({ neededBy: '2026-11-04T17:00:00.000Z' })
		.acknowledgeChange('acme', 15)
		.deliver('acme', '2026-11-05T09:00:00.000Z')
	const c = countersOf([order])
	expect(c).toMatchObject({ deliveriesOnTime: 0, changeAckMinutes: [15] })
})

test('an acknowledgement without a change it answers is not timed', () => {
	const order = anOrder()
		.offer('acme')
		.accept('acme')
		.requestChange({ neededBy: '2026-11-20T10:00:00.000Z' })
		.acknowledgeChange('acme', 5)
		.acknowledgeChange('acme', 5)
	expect(countersOf([order]).changeAckMinutes).toEqual([5])
})

test('an offer accepted after its deadline is resolved and accepted, but not answered in time', () => {
	const order = anOrder().offer('acme', { expiresInMinutes: 30 }).accept('acme', 31)
	const c = countersOf([order])
	expect(c).toMatchObject({ offersResolved: 1, offersAnsweredInTime: 0, offersAccepted: 1 })
	expect(metricsFromCounters(c)).toMatchObject({ responseRate: 0, acceptanceRate: 1 })
})

test('a decline in time is answered, an expiry is resolved but neither answered nor accepted', () => {
	const order = anOrder()
		.offer('acme', { expiresInMinutes: 60 })
		.decline('acme', 20)
		.offer('acme', { expiresInMinutes: 60 })
		.expire('acme')
	expect(countersOf([order])).toEqual(counters({ offersResolved: 2, offersAnsweredInTime: 1 }))
})

test('withdrawn offers are not the losing suppliers’ doing and are excluded', () => {
	const order = anOrder()
		.offer('acme', { at: 5 })
		.offer('beacon', { at: 0 })
		.offer('cobalt', { at: 0 })
		.accept('beacon', 12)
		.withdraw('acme')
		.withdraw('cobalt')
	expect(countersOf([order], scope('acme'))).toEqual(emptyCounters())
	expect(countersOf([order], scope('cobalt'))).toEqual(emptyCounters())
	expect(countersOf([order], scope('beacon')).offersResolved).toBe(1)
})

test('an expiry recorded after a withdrawal does not count', () => {
	const order = anOrder().offer('acme').withdraw('acme')
	const offerId = order.events.at(-1)!.data.offerId
	order.event('offer_expired', { supplierId: 'acme', data: { offerId } })
	expect(countersOf([order]).offersResolved).toBe(0)
})

test('a manual assignment is an offer like any other; the cycle starts at acceptance', () => {
	const order = anOrder()
		.offer('acme', { manual: true, at: '2026-11-02T10:00:00.000Z' })
		.accept('acme', '2026-11-02T11:00:00.000Z')
		.deliver('acme', '2026-11-02T15:00:00.000Z')
	expect(countersOf([order])).toMatchObject({ offersResolved: 1, offersAccepted: 1, cycleMinutes: [240] })
})

test('without a recorded acceptance the manual assignment starts the cycle', () => {
	const order = anOrder()
		.offer('acme', { manual: true, at: '2026-11-02T10:00:00.000Z' })
		.deliver('acme', '2026-11-02T12:00:00.000Z')
	expect(countersOf([order])).toMatchObject({ deliveries: 1, cycleMinutes: [120] })
})

test('a delivery whose due time the history lacks counts as a delivery but not in the on-time rate', () => {
	const c = countersOf([anOrder({ neededBy: null }).offer('acme').accept('acme').deliver('acme', 60)])
	expect(c).toMatchObject({ deliveries: 1, deliveriesWithDueTime: 0, deliveriesOnTime: 0 })
	expect(metricsFromCounters(c).onTimeRate).toBeNull()
})

test('an edit of an unroutable order sets the due time and needs no acknowledgement', () => {
	const order = anOrder({ neededBy: '2026-11-03T09:00:00.000Z' })
		.event('change_requested', { data: { edit: true, after: { neededBy: '2026-11-10T09:00:00.000Z' } } })
		.offer('acme')
		.accept('acme')
		.acknowledgeChange('acme')
		.deliver('acme', '2026-11-08T09:00:00.000Z')
	expect(countersOf([order])).toMatchObject({ deliveriesOnTime: 1, changeAckMinutes: [] })
})

test('supplier-attributable exceptions before finishing count; the buyer’s own do not', () => {
	const breached = anOrder()
		.offer('acme')
		.accept('acme')
		.exception('deadline_breached', { at: '2026-11-06T17:00:00.000Z', supplierId: 'acme' })
		.deliver('acme', '2026-11-07T10:00:00.000Z')
		.close()
	const largeValue = anOrder().exception('large_value').offer('acme').accept('acme').deliver('acme').close()
	const c = countersOf([breached, largeValue])
	expect(c).toMatchObject({ finished: 2, finishedWithSupplierException: 1 })
	expect(metricsFromCounters(c).exceptionRate).toBe(0.5)
})

test('a dispute after closing does not reach back into the closed order', () => {
	const order = workedOrder().exception('dispute', { supplierId: 'acme' })
	expect(countersOf([order])).toMatchObject({ finished: 1, finishedWithSupplierException: 0 })
})

test('cancelled after acceptance is finished; cancelled before any acceptance is nobody’s', () => {
	const afterAcceptance = anOrder()
		.offer('acme')
		.accept('acme')
		.exception('dispute', { supplierId: 'acme' })
		.cancel()
	const beforeAcceptance = anOrder().offer('acme').cancel().withdraw('acme')
	const c = countersOf([afterAcceptance, beforeAcceptance])
	expect(c).toMatchObject({ finished: 1, finishedWithSupplierException: 1, closures: 0, offersResolved: 1 })
})

test('facts go to the period their outcome became known in, not the one the order started in', () => {
	const order = anOrder({ placedAt: '2026-10-31T22:00:00.000Z', neededBy: '2026-12-10T00:00:00.000Z' })
		.offer('acme', { at: '2026-10-31T23:30:00.000Z', expiresInMinutes: 120 })
		.accept('acme', '2026-11-01T00:10:00.000Z')
		.deliver('acme', '2026-11-30T23:59:59.999Z')
		.close('2026-12-01T00:00:00.000Z')
	expect(countersOf([order], scope('acme', 'standard', monthPeriod('2026-10')))).toEqual(emptyCounters())
	expect(countersOf([order])).toMatchObject({ offersResolved: 1, deliveries: 1, closures: 0, finished: 0 })
	expect(countersOf([order], scope('acme', 'standard', monthPeriod('2026-12')))).toMatchObject({
		offersResolved: 0,
		deliveries: 0,
		closures: 1,
		finished: 1,
	})
})

test('an event exactly at `to` belongs to the next period; one exactly at `from` to this one', () => {
	const atFrom = anOrder({ placedAt: '2026-10-31T23:00:00.000Z' })
		.offer('acme')
		.accept('acme', '2026-11-01T00:00:00.000Z')
	const atTo = anOrder().offer('acme').decline('acme', '2026-12-01T00:00:00.000Z')
	expect(countersOf([atFrom, atTo])).toMatchObject({ offersResolved: 1, offersAccepted: 1 })
	expect(countersOf([atTo], scope('acme', 'standard', monthPeriod('2026-12'))).offersResolved).toBe(1)
})

test('other suppliers’ and other classes’ orders stay out', () => {
	const bulk = anOrder({ orderClassId: 'bulk' }).offer('acme').accept('acme')
	const beacons = workedOrder(undefined, 'beacon')
	expect(countersOf([bulk, beacons])).toEqual(emptyCounters())
	expect(countersOf([bulk], scope('acme', 'bulk')).offersAccepted).toBe(1)
})

test('events are read in id order whatever order they arrive in', () => {
	const order = workedOrder().build()
	expect(factsOfOrder({ ...order, events: [...order.events].reverse() })).toEqual(factsOfOrder(order))
})

test('durations are whole minutes, rounded to the nearest, never negative', () => {
	const order = anOrder()
		.offer('acme', { at: '2026-11-02T10:00:00.000Z' })
		.accept('acme', '2026-11-02T10:00:00.000Z')
		.deliver('acme', '2026-11-02T11:29:29.999Z')
		.requestChange({ at: '2026-11-02T12:00:00.000Z', neededBy: '2026-11-09T00:00:00.000Z' })
		.acknowledgeChange('acme', '2026-11-02T11:59:00.000Z')
	expect(countersOf([order])).toMatchObject({ cycleMinutes: [89], changeAckMinutes: [0] })
})

test('a corrected kind counts nowhere for that supplier, however the history is read', () => {
	const history = workedOrder('2026-11-20T12:00:00.000Z').build()
	const corrected = { ...history, correctedFacts: [correctedFactKey('acme', 'delivery')] }
	expect(factsOfOrder(history).map((f) => f.kind)).toContain('delivery')
	expect(
		factsOfOrder(corrected)
			.map((f) => f.kind)
			.sort(),
	).toEqual(
		factsOfOrder(history)
			.map((f) => f.kind)
			.filter((k) => k !== 'delivery')
			.sort(),
	)
	// The rollups' increments leave it out too: the delivered event adds nothing once corrected.
	const events = [...history.events].sort((a, b) => a.id - b.id)
	const deliveredAt = events.findIndex((e) => e.type === 'delivered')
	const { events: _all, ...meta } = corrected
	const delta = deltaForNewEvents(
		events.slice(0, deliveredAt),
		events.slice(deliveredAt, deliveredAt + 1),
		meta,
	)
	expect(delta.every((d) => d.counters.deliveries === 0)).toBe(true)
	// Another supplier's correction changes nothing for this one.
	const elsewhere = { ...history, correctedFacts: [correctedFactKey('beacon', 'delivery')] }
	expect(factsOfOrder(elsewhere)).toEqual(factsOfOrder(history))
})
