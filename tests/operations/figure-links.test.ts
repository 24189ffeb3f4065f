import { describe, expect, test } from 'vitest'
import { operationsLinks } from '#app/components/operations/order-links.ts'
import { BACKLOG_BUCKETS } from '#app/domain/operations/backlog.ts'
import { getOperationsDashboard } from '#app/models/operations/get-operations-dashboard.server.ts'
import { loader as ordersLoader } from '#app/routes/buyer+/orders._index.tsx'
import { orderListHref } from '#app/schemas/order-list-filters.ts'
import { createBuyer } from '#tests/orders/fixtures.ts'
import { buildKnownHistory, createWorld, NOW, numbers, ordersBehind } from './history.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'

describe('every figure links to an order list of exactly the orders behind it', () => {
	test('period figures: closed, rework, placed, exceptions, offers, changes, cancellations', async () => {
		const w = await createWorld()
		const h = await buildKnownHistory(w)
		const d = await getOperationsDashboard(w.db, { days: 30, orderClassId: w.cls.id, now: NOW })
		const links = operationsLinks(d.window, w.cls.id)

		expect(await ordersBehind(w.db, links.closed)).toEqual(numbers(h.o1, h.o2, h.o3))
		expect(await ordersBehind(w.db, links.reworked)).toEqual(numbers(h.o2, h.o3))
		expect(await ordersBehind(w.db, links.placed)).toEqual(
			numbers(h.o1, h.o2, h.o6, h.o7, h.o8, h.o9, h.o10, h.o12),
		)
		expect(await ordersBehind(w.db, links.withException)).toEqual(numbers(h.o1, h.o6))
		expect(await ordersBehind(w.db, links.offered)).toEqual(numbers(h.o1, h.o2, h.o7, h.o8))
		expect(await ordersBehind(w.db, links.releasedOnTime)).toEqual(numbers(h.o1, h.o8))
		expect(await ordersBehind(w.db, links.changes)).toEqual(numbers(h.o7, h.o8, h.o12))
		expect(await ordersBehind(w.db, links.cancelled)).toEqual(numbers(h.o9, h.o13))

		// The counts on the page match the lists.
		expect(d.figures.cycleTime.count).toBe(3)
		expect(d.figures.reworkRate.numerator).toBe(2)
		expect(d.figures.exceptionRate).toMatchObject({ numerator: 2, denominator: 8 })
		expect(d.figures.changeHandling.count).toBe(3)
		expect(d.figures.cancellationHandling.count).toBe(2)
	})

	test('backlog buckets and all open orders, as of now', async () => {
		const w = await createWorld()
		const h = await buildKnownHistory(w)
		const links = operationsLinks({ fromDay: '2031-05-20', toDay: '2031-06-18' }, w.cls.id)
		const expected = [[h.o6], [h.o7], [h.o12], [h.o8], [h.o11]]
		for (const [i, bucket] of BACKLOG_BUCKETS.entries()) {
			expect({ bucket: bucket.key, orders: await ordersBehind(w.db, links.backlog(bucket)) }).toEqual({
				bucket: bucket.key,
				orders: numbers(...expected[i]!),
			})
		}
		expect(await ordersBehind(w.db, links.open)).toEqual(numbers(h.o6, h.o7, h.o8, h.o11, h.o12))
	})

	test('weekly bars: the orders closed, and the orders placed with an exception, in that week', async () => {
		const w = await createWorld()
		const h = await buildKnownHistory(w)
		const week = { orderClassId: w.cls.id, closedFrom: '2031-06-09', closedTo: '2031-06-15' }
		expect(await ordersBehind(w.db, orderListHref(week))).toEqual(numbers(h.o1, h.o2))
		expect(
			await ordersBehind(
				w.db,
				orderListHref({
					orderClassId: w.cls.id,
					placedFrom: '2031-06-16',
					placedTo: '2031-06-18',
					hadException: true,
				}),
			),
		).toEqual(numbers(h.o6))
	})

	test('the extra filters combine with the existing ones', async () => {
		const w = await createWorld()
		const h = await buildKnownHistory(w)
		const placed = { orderClassId: w.cls.id, placedFrom: '2031-05-20', placedTo: '2031-06-18' }
		expect(await ordersBehind(w.db, orderListHref({ ...placed, status: 'cancelled' }))).toEqual(numbers(h.o9))
		expect(await ordersBehind(w.db, orderListHref({ orderClassId: w.cls.id, hadRework: true }))).toEqual(
			numbers(h.o2, h.o3, h.o5),
		)
	})

	test('through the order list route: the link lists the orders and shows the filters as chips', async () => {
		const w = await createWorld()
		const h = await buildKnownHistory(w)
		const cookie = await sessionCookieFor((await createBuyer(w.db)).id)
		const links = operationsLinks({ fromDay: '2031-05-20', toDay: '2031-06-18' }, w.cls.id)
		const page = await callRoute(ordersLoader, buildRequest(links.reworked, { cookie }))
		expect(page.status).toBe(200)
		const data = page.data as {
			rows: { number: string }[]
			total: number
			operations: { active: { label: string; params: string[] }[]; ignored: string[]; carried: string[][] }
		}
		expect(data.rows.map((r) => r.number).sort()).toEqual(numbers(h.o2, h.o3))
		expect(data.operations.active).toEqual([
			{ label: 'Closed 2031-05-20 to 2031-06-18 (UTC)', params: ['closedFrom', 'closedTo'] },
			{ label: 'Had a rework request', params: ['hadRework'] },
		])
		expect(data.operations.carried).toEqual([
			['closedFrom', '2031-05-20'],
			['closedTo', '2031-06-18'],
			['hadRework', '1'],
		])

		const garbled = await callRoute(
			ordersLoader,
			buildRequest(
				`/buyer/orders?orderClassId=${w.cls.id}&closedFrom=last-week&openAgeMin=-3&hadRework=yes`,
				{
					cookie,
				},
			),
		)
		expect(garbled.status).toBe(200)
		const g = garbled.data as { total: number; operations: { active: unknown[]; ignored: string[] } }
		// Unreadable filters are dropped (with a note), so the class's 13 orders are listed.
		expect(g.operations.ignored).toEqual(['closedFrom', 'hadRework', 'openAgeMin'])
		expect(g.operations.active).toEqual([])
		expect(g.total).toBe(13)
	})
})
