import { readdirSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { monthKeyOf } from '#app/domain/scorecards/periods.ts'
import { closeOrder } from '#app/models/order/buyer-work.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { deliverOrder, startWork } from '#app/models/order/supplier-work.server.ts'
import { publishMonth } from '#app/models/scorecard/publish.server.ts'
import { loader as orderLoader } from '#app/routes/audit+/orders.$orderId.tsx'
import { loader as supplierLoader } from '#app/routes/audit+/scorecards.$supplierId._index.tsx'
import { loader as evidenceCsvLoader } from '#app/routes/audit+/scorecards.$supplierId.evidence[.csv].tsx'
import { loader as evidenceLoader } from '#app/routes/audit+/scorecards.$supplierId.evidence.tsx'
import { loader as recomputeLoader } from '#app/routes/audit+/scorecards.$supplierId.recompute.tsx'
import { loader as listCsvLoader } from '#app/routes/audit+/scorecards[.csv].tsx'
import { loader as listLoader } from '#app/routes/audit+/scorecards._index.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	inHours,
	insertBindingTerm,
	offersOf,
	orderInput,
	versionOf,
} from '../orders/fixtures.ts'

// The pages offer the last 24 months before today, so the history happens last month.
const now = new Date()
const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 3, 9))
const lastMonth = monthKeyOf(monthStart)

/** Supplier Alder takes two orders last month: one delivered a day late, one on time; both closed. */
async function world() {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { ackDeadlineMinutes: 240 })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const alder = await createCapableSupplier(db, ids, { name: 'Alder Audit Evidence', term: null })
	// The fixtures' contracts start in 2030; this one must be in force last month.
	await insertBindingTerm(db, { supplierId: alder.supplier.id, ...ids, startsOn: '2020-01-01' })
	const buyer = await createBuyer(db)
	const call = { actor: alder.user, supplierId: alder.supplier.id }
	const numbers: Record<'late' | 'onTime', string> = { late: '', onTime: '' }
	const orderIds: string[] = []
	for (const [kind, start, deliveredAfter] of [
		['late', 0, 24 * 8],
		['onTime', 48, 24 * 3],
	] as const) {
		const at = (h: number) => inHours(start + h, monthStart)
		const placed = await placeOrder(db, {
			actor: buyer,
			input: orderInput(ids, { neededBy: at(24 * 7) }),
			now: at(0),
		})
		const orderId = placed.orderId
		orderIds.push(orderId)
		numbers[kind] = placed.number
		const offers = await offersOf(db, orderId)
		const offer = offers.find((o) => o.supplierId === alder.supplier.id)
		expect(offer, `Alder is offered the order (${JSON.stringify(placed)})`).toBeDefined()
		const v = () => versionOf(db, orderId)
		await respondToOffer(db, {
			...call,
			offerId: offer!.id,
			expectedVersion: await v(),
			response: 'accept',
			now: at(1),
		})
		await startWork(db, { ...call, orderId, expectedVersion: await v(), now: at(2) })
		await deliverOrder(db, {
			...call,
			orderId,
			expectedVersion: await v(),
			deliveredQuantity: 10,
			now: at(deliveredAfter),
		})
		await closeOrder(db, { actor: buyer, orderId, expectedVersion: await v(), now: at(deliveredAfter + 2) })
	}
	await publishMonth(db, { month: lastMonth, now })
	const auditor = await insertUser(db, { role: 'auditor' })
	return {
		cls,
		alder,
		numbers,
		orderIds,
		cookie: {
			auditor: await sessionCookieFor(auditor.id),
			buyer: await sessionCookieFor(buyer.id),
			alder: await sessionCookieFor(alder.user.id),
		},
	}
}

type W = Awaited<ReturnType<typeof world>>
type RouteFn = Parameters<typeof callRoute>[0]

/** A download as its bytes decode, BOM kept (Response.text() would drop it). */
async function download(fn: (args: never) => unknown, path: string, cookie: string, supplierId?: string) {
	const response = (await (fn as (args: object) => Promise<Response>)({
		request: buildRequest(path, { cookie }),
		params: { supplierId },
		context: {},
	})) as Response
	const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
	return { response, text }
}
const figure = (w: W, metric?: string) =>
	`class=${w.cls.id}&month=${lastMonth}${metric ? `&metric=${metric}` : ''}`

describe('the auditor’s scorecards', () => {
	test('list, supplier page, evidence, its CSV and the recompute all tell the same story', async () => {
		const w = await world()
		const get = (fn: RouteFn, path: string, supplierId = w.alder.supplier.id) =>
			callRoute(fn, buildRequest(path, { cookie: w.cookie.auditor }), { params: { supplierId } })

		const list = await get(listLoader, `/audit/scorecards?month=${lastMonth}&orderClassId=${w.cls.id}`)
		expect(list.status).toBe(200)
		const rows = (list.data as { rows: { supplierName: string; source: string; counters: object }[] }).rows
		expect(rows).toHaveLength(1)
		expect(rows[0]).toMatchObject({
			supplierName: 'Alder Audit Evidence',
			source: 'published',
			counters: { deliveriesWithDueTime: 2, deliveriesOnTime: 1 },
		})

		const csv = await download(
			listCsvLoader,
			`/audit/scorecards.csv?month=${lastMonth}&orderClassId=${w.cls.id}`,
			w.cookie.auditor,
		)
		expect(csv.response.headers.get('content-type')).toContain('text/csv')
		expect(csv.text).toMatch(/^\uFEFFsupplier,class,month,/)
		const alderLine = csv.text.split('\r\n')[1]!
		expect(alderLine).toMatch(/^Alder Audit Evidence,Class c-[^,]+,\d{4}-\d{2},published,2,/)
		// On-time: one of two deliveries; the score is empty below the policy's minimum of orders.
		expect(alderLine).toContain(',,insufficient data,')
		expect(alderLine).toContain(',0.5000,')

		const page = await get(supplierLoader, `/audit/scorecards/${w.alder.supplier.id}?month=${lastMonth}`)
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({
			supplier: { name: 'Alder Audit Evidence' },
			rows: [{ orderClassId: w.cls.id, source: 'published', metrics: { onTimeRate: 0.5 } }],
		})

		const evidence = await get(evidenceLoader, `/audit/scorecards/x/evidence?${figure(w, 'onTimeRate')}`)
		expect(evidence.status).toBe(200)
		const found = (
			evidence.data as { found: { rows: { orderNumber: string; counted: boolean; eventIds: number[] }[] } }
		).found
		// In time order: the on-time order was delivered on day 5, the late one on day 8.
		expect(found.rows.map((r) => [r.orderNumber, r.counted])).toEqual([
			[w.numbers.onTime, true],
			[w.numbers.late, false],
		])
		expect(found.rows.every((r) => r.eventIds.length > 0)).toBe(true)

		const evidenceCsv = await download(
			evidenceCsvLoader,
			`/audit/scorecards/x/evidence.csv?${figure(w, 'onTimeRate')}`,
			w.cookie.auditor,
			w.alder.supplier.id,
		)
		expect(evidenceCsv.response.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.csv"/)
		const lines = evidenceCsv.text.split('\r\n')
		expect(lines[0]).toBe(
			'\uFEFFsupplier,class,month,metric,order_number,at_utc,counted_in_numerator,minutes,event_ids,detail,order_id,supplier_id,order_class_id',
		)
		expect(lines.filter((l) => l.includes(w.numbers.late))[0]).toContain(',no,')
		expect(lines.filter((l) => l.includes(w.numbers.onTime))[0]).toContain(',yes,')

		const recompute = await get(recomputeLoader, `/audit/scorecards/x/recompute?${figure(w)}`)
		expect(recompute.status).toBe(200)
		expect(recompute.data).toMatchObject({ result: { matches: true, differences: [] } })

		const order = await callRoute(
			orderLoader,
			buildRequest('/audit/orders/x', { cookie: w.cookie.auditor }),
			{
				params: { orderId: w.orderIds[0]! },
			},
		)
		expect(order.status).toBe(200)
		expect(order.data).toMatchObject({ order: { number: w.numbers.late } })
		expect(JSON.stringify(order.data)).toContain('"type":"delivered"')
		expect(order.data).not.toHaveProperty('actions')
	})

	test('a bad figure query is explained with 400, unknown ids answer 404, other roles 403', async () => {
		const w = await world()
		const as = (cookie: string, fn: RouteFn, path: string, supplierId: string) =>
			callRoute(fn, buildRequest(path, { cookie }), { params: { supplierId, orderId: supplierId } })
		const id = w.alder.supplier.id

		const bad = await as(w.cookie.auditor, evidenceLoader, '/e?class=nope&month=2020-13&metric=speed', id)
		expect(bad.status).toBe(400)
		expect(Object.keys((bad.data as { errors: object }).errors).sort()).toEqual(['class', 'metric', 'month'])
		const badCsv = await as(w.cookie.auditor, evidenceCsvLoader, '/e.csv?month=2020-01', id)
		expect(badCsv.status).toBe(400)
		const badRecompute = await as(w.cookie.auditor, recomputeLoader, `/r?class=${w.cls.id}`, id)
		expect(badRecompute.status).toBe(400)

		const unknown = '00000000-0000-4000-8000-000000000000'
		for (const fn of [evidenceLoader, evidenceCsvLoader, recomputeLoader, supplierLoader]) {
			expect((await as(w.cookie.auditor, fn, `/x?${figure(w, 'onTimeRate')}`, unknown)).status).toBe(404)
			expect((await as(w.cookie.auditor, fn, `/x?${figure(w, 'onTimeRate')}`, 'not-a-uuid')).status).toBe(404)
		}
		expect((await as(w.cookie.auditor, orderLoader, '/audit/orders/x', unknown)).status).toBe(404)

		for (const cookie of [w.cookie.buyer, w.cookie.alder])
			for (const fn of [
				listLoader,
				listCsvLoader,
				evidenceLoader,
				evidenceCsvLoader,
				recomputeLoader,
				orderLoader,
			])
				expect((await as(cookie, fn, `/x?${figure(w, 'onTimeRate')}`, id)).status).toBe(403)
	})

	test('no route of the auditor portal has an action', async () => {
		const dir = new URL('../../app/routes/audit+/', import.meta.url)
		const files = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.startsWith('__'))
		expect(files.length).toBeGreaterThanOrEqual(10)
		for (const file of files) {
			const mod = (await import(new URL(file, dir).href)) as Record<string, unknown>
			expect(mod.action, file).toBeUndefined()
		}
	})
})
