import { describe, expect, test } from 'vitest'
import { closeOrder, requestRework } from '#app/models/order/buyer-work.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { requestChange } from '#app/models/order/request-change.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { routeOrder } from '#app/models/order/route-order.server.ts'
import { deliverOrder, postUpdate, startWork } from '#app/models/order/supplier-work.server.ts'
import { insertOrder } from '#tests/factories/orders.ts'
import { eventTypes, footprint, inHours, NOW, offersOf, orderInput, orderRow, versionOf } from './fixtures.ts'

import { runSteps, setup } from './steps.ts'

describe('every transition writes its order event, audit event and outbox email and bumps the version', () => {
	test('main path: route → accept → start → update → deliver → close', async () => {
		const { db, ids, s, buyer, call } = await setup()
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
			{
				name: 'accept',
				run: async (orderId, expectedVersion) =>
					respondToOffer(db, {
						...call,
						offerId: (await offersOf(db, orderId))[0]!.id,
						expectedVersion,
						response: 'accept',
						now: inHours(1),
					}),
				status: 'accepted',
				events: ['offer_accepted'],
			},
			{
				name: 'start',
				run: (orderId, expectedVersion) =>
					startWork(db, { ...call, orderId, expectedVersion, now: inHours(2) }),
				status: 'in_progress',
				events: ['work_started'],
			},
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
			{
				name: 'deliver',
				run: (orderId, expectedVersion) =>
					deliverOrder(db, { ...call, orderId, expectedVersion, deliveredQuantity: 10, now: inHours(4) }),
				status: 'delivered',
				events: ['delivered'],
			},
			{
				name: 'close',
				run: (orderId, expectedVersion) =>
					closeOrder(db, { actor: buyer, orderId, expectedVersion, now: inHours(5) }),
				status: 'closed',
				events: ['closed'],
			},
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
