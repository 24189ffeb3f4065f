import fc from 'fast-check'
import { expect, test } from 'vitest'
import {
	addCounters,
	COUNT_KEYS,
	emptyCounters,
	isEmptyCounters,
	type MetricCounters,
	sumCounters,
} from './scorecard-counters.ts'

const minutes = fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 6 })
const countersArb: fc.Arbitrary<MetricCounters> = fc
	.record({
		counts: fc.array(fc.nat(50), { minLength: COUNT_KEYS.length, maxLength: COUNT_KEYS.length }),
		cycleMinutes: minutes,
		changeAckMinutes: minutes,
	})
	.map(({ counts, cycleMinutes, changeAckMinutes }) => {
		const c = emptyCounters()
		COUNT_KEYS.forEach((key, i) => (c[key] = counts[i]!))
		return { ...c, cycleMinutes, changeAckMinutes }
	})

test('empty counters are empty and add nothing', () => {
	const some = { ...emptyCounters(), deliveries: 2, cycleMinutes: [30, 10] }
	expect(isEmptyCounters(emptyCounters())).toBe(true)
	expect(isEmptyCounters(some)).toBe(false)
	expect(isEmptyCounters({ ...emptyCounters(), changeAckMinutes: [0] })).toBe(false)
	expect(addCounters(emptyCounters(), some)).toEqual({ ...some, cycleMinutes: [10, 30] })
})

test('counts add up and minute lists merge in ascending order', () => {
	const a = { ...emptyCounters(), offersResolved: 3, offersAccepted: 1, cycleMinutes: [5, 50] }
	const b = { ...emptyCounters(), offersResolved: 2, closures: 1, cycleMinutes: [20], changeAckMinutes: [7] }
	expect(addCounters(a, b)).toEqual({
		...emptyCounters(),
		offersResolved: 5,
		offersAccepted: 1,
		closures: 1,
		cycleMinutes: [5, 20, 50],
		changeAckMinutes: [7],
	})
})

test('adding does not change its arguments', () => {
	const a = { ...emptyCounters(), cycleMinutes: [9, 1] }
	addCounters(a, a)
	expect(a.cycleMinutes).toEqual([9, 1])
})

test('addCounters is commutative and associative, and sumCounters is the same fold', () => {
	fc.assert(
		fc.property(countersArb, countersArb, countersArb, (a, b, c) => {
			expect(addCounters(a, b)).toEqual(addCounters(b, a))
			expect(addCounters(addCounters(a, b), c)).toEqual(addCounters(a, addCounters(b, c)))
			expect(sumCounters([a, b, c])).toEqual(addCounters(addCounters(a, b), c))
		}),
	)
})
