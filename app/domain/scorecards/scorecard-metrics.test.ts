import { expect, test } from 'vitest'
import { emptyCounters, type MetricCounters } from './scorecard-counters.ts'
import { metricsFromCounters, nearestRank, orderCountOf } from './scorecard-metrics.ts'

const counters = (partial: Partial<MetricCounters>): MetricCounters => ({ ...emptyCounters(), ...partial })

test('each rate is its numerator over its denominator', () => {
	const metrics = metricsFromCounters(
		counters({
			offersResolved: 8,
			offersAnsweredInTime: 6,
			offersAccepted: 4,
			deliveries: 5,
			deliveriesWithDueTime: 4,
			deliveriesOnTime: 3,
			closures: 4,
			closuresWithoutRework: 3,
			finished: 5,
			finishedWithSupplierException: 1,
		}),
	)
	expect(metrics).toMatchObject({
		responseRate: 0.75,
		acceptanceRate: 0.5,
		onTimeRate: 0.75,
		qualityRate: 0.75,
		exceptionRate: 0.2,
	})
})

test('a rate with nothing to count is null, not 0', () => {
	const metrics = metricsFromCounters(counters({ offersResolved: 2, offersAccepted: 0 }))
	expect(metrics).toMatchObject({
		acceptanceRate: 0,
		onTimeRate: null,
		qualityRate: null,
		exceptionRate: null,
	})
	expect(metrics.cycleMedianMinutes).toBeNull()
})

test('a rollup row with more on time than delivered cannot push a rate above 1', () => {
	expect(metricsFromCounters(counters({ deliveriesWithDueTime: 1, deliveriesOnTime: 2 })).onTimeRate).toBe(1)
})

test('nearest-rank percentiles are always one of the values', () => {
	expect(nearestRank([], 0.5)).toBeNull()
	expect(nearestRank([42], 0.5)).toBe(42)
	expect(nearestRank([42], 0.9)).toBe(42)
	// Even count: the lower middle value, not the mean of the two.
	expect(nearestRank([10, 20, 30, 40], 0.5)).toBe(20)
	expect(nearestRank([10, 20, 30], 0.5)).toBe(20)
	const tens = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
	expect(nearestRank(tens, 0.9)).toBe(9)
	expect(nearestRank([...tens, 11], 0.9)).toBe(10)
	expect(nearestRank(tens, 0)).toBe(1)
	expect(nearestRank(tens, 1)).toBe(10)
})

test('median and p90 of cycle and acknowledgement times, whatever order the lists are in', () => {
	const metrics = metricsFromCounters(
		counters({ cycleMinutes: [300, 60, 120, 600, 90], changeAckMinutes: [45, 15] }),
	)
	expect(metrics).toMatchObject({ cycleMedianMinutes: 120, cycleP90Minutes: 600, changeAckMedianMinutes: 15 })
})

test('the order count is the best-supported per-order denominator', () => {
	expect(orderCountOf(emptyCounters())).toBe(0)
	expect(orderCountOf(counters({ offersResolved: 3, deliveries: 6, finished: 4, closures: 4 }))).toBe(6)
	expect(orderCountOf(counters({ offersResolved: 7, deliveries: 2 }))).toBe(7)
})
