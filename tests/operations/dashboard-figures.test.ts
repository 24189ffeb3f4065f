import { describe, expect, test } from 'vitest'
import { getOperationsDashboard } from '#app/models/operations/get-operations-dashboard.server.ts'
import { buildKnownHistory, createWorld, DAY, historyOrder, NOW } from './history.ts'

describe('operations figures of one class over a hand-made history', () => {
	test('each figure counts exactly the orders its definition names, with its denominator', async () => {
		const w = await createWorld()
		await buildKnownHistory(w)
		const d = await getOperationsDashboard(w.db, { days: 30, orderClassId: w.cls.id, now: NOW })

		expect(d.window).toMatchObject({ fromDay: '2031-05-20', toDay: '2031-06-18' })
		expect(d.orderClass).toEqual({ id: w.cls.id, name: w.cls.name })
		expect(d.unknownClass).toBe(false)
		const f = d.figures
		expect(f.cycleTime).toEqual({ count: 3, median: 15 * 1440, p90: 38 * 1440 })
		expect(f.reworkRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 })
		expect(f.exceptionRate).toEqual({ numerator: 2, denominator: 8, value: 0.25 })
		expect(f.onTimeRelease).toEqual({ numerator: 2, denominator: 5, value: 0.4 })
		expect(f.changeHandling).toEqual({ count: 3, median: 45, p90: 120 })
		expect(f.cancellationHandling).toEqual({ count: 2, median: (90 + 49 * 1440) / 2, p90: 49 * 1440 })
		expect(f.backlog.total).toBe(5)
		expect(f.backlog.buckets.map((b) => [b.key, b.count])).toEqual([
			['under-1d', 1],
			['1-3d', 1],
			['3-7d', 1],
			['1-4w', 1],
			['over-4w', 1],
		])
		// One class: no per-class table; the class's coverage column only.
		expect(d.byClass).toEqual([])
		expect(d.coverage.gaps.every((g) => g.orderClassId === w.cls.id)).toBe(true)
	})

	test('the weekly trend: ISO weeks of the window, the first and last cut to it', async () => {
		const w = await createWorld()
		await buildKnownHistory(w)
		const { trend } = await getOperationsDashboard(w.db, { days: 30, orderClassId: w.cls.id, now: NOW })
		expect(trend.map((t) => [t.key, t.fromDay, t.toDay, t.partial])).toEqual([
			['2031-W21', '2031-05-20', '2031-05-25', true],
			['2031-W22', '2031-05-26', '2031-06-01', false],
			['2031-W23', '2031-06-02', '2031-06-08', false],
			['2031-W24', '2031-06-09', '2031-06-15', false],
			['2031-W25', '2031-06-16', '2031-06-18', true],
		])
		const byKey = Object.fromEntries(trend.map((t) => [t.key, t]))
		// o1 (2 days) and o2 (15 days) closed in W24, o3 (38 days) in W25.
		expect(byKey['2031-W24']!.cycleTime).toEqual({ count: 2, median: 8.5 * 1440, p90: 15 * 1440 })
		expect(byKey['2031-W24']!.reworkRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 })
		expect(byKey['2031-W25']!.cycleTime).toEqual({ count: 1, median: 38 * 1440, p90: 38 * 1440 })
		expect(byKey['2031-W22']!.cycleTime).toEqual({ count: 0, median: null, p90: null })
		// Placed: o10 in W21; o2 in W22; o1 and o8 in W23; o12 and o9 in W24; o7 and o6 in W25.
		expect(trend.map((t) => t.exceptionRate.denominator)).toEqual([1, 1, 2, 2, 2])
		expect(trend.map((t) => t.exceptionRate.numerator)).toEqual([0, 0, 1, 0, 1])
	})

	test('90 days reach further back; the whole operation includes the class, with a row for it', async () => {
		const w = await createWorld()
		await buildKnownHistory(w)
		const ninety = await getOperationsDashboard(w.db, { days: 90, orderClassId: w.cls.id, now: NOW })
		// o5 (closed 35 days ago, with rework) now counts; o3, o11, o13, o14 are placed inside.
		expect(ninety.figures.cycleTime.count).toBe(4)
		expect(ninety.figures.reworkRate).toMatchObject({ numerator: 3, denominator: 4 })
		expect(ninety.figures.exceptionRate).toMatchObject({ numerator: 3, denominator: 13 })
		expect(ninety.figures.cancellationHandling.count).toBe(3)
		expect(ninety.trend.length).toBeGreaterThanOrEqual(13)

		const whole = await getOperationsDashboard(w.db, { days: 30, now: NOW })
		expect(whole.orderClass).toBeNull()
		const mine = whole.byClass.find((c) => c.orderClassId === w.cls.id)
		expect(mine?.figures.reworkRate).toEqual({ numerator: 2, denominator: 3, value: 2 / 3 })
		expect(whole.figures.cycleTime.count).toBeGreaterThanOrEqual(3)
		expect(whole.figures.backlog.total).toBeGreaterThanOrEqual(5)
	})

	test('an empty class has no values and zero denominators; an unknown class shows everything', async () => {
		const w = await createWorld()
		const empty = await getOperationsDashboard(w.db, { days: 30, orderClassId: w.cls.id, now: NOW })
		expect(empty.figures.cycleTime).toEqual({ count: 0, median: null, p90: null })
		expect(empty.figures.reworkRate).toEqual({ numerator: 0, denominator: 0, value: null })
		expect(empty.figures.onTimeRelease.value).toBeNull()
		expect(empty.figures.backlog.total).toBe(0)
		expect(empty.trend.every((t) => t.cycleTime.count === 0)).toBe(true)

		const unknown = await getOperationsDashboard(w.db, {
			days: 30,
			orderClassId: '00000000-0000-4000-8000-000000000000',
			now: NOW,
		})
		expect(unknown.unknownClass).toBe(true)
		expect(unknown.orderClass).toBeNull()
	})

	test('backlog age is measured from submission as of now, at the bucket edges', async () => {
		const w = await createWorld()
		for (const hours of [0, 23.9, 24, 71.9, 72, 168, 672]) {
			await historyOrder(w, { placedAgo: hours, status: 'accepted' })
		}
		await historyOrder(w, { placedAgo: 10 * DAY, status: 'closed', closedAgo: 1 })
		const { figures } = await getOperationsDashboard(w.db, { days: 30, orderClassId: w.cls.id, now: NOW })
		expect(figures.backlog.buckets.map((b) => b.count)).toEqual([2, 2, 1, 1, 1])
	})
})
