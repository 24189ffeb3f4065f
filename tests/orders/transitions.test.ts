import { describe, expect, test } from 'vitest'
import { closeOrder, requestRework } from '#app/models/order/buyer-work.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { requestChange } from '#app/models/order/request-change.server.ts'
import { routeOrder } from '#app/models/order/route-order.server.ts'
import { postUpdate } from '#app/models/order/supplier-work.server.ts'
import { insertOrder } from '#tests/factories/orders.ts'
import { eventTypes, footprint, inHours, NOW, orderInput, orderRow, versionOf } from './fixtures.ts'
import { acceptFirstOffer, closeStep, deliverStep, runSteps, setup, startStep } from './steps.ts'

describe('every transition writes its order event, audit event and outbox email and bumps the version', () => {
	test('main path: route → accept → start → update → deliver → close', async () => {
		const fixture = await setup()
		const { db, ids, s, buyer, call } = fixture
		// A submitted order routed by the router entry point the jobs use.
		const submitted = await insertOrder(db, { ...ids, placedByUserId: buyer.id, neededBy: inHours(24 * 7) })
		const order = { id: submitted.id, number: submitted.number }
		await runSteps(order, [
			{
				name: 'route',
				run: (orderId) => db.transaction((tx) => routeOrder(tx, { orderId, now: NOW })),
				status: 'offered',
				events: ['routed', 'offered'],
			},
			acceptFirstOffer(fixture, 1),
			startStep(fixture, 2),
			{
				name: 'update',
				run: (orderId, expectedVersion) =>
					postUpdate(db, {
						...call,
						orderId,
						expectedVersion,
						note: 'Half the payslips are done',
						now: inHours(3),
					}),
				status: 'in_progress',
				events: ['update_posted'],
			},
			deliverStep(fixture, 4, 10),
			closeStep(fixture, 5),
		])
		expect(await orderRow(db, order.id)).toMatchObject({
			assignedSupplierId: s.supplier.id,
			agreedPriceMinor: 25_000,
			deliveredQuantity: 10,
			acceptedAt: inHours(1),
			deliveredAt: inHours(4),
			closedAt: inHours(5),
		})
	})

	test('placing writes placed, submitted, routed and offered in one go', async () => {
		const { db, ids, buyer } = await setup()
		const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
		expect(await eventTypes(db, placed.orderId)).toEqual(['placed', 'submitted', 'routed', 'offered'])
		expect(await footprint(db, { id: placed.orderId, number: placed.number })).toEqual({
			events: 4,
			audits: 4,
			emails: 1,
		})
	})

	test('forbidden moves answer RULE_VIOLATION and write nothing', async () => {
		const { db, ids, buyer, call } = await setup()
		const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
		const order = { id: placed.orderId, number: placed.number }
		const before = await footprint(db, order)
		const version = await versionOf(db, order.id)
		await expect(
			closeOrder(db, { actor: buyer, orderId: order.id, expectedVersion: version, now: inHours(1) }),
		).rejects.toMatchObject({
			code: 'RULE_VIOLATION',
			message: 'An order that is offered cannot be closed.',
		})
		await expect(
			requestRework(db, {
				actor: buyer,
				orderId: order.id,
				expectedVersion: version,
				reason: 'x',
				now: inHours(1),
			}),
		).rejects.toMatchObject({ code: 'RULE_VIOLATION', field: 'reason' })
		await expect(
			requestChange(db, {
				actor: buyer,
				orderId: order.id,
				expectedVersion: version,
				reason: 'No change at all',
				now: inHours(1),
			}),
		).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: 'Change the quantity or the needed-by time.' })
		await expect(
			closeOrder(db, { actor: call.actor, orderId: order.id, expectedVersion: version, now: inHours(1) }),
		).rejects.toMatchObject({
			code: 'FORBIDDEN',
		})
		expect(await footprint(db, order)).toEqual(before)
		expect(await versionOf(db, order.id)).toBe(version)
	})
})
