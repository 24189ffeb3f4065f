import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { action as exceptionsAction, loader as exceptionsLoader } from '#app/routes/buyer+/exceptions.tsx'
import { action as orderAction, loader as orderLoader } from '#app/routes/buyer+/orders.$orderId.tsx'
import { orderExceptions, orderOffers, orders } from '#db/schema/index.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { createOrderWorld, placeWorldOrder, type OrderWorld } from './orders-world.ts'

type Failure = {
	intent: string | null
	targetId: string | null
	errors: Record<string, string>
	message?: string
}

/** An order nobody serves (APAC), so it is unroutable with an open exception. */
async function unroutable(w: OrderWorld) {
	const placed = await placeWorldOrder(w, { region: 'APAC' })
	expect(placed.status).toBe('unroutable')
	const [exception] = await w.db
		.select()
		.from(orderExceptions)
		.where(and(eq(orderExceptions.orderId, placed.orderId), eq(orderExceptions.kind, 'unroutable')))
	const [row] = await w.db
		.select({ version: orders.version })
		.from(orders)
		.where(eq(orders.id, placed.orderId))
	return { orderId: placed.orderId, exceptionId: exception!.id, version: String(row!.version) }
}

function post(
	fn: Parameters<typeof callRoute>[0],
	path: string,
	cookie: string,
	form: Record<string, string>,
	params = {},
) {
	return callRoute(fn, buildRequest(path, { method: 'POST', cookie, form }), { params })
}

describe('unroutable orders and the exception queue', () => {
	test('the buyer can assign a supplier manually, with a reason recorded on the offer', async () => {
		const w = await createOrderWorld()
		const u = await unroutable(w)
		const path = `/buyer/orders/${u.orderId}`
		const params = { orderId: u.orderId }
		const page = await callRoute(orderLoader, buildRequest(path, { cookie: w.cookies.buyer }), { params })
		expect((page.data as { actions: string[] }).actions).toEqual([
			'assign_manually',
			'edit_and_reroute',
			'cancel',
		])

		const noReason = await post(
			orderAction,
			path,
			w.cookies.buyer,
			{ intent: 'assign', expectedVersion: u.version, supplierId: w.birch.supplier.id, reason: '' },
			params,
		)
		expect(noReason.status).toBe(400)
		expect((noReason.data as Failure).errors.reason).toBe(
			'Give the reason for choosing this supplier (at least 3 characters).',
		)

		const assigned = await post(
			orderAction,
			path,
			w.cookies.buyer,
			{
				intent: 'assign',
				expectedVersion: u.version,
				supplierId: w.birch.supplier.id,
				reason: 'Birch has a team in Singapore this month',
			},
			params,
		)
		expect(assigned.status).toBe(302)
		const [offer] = await w.db.select().from(orderOffers).where(eq(orderOffers.orderId, u.orderId))
		expect(offer).toMatchObject({
			supplierId: w.birch.supplier.id,
			overrideReason: 'Birch has a team in Singapore this month',
		})
		const [exception] = await w.db.select().from(orderExceptions).where(eq(orderExceptions.id, u.exceptionId))
		expect(exception!.status).toBe('resolved')
	})

	test('editing the region routes the order again', async () => {
		const w = await createOrderWorld()
		const u = await unroutable(w)
		const path = `/buyer/orders/${u.orderId}`
		const params = { orderId: u.orderId }
		const nothing = await post(
			orderAction,
			path,
			w.cookies.buyer,
			{ intent: 'reroute', expectedVersion: u.version, quantity: '', neededBy: '', region: '' },
			params,
		)
		expect(nothing.status).toBe(400)
		expect((nothing.data as Failure).errors.quantity).toMatch(/before routing again/)
		const rerouted = await post(
			orderAction,
			path,
			w.cookies.buyer,
			{ intent: 'reroute', expectedVersion: u.version, quantity: '', neededBy: '', region: 'EU-West' },
			params,
		)
		expect(rerouted.status).toBe(302)
		const [row] = await w.db
			.select({ status: orders.status, region: orders.region })
			.from(orders)
			.where(eq(orders.id, u.orderId))
		expect(row).toEqual({ status: 'offered', region: 'EU-West' })
	})

	test('an exception gets an owner and a resolution; a resolved one cannot be resolved twice', async () => {
		const w = await createOrderWorld()
		const u = await unroutable(w)
		const list = await callRoute(
			exceptionsLoader,
			buildRequest('/buyer/exceptions', { cookie: w.cookies.buyer }),
		)
		expect((list.data as { total: number }).total).toBeGreaterThan(0)

		const badOwner = await post(exceptionsAction, '/buyer/exceptions', w.cookies.buyer, {
			intent: 'assign',
			exceptionId: u.exceptionId,
			ownerUserId: w.alder.user.id,
		})
		expect(badOwner.status).toBe(422)
		expect(badOwner.data).toMatchObject({ intent: 'assign', targetId: u.exceptionId })
		expect((badOwner.data as Failure).errors.ownerUserId).toBeTruthy()

		const assigned = await post(exceptionsAction, '/buyer/exceptions', w.cookies.buyer, {
			intent: 'assign',
			exceptionId: u.exceptionId,
			ownerUserId: w.reviewer.id,
		})
		expect(assigned.status).toBe(302)
		const tooShort = await post(exceptionsAction, '/buyer/exceptions', w.cookies.buyer, {
			intent: 'resolve',
			exceptionId: u.exceptionId,
			resolution: 'ok',
		})
		expect(tooShort.status).toBe(400)
		expect((tooShort.data as Failure).errors.resolution).toBe(
			'Say how it was resolved (at least 3 characters).',
		)
		const resolved = await post(exceptionsAction, '/buyer/exceptions', w.cookies.reviewer, {
			intent: 'resolve',
			exceptionId: u.exceptionId,
			resolution: 'Cancelled with the requester',
		})
		expect(resolved.status).toBe(302)
		const [row] = await w.db.select().from(orderExceptions).where(eq(orderExceptions.id, u.exceptionId))
		expect(row).toMatchObject({
			status: 'resolved',
			ownerUserId: w.reviewer.id,
			resolution: 'Cancelled with the requester',
		})
		const again = await post(exceptionsAction, '/buyer/exceptions', w.cookies.reviewer, {
			intent: 'resolve',
			exceptionId: u.exceptionId,
			resolution: 'Again',
		})
		expect(again.status).toBe(409)
		expect((again.data as Failure).message).toBe('This exception is already resolved.')
	})
})
