import { describe, expect, test } from 'vitest'
import { cancelOrder, requestRework } from '#app/models/order/buyer-work.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { requestChange } from '#app/models/order/request-change.server.ts'
import { acknowledgeChange, resumeWork } from '#app/models/order/supplier-work.server.ts'
import { inHours, NOW, orderInput, orderRow, versionOf } from './fixtures.ts'
import { acceptFirstOffer, closeStep, deliverStep, runSteps, setup, startStep } from './steps.ts'

describe('rework, change and cancellation write their event, audit event and outbox email too', () => {
	test('rework: deliver → request rework → resume → deliver → close', async () => {
		const fixture = await setup()
		const { db, ids, buyer, call } = fixture
		const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
		const order = { id: placed.orderId, number: placed.number }
		await runSteps(order, [
			acceptFirstOffer(fixture, 1),
			startStep(fixture, 2),
			deliverStep(fixture, 3, 9),
			{
				name: 'request rework',
				run: (orderId, expectedVersion) =>
					requestRework(db, {
						actor: buyer,
						orderId,
						expectedVersion,
						reason: 'One payslip is missing',
						now: inHours(4),
					}),
				status: 'rework_requested',
				events: ['rework_requested'],
			},
			{
				name: 'resume',
				run: (orderId, expectedVersion) =>
					resumeWork(db, { ...call, orderId, expectedVersion, now: inHours(5) }),
				status: 'in_progress',
				events: ['work_resumed'],
			},
			deliverStep(fixture, 6, 10, 'deliver again'),
			closeStep(fixture, 7),
		])
	})

	test('change and acknowledge while accepted re-prices from the term; then cancel tells the supplier', async () => {
		const fixture = await setup()
		const { db, ids, buyer, call } = fixture
		const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
		const order = { id: placed.orderId, number: placed.number }
		await runSteps(order, [
			acceptFirstOffer(fixture, 1),
			{
				name: 'change',
				run: (orderId, expectedVersion) =>
					requestChange(db, {
						actor: buyer,
						orderId,
						expectedVersion,
						quantity: 14,
						reason: 'Four new starters',
						now: inHours(2),
					}),
				status: 'accepted',
				events: ['change_requested'],
			},
		])
		expect(await orderRow(db, order.id)).toMatchObject({
			quantity: 14,
			agreedPriceMinor: 35_000,
			changePendingSince: inHours(2),
			changeAckDueAt: new Date(inHours(2).getTime() + 90 * 60_000),
		})
		await runSteps(order, [
			{
				name: 'acknowledge',
				run: (orderId, expectedVersion) =>
					acknowledgeChange(db, { ...call, orderId, expectedVersion, now: inHours(2.5) }),
				status: 'accepted',
				events: ['change_acknowledged'],
			},
			{
				name: 'cancel',
				run: (orderId, expectedVersion) =>
					cancelOrder(db, {
						actor: buyer,
						orderId,
						expectedVersion,
						reason: 'Payroll moved in-house',
						now: inHours(3),
					}),
				status: 'cancelled',
				events: ['cancelled'],
			},
		])
		expect(await orderRow(db, order.id)).toMatchObject({
			changePendingSince: null,
			cancelReason: 'Payroll moved in-house',
		})
		// Nothing left to acknowledge or do.
		await expect(
			acknowledgeChange(db, {
				...call,
				orderId: order.id,
				expectedVersion: await versionOf(db, order.id),
				now: inHours(4),
			}),
		).rejects.toMatchObject({
			code: 'RULE_VIOLATION',
			message: 'There is no change to acknowledge on this order.',
		})
	})
})
