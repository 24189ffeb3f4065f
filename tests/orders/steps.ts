// The frame of the transition tests: a fresh fixture, and steps that each must move the
// order and write their order event(s), audit event(s) and outbox email(s).
import { expect } from 'vitest'
import { closeOrder } from '#app/models/order/buyer-work.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { deliverOrder, startWork } from '#app/models/order/supplier-work.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	eventTypes,
	footprint,
	inHours,
	offersOf,
	orderRow,
	versionOf,
} from './fixtures.ts'

export async function setup() {
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

export type Step = {
	name: string
	run: (orderId: string, version: number) => Promise<unknown>
	status: string
	events: string[]
}

/** Runs each step and checks it moved the order and wrote its event(s), audit event(s) and outbox email(s). */
export async function runSteps(order: { id: string; number: string }, steps: Step[]) {
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

type Fixture = Awaited<ReturnType<typeof setup>>

// The steps most journeys share, each at `hour` hours after NOW.

export function acceptFirstOffer({ db, call }: Fixture, hour: number): Step {
	return {
		name: 'accept',
		run: async (orderId, expectedVersion) =>
			respondToOffer(db, {
				...call,
				offerId: (await offersOf(db, orderId))[0]!.id,
				expectedVersion,
				response: 'accept',
				now: inHours(hour),
			}),
		status: 'accepted',
		events: ['offer_accepted'],
	}
}

export function startStep({ db, call }: Fixture, hour: number): Step {
	return {
		name: 'start',
		run: (orderId, expectedVersion) =>
			startWork(db, { ...call, orderId, expectedVersion, now: inHours(hour) }),
		status: 'in_progress',
		events: ['work_started'],
	}
}

export function deliverStep(
	{ db, call }: Fixture,
	hour: number,
	deliveredQuantity: number,
	name = 'deliver',
): Step {
	return {
		name,
		run: (orderId, expectedVersion) =>
			deliverOrder(db, { ...call, orderId, expectedVersion, deliveredQuantity, now: inHours(hour) }),
		status: 'delivered',
		events: ['delivered'],
	}
}

export function closeStep({ db, buyer }: Fixture, hour: number): Step {
	return {
		name: 'close',
		run: (orderId, expectedVersion) =>
			closeOrder(db, { actor: buyer, orderId, expectedVersion, now: inHours(hour) }),
		status: 'closed',
		events: ['closed'],
	}
}
