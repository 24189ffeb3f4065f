import fc from 'fast-check'
import { expect, test } from 'vitest'
import {
	countersByGroupAndDay,
	countersFromHistories,
	countersFromRollups,
	type DayCounters,
	deltaForNewEvents,
	type OrderHistory,
	type ScorecardScope,
} from './order-history-facts.ts'
import { monthPeriod } from './periods.ts'
import { addCounters, type MetricCounters, sumCounters } from './scorecard-counters.ts'
import { metricsFromCounters } from './scorecard-metrics.ts'
import {
	anOrder,
	CLASSES,
	GENERATED_EPOCH,
	historiesArb,
	orderHistoryArb,
	SUPPLIERS,
} from './test-histories.ts'

const HOUR = 3_600_000
// The generated histories start within 100 days of the epoch and run on for up to 72 h a step.
const hourArb = fc.integer({ min: 0, max: 24 * 200 })
const at = (hour: number) => new Date(GENERATED_EPOCH + hour * HOUR)

const scopeArb = fc.record({
	supplierId: fc.constantFrom(...SUPPLIERS),
	orderClassId: fc.constantFrom(...CLASSES),
	bounds: fc.tuple(hourArb, hourArb).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
})
type GeneratedScope = { supplierId: string; orderClassId: string; bounds: readonly [number, number] }
const toScope = ({ supplierId, orderClassId, bounds }: GeneratedScope): ScorecardScope => ({
	supplierId,
	orderClassId,
	from: at(bounds[0]),
	to: at(bounds[1]),
})

const keyOf = (row: Pick<DayCounters, 'day' | 'supplierId' | 'orderClassId'>) =>
	`${row.day}|${row.supplierId}|${row.orderClassId}`

function byKey(rows: Iterable<DayCounters>): Map<string, MetricCounters> {
	const grouped = new Map<string, MetricCounters[]>()
	for (const row of rows) grouped.set(keyOf(row), [...(grouped.get(keyOf(row)) ?? []), row.counters])
	return new Map([...grouped].map(([key, all]) => [key, sumCounters(all)]))
}

test('every rate stays in [0, 1] and every duration is non-negative', () => {
	fc.assert(
		fc.property(historiesArb, scopeArb, (histories, scope) => {
			const metrics = metricsFromCounters(countersFromHistories(histories, toScope(scope)).counters)
			for (const key of [
				'responseRate',
				'acceptanceRate',
				'onTimeRate',
				'qualityRate',
				'exceptionRate',
			] as const) {
				const value = metrics[key]
				expect(value === null || (value >= 0 && value <= 1), key).toBe(true)
			}
			for (const key of ['cycleMedianMinutes', 'cycleP90Minutes', 'changeAckMedianMinutes'] as const) {
				expect(metrics[key] ?? 0).toBeGreaterThanOrEqual(0)
			}
		}),
	)
})

test('the numerators never exceed their denominators and the evidence matches the counters', () => {
	fc.assert(
		fc.property(historiesArb, scopeArb, (histories, scope) => {
			const { counters: c, evidence: e } = countersFromHistories(histories, toScope(scope))
			expect(c.offersAnsweredInTime).toBeLessThanOrEqual(c.offersResolved)
			expect(c.offersAccepted).toBeLessThanOrEqual(c.offersResolved)
			expect(c.deliveriesOnTime).toBeLessThanOrEqual(c.deliveriesWithDueTime)
			expect(c.deliveriesWithDueTime).toBeLessThanOrEqual(c.deliveries)
			expect(c.closuresWithoutRework).toBeLessThanOrEqual(c.closures)
			expect(c.closures).toBeLessThanOrEqual(c.finished)
			expect([e.responseRate.numerator.length, e.responseRate.denominator.length]).toEqual([
				c.offersAnsweredInTime,
				c.offersResolved,
			])
			expect(e.acceptanceRate.numerator).toHaveLength(c.offersAccepted)
			expect([e.onTimeRate.numerator.length, e.onTimeRate.denominator.length]).toEqual([
				c.deliveriesOnTime,
				c.deliveriesWithDueTime,
			])
			expect([e.qualityRate.numerator.length, e.qualityRate.denominator.length]).toEqual([
				c.closuresWithoutRework,
				c.closures,
			])
			expect([e.exceptionRate.numerator.length, e.exceptionRate.denominator.length]).toEqual([
				c.finishedWithSupplierException,
				c.finished,
			])
			expect(e.cycleMinutes.map((i) => i.minutes).sort((a, b) => a - b)).toEqual(c.cycleMinutes)
			expect(e.changeAckMinutes.map((i) => i.minutes).sort((a, b) => a - b)).toEqual(c.changeAckMinutes)
		}),
	)
})

test('adding an on-time delivery never lowers the on-time rate', () => {
	fc.assert(
		fc.property(historiesArb, fc.integer({ min: 24, max: 24 * 90 }), (histories, hour) => {
			const scope = { supplierId: 'acme', orderClassId: 'standard', from: at(0), to: at(24 * 200) }
			const before = metricsFromCounters(countersFromHistories(histories, scope).counters).onTimeRate
			const placedAt = at(hour).toISOString()
			const onTime = anOrder({ placedAt, neededBy: at(hour + 48).toISOString() })
				.offer('acme')
				.accept('acme')
				.deliver('acme', 60)
				.build()
			const after = metricsFromCounters(
				countersFromHistories([...histories, onTime], scope).counters,
			).onTimeRate
			expect(after).not.toBeNull()
			expect(after!).toBeGreaterThanOrEqual(before ?? 0)
		}),
	)
})

test('the counters of two adjoining ranges add up to the counters of their union', () => {
	fc.assert(
		fc.property(historiesArb, scopeArb, hourArb, (histories, scope, cut) => {
			const whole = toScope(scope)
			const mid = at(Math.min(Math.max(cut, scope.bounds[0]), scope.bounds[1]))
			const left = countersFromHistories(histories, { ...whole, to: mid }).counters
			const right = countersFromHistories(histories, { ...whole, from: mid }).counters
			expect(addCounters(left, right)).toEqual(countersFromHistories(histories, whole).counters)
		}),
	)
})

test('a month read from the daily rollups equals the month recomputed from the events', () => {
	fc.assert(
		fc.property(
			historiesArb,
			scopeArb,
			fc.constantFrom('2026-10', '2026-11', '2026-12'),
			(histories, s, month) => {
				const scope = { supplierId: s.supplierId, orderClassId: s.orderClassId, ...monthPeriod(month) }
				expect(countersFromRollups(countersByGroupAndDay(histories), scope)).toEqual(
					countersFromHistories(histories, scope).counters,
				)
			},
		),
	)
})

/** An order's events in id order, cut into consecutive batches at the given points. */
function batchesOf(history: OrderHistory, cuts: number[]) {
	const events = [...history.events].sort((a, b) => a.id - b.id)
	const points = [...new Set(cuts.map((c) => c % (events.length + 1)))].sort((a, b) => a - b)
	return [...points, events.length].map((end, i) => events.slice(i === 0 ? 0 : points[i - 1], end))
}

test('incremental deltas over any split of a history sum to the from-scratch rollup', () => {
	fc.assert(
		fc.property(
			fc.array(fc.tuple(orderHistoryArb, fc.array(fc.nat(), { maxLength: 5 })), { maxLength: 6 }),
			(orders) => {
				const deltas: DayCounters[] = []
				for (const [history, cuts] of orders) {
					const seen: OrderHistory['events'] = []
					for (const batch of batchesOf(history, cuts)) {
						deltas.push(...deltaForNewEvents(seen, batch, history))
						seen.push(...batch)
					}
				}
				const fromScratch = byKey(countersByGroupAndDay(orders.map(([history]) => history)))
				expect(byKey(deltas)).toEqual(fromScratch)
			},
		),
	)
})

test('the increment of new events is counters(history + new) − counters(history)', () => {
	fc.assert(
		fc.property(orderHistoryArb, fc.nat(), (history, cut) => {
			const [before, after] = batchesOf(history, [cut])
			const withBefore = { ...history, events: before! }
			const delta = byKey(deltaForNewEvents(before!, after ?? [], history))
			const old = byKey(countersByGroupAndDay([withBefore]))
			const all = byKey(countersByGroupAndDay([history]))
			for (const key of new Set([...old.keys(), ...delta.keys()])) {
				const sum = addCounters(old.get(key) ?? sumCounters([]), delta.get(key) ?? sumCounters([]))
				expect(sum, key).toEqual(all.get(key))
			}
			expect([...all.keys()].every((key) => old.has(key) || delta.has(key))).toBe(true)
		}),
	)
})
