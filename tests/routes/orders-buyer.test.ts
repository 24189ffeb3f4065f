import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { loader as dashboardLoader } from '#app/routes/buyer+/_index.tsx'
import { action as exceptionsAction, loader as exceptionsLoader } from '#app/routes/buyer+/exceptions.tsx'
import { action as orderAction, loader as orderLoader } from '#app/routes/buyer+/orders.$orderId.tsx'
import { loader as ordersLoader } from '#app/routes/buyer+/orders._index.tsx'
import { action as newOrderAction, loader as newOrderLoader } from '#app/routes/buyer+/orders.new.tsx'
import { loader as previewLoader } from '#app/routes/buyer+/orders.preview.tsx'
import { orders } from '#db/schema/index.ts'
import { insertOrder } from '#tests/factories/orders.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { createOrderWorld, intakeForm, MISSING, placeWorldOrder, post } from './orders-world.ts'

type Failure = {
	intent: string | null
	errors: Record<string, string>
	values: Record<string, string>
	message?: string
}

describe('buyer order routes', () => {
	test('the list filters by part of the supplier name, and by a supplier a link chose', async () => {
		const w = await createOrderWorld()
		const assigned = (supplierId: string) =>
			insertOrder(w.db, { ...w.ids, status: 'accepted', assignedSupplierId: supplierId })
		const [alders, birchs] = [await assigned(w.alder.supplier.id), await assigned(w.birch.supplier.id)]
		const list = async (query: string) => {
			const result = await callRoute(
				ordersLoader,
				buildRequest(`/buyer/orders?orderClassId=${w.cls.id}&${query}`, { cookie: w.cookies.buyer }),
			)
			const data = result.data as { rows: { number: string }[]; chosenSupplier: string | null }
			return { numbers: data.rows.map((r) => r.number), chosenSupplier: data.chosenSupplier }
		}

		// Case-insensitive part of the name; LIKE's wildcards are matched literally.
		expect((await list('supplier=ALDER')).numbers).toEqual([alders.number])
		expect((await list('supplier=%25')).numbers).toEqual([])
		expect((await list('supplier=')).numbers.sort()).toEqual([alders.number, birchs.number].sort())
		expect(await list(`supplierId=${w.birch.supplier.id}`)).toEqual({
			numbers: [birchs.number],
			chosenSupplier: w.birch.supplier.name,
		})
	})

	test('a supplier user gets 403 from every buyer order route', async () => {
		const w = await createOrderWorld()
		const placed = await placeWorldOrder(w)
		const cookie = w.cookies.alder
		const params = { orderId: placed.orderId }
		const results = await Promise.all([
			callRoute(ordersLoader, buildRequest('/buyer/orders', { cookie })),
			callRoute(newOrderLoader, buildRequest('/buyer/orders/new', { cookie })),
			post(newOrderAction, '/buyer/orders/new', cookie, { form: intakeForm(w) }),
			callRoute(previewLoader, buildRequest(`/buyer/orders/preview?orderClassId=${w.cls.id}`, { cookie })),
			callRoute(orderLoader, buildRequest(`/buyer/orders/${placed.orderId}`, { cookie }), { params }),
			post(
				orderAction,
				`/buyer/orders/${placed.orderId}`,
				cookie,
				{ form: { intent: 'close', expectedVersion: '1' } },
				params,
			),
			callRoute(exceptionsLoader, buildRequest('/buyer/exceptions', { cookie })),
			post(exceptionsAction, '/buyer/exceptions', cookie, {
				form: { intent: 'resolve', exceptionId: MISSING, resolution: 'x' },
			}),
			callRoute(dashboardLoader, buildRequest('/buyer', { cookie })),
		])
		for (const result of results) expect(result.status).toBe(403)
	})

	test('garbage bodies answer 400, never 500', async () => {
		const w = await createOrderWorld()
		const placed = await placeWorldOrder(w)
		const params = { orderId: placed.orderId }
		const bodies: { form?: Record<string, string>; body?: BodyInit; headers?: Record<string, string> }[] = [
			{ body: '{"intent":', headers: { 'content-type': 'application/json' } },
			{
				body: new Uint8Array([0, 159, 146, 150]),
				headers: { 'content-type': 'multipart/form-data; boundary=x' },
			},
			{ form: { intent: 'explode', expectedVersion: '1' } },
			{ form: { intent: 'cancel', expectedVersion: 'NaN', reason: 'x'.repeat(20) } },
			{ form: { 'intent.__proto__.polluted': 'yes', intent: 'close' } },
		]
		for (const init of bodies) {
			const results = await Promise.all([
				post(newOrderAction, '/buyer/orders/new', w.cookies.buyer, init),
				post(orderAction, `/buyer/orders/${placed.orderId}`, w.cookies.buyer, init, params),
				post(exceptionsAction, '/buyer/exceptions', w.cookies.buyer, init),
			])
			for (const result of results) expect(result.status).toBe(400)
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
		const unknown = await post(
			orderAction,
			`/buyer/orders/${placed.orderId}`,
			w.cookies.buyer,
			{ form: { intent: 'explode' } },
			params,
		)
		expect((unknown.data as Failure).message).toBe(
			'That action is not available on this page. Reload it and try again.',
		)
	})

	test('an order that does not exist is 404 through the loader and the action', async () => {
		const w = await createOrderWorld()
		for (const orderId of [MISSING, 'not-a-uuid']) {
			const page = await callRoute(
				orderLoader,
				buildRequest(`/buyer/orders/${orderId}`, { cookie: w.cookies.buyer }),
				{
					params: { orderId },
				},
			)
			expect(page.status).toBe(404)
			const act = await post(
				orderAction,
				`/buyer/orders/${orderId}`,
				w.cookies.buyer,
				{
					form: { intent: 'cancel', expectedVersion: '1', reason: 'Not needed any more' },
				},
				{ orderId },
			)
			expect(act.status).toBe(404)
		}
		const exception = await post(exceptionsAction, '/buyer/exceptions', w.cookies.buyer, {
			form: { intent: 'resolve', exceptionId: MISSING, resolution: 'Nothing to do' },
		})
		expect(exception.status).toBe(404)
	})

	test('a stale expectedVersion answers 409 with "reload", and the reason typed is kept', async () => {
		const w = await createOrderWorld()
		const placed = await placeWorldOrder(w)
		const [row] = await w.db
			.select({ version: orders.version })
			.from(orders)
			.where(eq(orders.id, placed.orderId))
		const stale = String(row!.version - 1)
		const result = await post(
			orderAction,
			`/buyer/orders/${placed.orderId}`,
			w.cookies.buyer,
			{
				form: { intent: 'cancel', expectedVersion: stale, reason: 'Budget withdrawn' },
			},
			{ orderId: placed.orderId },
		)
		expect(result.status).toBe(409)
		const failure = result.data as Failure
		expect(failure).toMatchObject({ intent: 'cancel', values: { reason: 'Budget withdrawn' } })
		expect(failure.message).toBe(
			'This order changed while you were looking at it — reload to see the latest.',
		)
		const [after] = await w.db
			.select({ status: orders.status })
			.from(orders)
			.where(eq(orders.id, placed.orderId))
		expect(after!.status).toBe('offered')
	})

	test('action validation: messages on the right fields, values kept; a good cancel redirects with a toast', async () => {
		const w = await createOrderWorld()
		const placed = await placeWorldOrder(w)
		const path = `/buyer/orders/${placed.orderId}`
		const params = { orderId: placed.orderId }
		const [row] = await w.db
			.select({ version: orders.version })
			.from(orders)
			.where(eq(orders.id, placed.orderId))
		const version = String(row!.version)
		const change = await post(
			orderAction,
			path,
			w.cookies.buyer,
			{
				form: {
					intent: 'change',
					expectedVersion: version,
					quantity: 'lots',
					neededBy: '',
					reason: 'More staff',
				},
			},
			params,
		)
		expect(change.status).toBe(400)
		expect(change.data).toMatchObject({
			intent: 'change',
			errors: { quantity: 'Enter the quantity as a whole number, or leave it empty to keep it.' },
			values: { quantity: 'lots', reason: 'More staff' },
		})
		const cancel = await post(
			orderAction,
			path,
			w.cookies.buyer,
			{ form: { intent: 'cancel', expectedVersion: version, reason: ' ' } },
			params,
		)
		expect(cancel.status).toBe(400)
		expect(cancel.data).toMatchObject({
			intent: 'cancel',
			errors: { reason: 'Give the reason for cancelling (at least 3 characters).' },
		})

		const done = await post(
			orderAction,
			path,
			w.cookies.buyer,
			{ form: { intent: 'cancel', expectedVersion: version, reason: 'Budget withdrawn' } },
			params,
		)
		expect(done.status).toBe(302)
		expect(done.location).toBe(path)
		const [after] = await w.db
			.select({ status: orders.status, cancelReason: orders.cancelReason })
			.from(orders)
			.where(eq(orders.id, placed.orderId))
		expect(after).toEqual({ status: 'cancelled', cancelReason: 'Budget withdrawn' })
	})

	test('the buyer who placed an order cannot review it; another buyer can', async () => {
		const w = await createOrderWorld()
		const order = await insertOrder(w.db, { ...w.ids, status: 'in_review', placedByUserId: w.buyer.id })
		const path = `/buyer/orders/${order.id}`
		const params = { orderId: order.id }
		const own = await callRoute(orderLoader, buildRequest(path, { cookie: w.cookies.buyer }), { params })
		expect(own.data).toMatchObject({ ownReview: true, actions: ['cancel'] })
		const refused = await post(
			orderAction,
			path,
			w.cookies.buyer,
			{ form: { intent: 'approve', expectedVersion: String(order.version) } },
			params,
		)
		expect(refused.status).toBe(403)
		expect((refused.data as Failure).message).toBe('You placed this order; another buyer must review it.')

		const other = await callRoute(orderLoader, buildRequest(path, { cookie: w.cookies.reviewer }), { params })
		expect((other.data as { actions: string[] }).actions).toEqual(['approve', 'reject', 'cancel'])
		const rejectWithoutReason = await post(
			orderAction,
			path,
			w.cookies.reviewer,
			{ form: { intent: 'reject', expectedVersion: String(order.version) } },
			params,
		)
		expect(rejectWithoutReason.status).toBe(400)
		expect((rejectWithoutReason.data as Failure).errors.reason).toMatch(/reason for rejecting/)
		const approved = await post(
			orderAction,
			path,
			w.cookies.reviewer,
			{ form: { intent: 'approve', expectedVersion: String(order.version) } },
			params,
		)
		expect(approved.status).toBe(302)
	})
})
