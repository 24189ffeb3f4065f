// The figures read what the real order model writes: one order played through placing, a change
// and its acknowledgement, delivery, rework and closing, each step at a known hour.
import { expect, test } from 'vitest'
import { operationsLinks } from '#app/components/operations/order-links.ts'
import { requestRework } from '#app/models/order/buyer-work.server.ts'
import { getOperationsDashboard } from '#app/models/operations/get-operations-dashboard.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { requestChange } from '#app/models/order/request-change.server.ts'
import { acknowledgeChange, resumeWork } from '#app/models/order/supplier-work.server.ts'
import { inHours, NOW, orderInput, versionOf } from '#tests/orders/fixtures.ts'
import { acceptFirstOffer, closeStep, deliverStep, setup, startStep } from '#tests/orders/steps.ts'
import { ordersBehind } from './history.ts'

test('an order played through the model: cycle time, rework, on-time release and change handling', async () => {
	const fixture = await setup()
	const { db, ids, buyer, call } = fixture
	const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
	const orderId = placed.orderId
	const step = async (run: (version: number) => Promise<unknown>) => run(await versionOf(db, orderId))
	await step((v) => acceptFirstOffer(fixture, 0.5).run(orderId, v))
	await step((v) =>
		requestChange(db, {
			actor: buyer,
			orderId,
			expectedVersion: v,
			quantity: 12,
			reason: 'Two more',
			now: inHours(1),
		}),
	)
	await step((v) => acknowledgeChange(db, { ...call, orderId, expectedVersion: v, now: inHours(1.75) }))
	await step((v) => startStep(fixture, 2).run(orderId, v))
	await step((v) => deliverStep(fixture, 5, 12).run(orderId, v))
	await step((v) =>
		requestRework(db, {
			actor: buyer,
			orderId,
			expectedVersion: v,
			reason: 'Two payslips wrong',
			now: inHours(6),
		}),
	)
	await step((v) => resumeWork(db, { ...call, orderId, expectedVersion: v, now: inHours(7) }))
	await step((v) => deliverStep(fixture, 8, 12, 'deliver again').run(orderId, v))
	await step((v) => closeStep(fixture, 10).run(orderId, v))

	const now = inHours(11)
	const d = await getOperationsDashboard(db, { days: 30, orderClassId: ids.orderClassId, now })
	expect(d.figures.cycleTime).toEqual({ count: 1, median: 600, p90: 600 })
	expect(d.figures.reworkRate).toEqual({ numerator: 1, denominator: 1, value: 1 })
	expect(d.figures.exceptionRate).toEqual({ numerator: 0, denominator: 1, value: 0 })
	expect(d.figures.onTimeRelease).toEqual({ numerator: 1, denominator: 1, value: 1 })
	expect(d.figures.changeHandling).toEqual({ count: 1, median: 45, p90: 45 })
	expect(d.figures.backlog.total).toBe(0)

	const links = operationsLinks(d.window, ids.orderClassId)
	for (const href of [links.closed, links.reworked, links.releasedOnTime, links.changes, links.placed]) {
		expect({ href, orders: await ordersBehind(db, href, now) }).toEqual({ href, orders: [placed.number] })
	}
})
