import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { action as buyerOrderAction } from '#app/routes/buyer+/orders.$orderId.tsx'
import { loader as supplierDashboardLoader } from '#app/routes/supplier+/_index.tsx'
import { action as orderAction, loader as orderLoader } from '#app/routes/supplier+/orders.$orderId.tsx'
import { action as inboxAction, loader as inboxLoader } from '#app/routes/supplier+/orders._index.tsx'
import { orderOffers, orders } from '#db/schema/index.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { createOrderWorld, MISSING, placeWorldOrder, type OrderWorld } from './orders-world.ts'

type Failure = {
	intent: string | null
	targetId: string | null
	errors: Record<string, string>
	values: Record<string, string>
	message?: string
}

function post(
	fn: Parameters<typeof callRoute>[0],
	path: string,
	cookie: string,
	form: Record<string, string>,
	params: Record<string, string> = {},
) {
	return callRoute(fn, buildRequest(path, { method: 'POST', cookie, form }), { params })
}

/** An order offered to Alder, with its pending offer and the version a form would carry. */
async function offeredToAlder(w: OrderWorld) {
	const placed = await placeWorldOrder(w)
	const [offer] = await w.db.select().from(orderOffers).where(eq(orderOffers.orderId, placed.orderId))
	expect(offer!.supplierId).toBe(w.alder.supplier.id)
	const [row] = await w.db
		.select({ version: orders.version })
		.from(orders)
		.where(eq(orders.id, placed.orderId))
	return { orderId: placed.orderId, number: placed.number, offerId: offer!.id, version: String(row!.version) }
}

describe('supplier order routes', () => {
	test('a buyer gets 403 from the supplier order routes', async () => {
		const w = await createOrderWorld()
		const o = await offeredToAlder(w)
		const cookie = w.cookies.buyer
		const params = { orderId: o.orderId }
		const form = { intent: 'accept', offerId: o.offerId, expectedVersion: o.version }
		const results = await Promise.all([
			callRoute(inboxLoader, buildRequest('/supplier/orders', { cookie })),
			post(inboxAction, '/supplier/orders', cookie, form),
			callRoute(orderLoader, buildRequest(`/supplier/orders/${o.orderId}`, { cookie }), { params }),
			post(orderAction, `/supplier/orders/${o.orderId}`, cookie, form, params),
			callRoute(supplierDashboardLoader, buildRequest('/supplier', { cookie })),
		])
		for (const result of results) expect(result.status).toBe(403)
	})

	test('another supplier gets 404 for the order and the offer, through loaders and actions, and nothing changes', async () => {
		const w = await createOrderWorld()
		const o = await offeredToAlder(w)
		const params = { orderId: o.orderId }
		const path = `/supplier/orders/${o.orderId}`
		const cookie = w.cookies.birch
		const page = await callRoute(orderLoader, buildRequest(path, { cookie }), { params })
		expect(page.status).toBe(404)
		const forms: Record<string, string>[] = [
			{ intent: 'accept', offerId: o.offerId, expectedVersion: o.version },
			{
				intent: 'decline',
				offerId: o.offerId,
				expectedVersion: o.version,
				declineReason: 'Not ours to decline',
			},
			{ intent: 'start', expectedVersion: o.version },
			{ garbage: 'yes' },
		]
		for (const form of forms) {
			expect((await post(orderAction, path, cookie, form, params)).status).toBe(404)
		}
		for (const intent of ['accept', 'decline']) {
			const viaInbox = await post(inboxAction, '/supplier/orders', cookie, {
				intent,
				offerId: o.offerId,
				expectedVersion: o.version,
				declineReason: 'Trying someone else’s offer',
			})
			expect(viaInbox.status).toBe(404)
		}
		const birchInbox = await callRoute(inboxLoader, buildRequest('/supplier/orders', { cookie }))
		expect((birchInbox.data as { offers: unknown[] }).offers).toEqual([])
		const [offer] = await w.db
			.select({ response: orderOffers.response })
			.from(orderOffers)
			.where(eq(orderOffers.id, o.offerId))
		expect(offer!.response).toBe('pending')
		const missing = await callRoute(orderLoader, buildRequest(`/supplier/orders/${MISSING}`, { cookie }), {
			params: { orderId: MISSING },
		})
		expect(missing.status).toBe(404)
	})

	test('the offered supplier sees it in the inbox and on the dashboard, with its deadline', async () => {
		const w = await createOrderWorld()
		const o = await offeredToAlder(w)
		const inbox = await callRoute(inboxLoader, buildRequest('/supplier/orders', { cookie: w.cookies.alder }))
		const data = inbox.data as {
			offers: { offerId: string; orderNumber: string; secondsLeft: number }[]
			offerCount: number
		}
		expect(data.offers.map((x) => [x.offerId, x.orderNumber])).toEqual([[o.offerId, o.number]])
		expect(data.offerCount).toBe(1)
		expect(data.offers[0]!.secondsLeft).toBeGreaterThan(0)
		const dashboard = await callRoute(
			supplierDashboardLoader,
			buildRequest('/supplier', { cookie: w.cookies.alder }),
		)
		expect(dashboard.data).toMatchObject({ offersWaiting: 1 })
	})

	test('answers: a stale version is 409 "reload"; decline needs a reason; garbage is 400; accept then deliver', async () => {
		const w = await createOrderWorld()
		const o = await offeredToAlder(w)
		const cookie = w.cookies.alder
		const stale = await post(inboxAction, '/supplier/orders', cookie, {
			intent: 'accept',
			offerId: o.offerId,
			expectedVersion: String(Number(o.version) + 1),
		})
		expect(stale.status).toBe(409)
		expect(stale.data).toMatchObject({ intent: 'accept', targetId: o.offerId })
		expect((stale.data as Failure).message).toMatch(/changed while you were looking at it — reload/)

		const noReason = await post(inboxAction, '/supplier/orders', cookie, {
			intent: 'decline',
			offerId: o.offerId,
			expectedVersion: o.version,
			declineReason: 'no',
		})
		expect(noReason.status).toBe(400)
		expect(noReason.data).toMatchObject({
			intent: 'decline',
			targetId: o.offerId,
			errors: { declineReason: 'Give the reason for declining (at least 3 characters).' },
			values: { declineReason: 'no' },
		})
		const garbage: Record<string, string>[] = [
			{ intent: 'accept', offerId: 'x', expectedVersion: o.version },
			{ intent: 'fly' },
			{},
		]
		for (const form of garbage) {
			expect((await post(inboxAction, '/supplier/orders', cookie, form)).status).toBe(400)
		}

		const accepted = await post(inboxAction, '/supplier/orders', cookie, {
			intent: 'accept',
			offerId: o.offerId,
			expectedVersion: o.version,
		})
		expect(accepted.status).toBe(302)
		expect(accepted.location).toBe(`/supplier/orders/${o.orderId}`)

		const params = { orderId: o.orderId }
		const path = `/supplier/orders/${o.orderId}`
		const page = await callRoute(orderLoader, buildRequest(path, { cookie }), { params })
		const { order, actions } = page.data as { order: { version: number; status: string }; actions: string[] }
		expect(order.status).toBe('accepted')
		expect(actions).toContain('start_work')
		const version = String(order.version)
		expect(
			(await post(orderAction, path, cookie, { intent: 'start', expectedVersion: version }, params)).status,
		).toBe(302)
		const started = String(Number(version) + 1)
		const badQuantity = await post(
			orderAction,
			path,
			cookie,
			{ intent: 'deliver', expectedVersion: started, deliveredQuantity: 'ten' },
			params,
		)
		expect(badQuantity.status).toBe(400)
		expect(badQuantity.data).toMatchObject({
			intent: 'deliver',
			errors: { deliveredQuantity: 'Enter the delivered quantity as a whole number, at least 1.' },
			values: { deliveredQuantity: 'ten' },
		})
		const delivered = await post(
			orderAction,
			path,
			cookie,
			{ intent: 'deliver', expectedVersion: started, deliveredQuantity: '10' },
			params,
		)
		expect(delivered.status).toBe(302)
		const [row] = await w.db
			.select({ status: orders.status, deliveredQuantity: orders.deliveredQuantity })
			.from(orders)
			.where(eq(orders.id, o.orderId))
		expect(row).toEqual({ status: 'delivered', deliveredQuantity: 10 })
	})

	test('a change while offered is acknowledged; a decline with a reason cascades to the next supplier', async () => {
		const w = await createOrderWorld()
		const o = await offeredToAlder(w)
		const params = { orderId: o.orderId }
		const buyerPath = `/buyer/orders/${o.orderId}`
		const changed = await post(
			buyerOrderAction,
			buyerPath,
			w.cookies.buyer,
			{
				intent: 'change',
				expectedVersion: o.version,
				quantity: '14',
				neededBy: '',
				reason: 'Two more teams joined',
			},
			params,
		)
		expect(changed.status).toBe(302)

		const path = `/supplier/orders/${o.orderId}`
		const page = await callRoute(orderLoader, buildRequest(path, { cookie: w.cookies.alder }), { params })
		const data = page.data as { order: { version: number; quantity: number }; actions: string[] }
		expect(data.order.quantity).toBe(14)
		expect(data.actions).toEqual(['accept', 'decline', 'acknowledge_change'])
		const version = String(data.order.version)
		const acknowledged = await post(
			orderAction,
			path,
			w.cookies.alder,
			{ intent: 'acknowledge-change', expectedVersion: version },
			params,
		)
		expect(acknowledged.status).toBe(302)

		const [row] = await w.db
			.select({ version: orders.version, changePendingSince: orders.changePendingSince })
			.from(orders)
			.where(eq(orders.id, o.orderId))
		expect(row!.changePendingSince).toBeNull()
		const declined = await post(
			orderAction,
			path,
			w.cookies.alder,
			{
				intent: 'decline',
				offerId: o.offerId,
				expectedVersion: String(row!.version),
				declineReason: 'Team on leave that week',
			},
			params,
		)
		expect(declined.status).toBe(302)
		expect(declined.location).toBe('/supplier/orders')
		const birchInbox = await callRoute(
			inboxLoader,
			buildRequest('/supplier/orders', { cookie: w.cookies.birch }),
		)
		expect((birchInbox.data as { offers: { orderId: string }[] }).offers.map((x) => x.orderId)).toEqual([
			o.orderId,
		])
		// Alder still sees the order it declined (its own offer, answered), without actions.
		const after = await callRoute(orderLoader, buildRequest(path, { cookie: w.cookies.alder }), { params })
		expect(after.data).toMatchObject({ actions: [], pendingOffer: null })
	})

	test('the inbox shows offers 20 at a time beside the orders list, each with its own page; past the end goes to the last', async () => {
		const w = await createOrderWorld()
		const placed = []
		for (let i = 0; i < 21; i++) placed.push(await placeWorldOrder(w))
		type Inbox = {
			offers: { orderNumber: string }[]
			offerCount: number
			offerPaging: { page: number }
			paging: { page: number }
		}
		const inboxAt = (query: string) =>
			callRoute(inboxLoader, buildRequest(`/supplier/orders${query}`, { cookie: w.cookies.alder }))

		const first = (await inboxAt('')).data as Inbox
		expect(first.offers).toHaveLength(20)
		expect(first.offerCount).toBe(21)
		const second = (await inboxAt('?offersPage=2&page=1')).data as Inbox
		expect(second.offerPaging.page).toBe(2)
		expect(second.paging.page).toBe(1)
		expect(second.offers).toHaveLength(1)
		const all = [...first.offers, ...second.offers].map((o) => o.orderNumber)
		expect(new Set(all)).toEqual(new Set(placed.map((p) => p.number)))

		const beyond = await inboxAt('?offersPage=9&page=1')
		expect(beyond.status).toBe(302)
		expect(beyond.location).toBe('/supplier/orders?offersPage=2&page=1')
		const nonsense = (await inboxAt('?offersPage=abc')).data as Inbox
		expect(nonsense.offerPaging.page).toBe(1)
	})
})
