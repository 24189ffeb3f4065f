import { expect, test } from 'vitest'
import {
	countersByGroupAndDay,
	countersFromHistories,
	countersFromRollups,
	deltaForNewEvents,
} from './order-history-facts.ts'
import { monthPeriod } from './periods.ts'
import { emptyCounters } from './scorecard-counters.ts'
import { anOrder } from './test-histories.ts'

const NOV = monthPeriod('2026-11')
const acmeNov = { supplierId: 'acme', orderClassId: 'standard', ...NOV }

test('evidence names the orders and events behind each number', () => {
	const order = anOrder().offer('acme', { expiresInMinutes: 30 })
	const offeredId = order.lastId
	order.accept('acme', 45)
	const acceptedId = order.lastId
	order.deliver('acme', '2026-11-07T09:00:00.000Z')
	const deliveredId = order.lastId
	order.rework(60).deliver('acme', 60).close(60)
	const closedId = order.lastId
	const placedId = order.events[0]!.id

	const { counters, evidence } = countersFromHistories([order.build()], acmeNov)

	expect(evidence.responseRate.numerator).toEqual([])
	expect(evidence.responseRate.denominator).toEqual([
		{
			orderId: order.meta.orderId,
			orderNumber: order.meta.orderNumber,
			eventIds: [offeredId, acceptedId],
			at: order.events.find((e) => e.id === acceptedId)!.occurredAt,
			detail: 'Offer accepted (after the deadline; deadline 2026-11-02 09:40 UTC)',
		},
	])
	expect(evidence.acceptanceRate.numerator).toHaveLength(1)
	expect(evidence.onTimeRate.denominator[0]).toMatchObject({
		eventIds: [placedId, acceptedId, deliveredId],
		detail: 'First delivery (late, due 2026-11-06 17:00 UTC; 7,145 min after acceptance)',
	})
	expect(evidence.onTimeRate.numerator).toEqual([])
	expect(evidence.cycleMinutes).toEqual([expect.objectContaining({ minutes: counters.cycleMinutes[0] })])
	expect(evidence.qualityRate.denominator).toEqual([
		expect.objectContaining({ detail: 'Closed after 1 rework request(s)' }),
	])
	expect(evidence.qualityRate.denominator[0]!.eventIds.at(-1)).toBe(closedId)
	expect(evidence.exceptionRate.denominator).toHaveLength(1)
})

test('evidence lists come in time order', () => {
	const later = anOrder({ placedAt: '2026-11-20T09:00:00.000Z' }).offer('acme').decline('acme')
	const earlier = anOrder({ placedAt: '2026-11-03T09:00:00.000Z' }).offer('acme').decline('acme')
	const { evidence } = countersFromHistories([later.build(), earlier.build()], acmeNov)
	expect(evidence.responseRate.denominator.map((e) => e.orderId)).toEqual([
		earlier.meta.orderId,
		later.meta.orderId,
	])
})

test('the daily rollup keys each fact by supplier, class and the UTC day it became known', () => {
	const order = anOrder({ placedAt: '2026-11-02T23:00:00.000Z' })
		.offer('acme', { at: 30, expiresInMinutes: 120 })
		.accept('acme', 45)
		.deliver('acme', '2026-11-03T10:00:00.000Z')
	const bulk = anOrder({ orderClassId: 'bulk' }).offer('beacon').decline('beacon')
	const rows = countersByGroupAndDay([order.build(), bulk.build()])
	expect(rows.map((r) => [r.day, r.supplierId, r.orderClassId])).toEqual([
		['2026-11-02', 'beacon', 'bulk'],
		['2026-11-03', 'acme', 'standard'],
	])
	expect(rows[1]!.counters).toMatchObject({ offersResolved: 1, offersAccepted: 1, deliveries: 1 })
})

test('a month read from the rollups equals the month recomputed from the events', () => {
	const orders = [
		anOrder({ placedAt: '2026-10-31T20:00:00.000Z' })
			.offer('acme')
			.accept('acme', '2026-11-01T00:00:00.000Z'),
		anOrder().offer('acme').accept('acme').deliver('acme').close(),
		anOrder().offer('acme').decline('acme', '2026-12-01T00:00:00.000Z'),
	].map((o) => o.build())
	const fromRollups = countersFromRollups(countersByGroupAndDay(orders), acmeNov)
	expect(fromRollups).toEqual(countersFromHistories(orders, acmeNov).counters)
	expect(fromRollups.offersResolved).toBe(2)
})

test('rollups cannot answer for part of a day', () => {
	expect(() => countersFromRollups([], { ...acmeNov, from: new Date('2026-11-01T06:00:00.000Z') })).toThrow(
		/UTC midnight/,
	)
})

test('new events add exactly what they complete, given the earlier history', () => {
	const order = anOrder().offer('acme').accept('acme', 20).deliver('acme', 600)
	const before = order.events.slice(0, 3)
	const delta = deltaForNewEvents(before, order.events.slice(3), order.meta)
	expect(delta).toEqual([
		{
			supplierId: 'acme',
			orderClassId: 'standard',
			day: '2026-11-02',
			counters: {
				...emptyCounters(),
				deliveries: 1,
				deliveriesWithDueTime: 1,
				deliveriesOnTime: 1,
				cycleMinutes: [600],
			},
		},
	])
	expect(deltaForNewEvents(order.events, [], order.meta)).toEqual([])
})

test('a redelivery adds nothing', () => {
	const order = anOrder().offer('acme').accept('acme').deliver('acme').rework()
	const before = [...order.events]
	order.deliver('acme')
	expect(deltaForNewEvents(before, order.events.slice(before.length), order.meta)).toEqual([])
})

test('new events that are not after the history are refused', () => {
	const order = anOrder().offer('acme').accept('acme')
	expect(() => deltaForNewEvents(order.events.slice(1), order.events.slice(0, 1), order.meta)).toThrow(
		/not after the history/,
	)
})
