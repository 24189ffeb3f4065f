import { describe, expect, test } from 'vitest'
import { cancelOrder, closeOrder, requestRework } from '#app/models/order/buyer-work.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { requestChange } from '#app/models/order/request-change.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { routeOrder } from '#app/models/order/route-order.server.ts'
import {
	acknowledgeChange,
	deliverOrder,
	postUpdate,
	resumeWork,
	startWork,
} from '#app/models/order/supplier-work.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { insertOrder } from '#tests/factories/orders.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	eventTypes,
	footprint,
	inHours,
	NOW,
	offersOf,
	orderInput,
	orderRow,
	versionOf,
} from './fixtures.ts'

async function setup() {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { ackDeadlineMinutes: 90 })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const s = await createCapableSupplier(db, ids, {
		name: 'Steady Supplier',
		term: { unitPriceMinor: 2_500, ackSlaMinutes: 600 },
	})
	const buyer = await createBuyer(db)
	return { db, ids, s, buyer, call: { actor: s.user, supplierId: s.supplier.id } }
}

type Step = {
	name: string
	run: (orderId: string, version: number) => Promise<unknown>
	status: string
	events: string[]
}

/** Runs each step and checks it moved the order and wrote its event(s), audit event(s) and outbox email(s). */
async function runSteps(order: { id: string; number: string }, steps: Step[]) {
	const db = getDb()
	for (const step of steps) {
		const before = await footprint(db, order)
		const version = await versionOf(db, order.id)
		const typesBefore = await eventTypes(db, order.id)
		await step.run(order.id, version)
		const after = await footprint(db, order)
		const row = await orderRow(db, order.id)
		expect({ step: step.name, status: row.status, version: row.version }).toEqual({
			step: step.name,
			status: step.status,
			version: version + 1,
		})
		expect({ step: step.name, events: (await eventTypes(db, order.id)).slice(typesBefore.length) }).toEqual({
			step: step.name,
			events: step.events,
		})
		expect({ step: step.name, audits: after.audits - before.audits }).toEqual({
			step: step.name,
			audits: step.events.length,
		})
		expect({ step: step.name, emailed: after.emails > before.emails }).toEqual({
			step: step.name,
			emailed: true,
		})
	}
}

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

	test('rework: deliver → request rework → resume → deliver → close', async () => {
		const { db, ids, buyer, call } = await setup()
		const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
		const order = { id: placed.orderId, number: placed.number }
		await runSteps(order, [
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
				name: 'deliver',
				run: (orderId, expectedVersion) =>
					deliverOrder(db, { ...call, orderId, expectedVersion, deliveredQuantity: 9, now: inHours(3) }),
				status: 'delivered',
				events: ['delivered'],
			},
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
			{
				name: 'deliver again',
				run: (orderId, expectedVersion) =>
					deliverOrder(db, { ...call, orderId, expectedVersion, deliveredQuantity: 10, now: inHours(6) }),
				status: 'delivered',
				events: ['delivered'],
			},
			{
				name: 'close',
				run: (orderId, expectedVersion) =>
					closeOrder(db, { actor: buyer, orderId, expectedVersion, now: inHours(7) }),
				status: 'closed',
				events: ['closed'],
			},
		])
	})

	test('change and acknowledge while accepted re-prices from the term; then cancel tells the supplier', async () => {
		const { db, ids, buyer, call } = await setup()
		const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
		const order = { id: placed.orderId, number: placed.number }
		await runSteps(order, [
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
