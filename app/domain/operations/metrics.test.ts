import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { computeFigures, computeWeeklyTrend, factsOfClass, type OperationsFacts } from './metrics.ts'
import { dayRange } from './window.ts'

const A = 'class-a'
const B = 'class-b'
// Monday 2026-03-02 to Sunday 2026-03-15: two whole ISO weeks.
const WINDOW = dayRange('2026-03-02', '2026-03-15')
const NOW = new Date('2026-03-15T12:00:00Z')
const at = (text: string) => new Date(`${text}Z`)
const EMPTY: OperationsFacts = {
	closed: [],
	placed: [],
	offers: [],
	changes: [],
	cancellations: [],
	open: [],
}

const FACTS: OperationsFacts = {
	closed: [
		{ orderClassId: A, placedAt: at('2026-03-01T00:00'), closedAt: at('2026-03-03T00:00'), hadRework: false },
		{ orderClassId: A, placedAt: at('2026-03-02T00:00'), closedAt: at('2026-03-03T00:00'), hadRework: true },
		{ orderClassId: B, placedAt: at('2026-03-08T00:00'), closedAt: at('2026-03-12T00:00'), hadRework: false },
		// Outside the window: ignored.
		{ orderClassId: B, placedAt: at('2026-02-01T00:00'), closedAt: at('2026-03-01T23:59'), hadRework: true },
	],
	placed: [
		{ orderClassId: A, placedAt: at('2026-03-02T00:00'), hadException: true },
		{ orderClassId: A, placedAt: at('2026-03-10T00:00'), hadException: false },
		{ orderClassId: B, placedAt: at('2026-03-11T00:00'), hadException: false },
		{ orderClassId: B, placedAt: at('2026-03-15T23:59'), hadException: false },
	],
	offers: [
		{ orderClassId: A, offeredAt: at('2026-03-02T01:00'), acceptedOnTime: true },
		{ orderClassId: A, offeredAt: at('2026-03-10T01:00'), acceptedOnTime: false },
		{ orderClassId: B, offeredAt: at('2026-03-16T00:00'), acceptedOnTime: true },
	],
	changes: [
		{ orderClassId: A, requestedAt: at('2026-03-04T10:00'), acknowledgedAt: at('2026-03-04T10:30') },
		{ orderClassId: B, requestedAt: at('2026-03-04T10:00'), acknowledgedAt: at('2026-03-04T11:30') },
	],
	cancellations: [{ orderClassId: B, placedAt: at('2026-03-09T00:00'), cancelledAt: at('2026-03-09T06:00') }],
	open: [
		{ orderClassId: A, submittedAt: at('2026-03-15T06:00') },
		{ orderClassId: B, submittedAt: at('2026-02-01T00:00') },
	],
}

describe('computeFigures', () => {
	test('each figure over the facts of the window, with its denominator', () => {
		const f = computeFigures(FACTS, WINDOW, NOW)
		// Cycle times 2880, 1440 and 5760 minutes.
		expect(f.cycleTime).toEqual({ count: 3, median: 2880, p90: 5760 })
		expect(f.reworkRate).toEqual({ numerator: 1, denominator: 3, value: 1 / 3 })
		expect(f.exceptionRate).toEqual({ numerator: 1, denominator: 4, value: 0.25 })
		expect(f.onTimeRelease).toEqual({ numerator: 1, denominator: 2, value: 0.5 })
		expect(f.changeHandling).toEqual({ count: 2, median: 60, p90: 90 })
		expect(f.cancellationHandling).toEqual({ count: 1, median: 360, p90: 360 })
		expect(f.backlog.total).toBe(2)
		expect(f.backlog.buckets.map((b) => b.count)).toEqual([1, 0, 0, 0, 1])
	})

	test('nothing in the window: no values, zero denominators', () => {
		const f = computeFigures(EMPTY, WINDOW, NOW)
		expect(f.cycleTime).toEqual({ count: 0, median: null, p90: null })
		expect(f.reworkRate.value).toBeNull()
		expect(f.onTimeRelease).toEqual({ numerator: 0, denominator: 0, value: null })
		expect(f.backlog.total).toBe(0)
	})

	test('per class: the facts of that class only', () => {
		const a = computeFigures(factsOfClass(FACTS, A), WINDOW, NOW)
		expect(a.cycleTime.count).toBe(2)
		expect(a.exceptionRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 })
		expect(a.backlog.total).toBe(1)
		expect(computeFigures(factsOfClass(FACTS, 'none'), WINDOW, NOW).cycleTime.count).toBe(0)
	})

	test('rates stay within [0, 1] and the classes add up to the whole', () => {
		const instant = fc.date({ min: new Date('2026-02-20'), max: new Date('2026-03-25'), noInvalidDate: true })
		const cls = fc.constantFrom(A, B)
		const facts = fc.record({
			closed: fc.array(
				fc.record({ orderClassId: cls, placedAt: instant, closedAt: instant, hadRework: fc.boolean() }),
			),
			placed: fc.array(fc.record({ orderClassId: cls, placedAt: instant, hadException: fc.boolean() })),
			offers: fc.array(fc.record({ orderClassId: cls, offeredAt: instant, acceptedOnTime: fc.boolean() })),
			changes: fc.constant([]),
			cancellations: fc.constant([]),
			open: fc.array(fc.record({ orderClassId: cls, submittedAt: instant })),
		})
		fc.assert(
			fc.property(facts, (all) => {
				const whole = computeFigures(all, WINDOW, NOW)
				const parts = [A, B].map((c) => computeFigures(factsOfClass(all, c), WINDOW, NOW))
				for (const r of [whole.reworkRate, whole.exceptionRate, whole.onTimeRelease]) {
					if (r.value !== null) {
						expect(r.value).toBeGreaterThanOrEqual(0)
						expect(r.value).toBeLessThanOrEqual(1)
					}
				}
				expect(parts[0]!.exceptionRate.numerator + parts[1]!.exceptionRate.numerator).toBe(
					whole.exceptionRate.numerator,
				)
				expect(parts[0]!.cycleTime.count + parts[1]!.cycleTime.count).toBe(whole.cycleTime.count)
				expect(parts[0]!.backlog.total + parts[1]!.backlog.total).toBe(whole.backlog.total)
			}),
		)
	})
})

describe('computeWeeklyTrend', () => {
	test('one entry per ISO week; closed orders by closing week, placed orders by placing week', () => {
		const weeks = computeWeeklyTrend(FACTS, WINDOW)
		expect(weeks.map((w) => w.key)).toEqual(['2026-W10', '2026-W11'])
		expect(weeks[0]!.cycleTime).toEqual({ count: 2, median: 2160, p90: 2880 })
		expect(weeks[0]!.reworkRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 })
		expect(weeks[0]!.exceptionRate).toEqual({ numerator: 1, denominator: 1, value: 1 })
		expect(weeks[1]!.cycleTime).toEqual({ count: 1, median: 5760, p90: 5760 })
		expect(weeks[1]!.exceptionRate).toEqual({ numerator: 0, denominator: 3, value: 0 })
	})

	test('the weeks together count what the window counts', () => {
		const weeks = computeWeeklyTrend(FACTS, WINDOW)
		const whole = computeFigures(FACTS, WINDOW, NOW)
		expect(weeks.reduce((n, w) => n + w.cycleTime.count, 0)).toBe(whole.cycleTime.count)
		expect(weeks.reduce((n, w) => n + w.exceptionRate.denominator, 0)).toBe(whole.exceptionRate.denominator)
	})
})
