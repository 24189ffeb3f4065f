// The frame of the transition tests: a fresh fixture, and steps that each must move the
// order and write their order event(s), audit event(s) and outbox email(s).
import { expect } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	eventTypes,
	footprint,
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
