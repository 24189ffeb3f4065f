import { withBodies } from '#tests/utils/outbox.ts'
import { randomUUID } from 'node:crypto'
import { desc, eq, inArray } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { listAuditEvents } from '#app/models/audit-event.server.ts'
import { changeSupplierStatus } from '#app/models/supplier/change-status.server.ts'
import {
	action as supplierAction,
	loader as supplierLoader,
} from '#app/routes/buyer+/suppliers.$supplierId.tsx'
import { getDb, schema } from '#app/utils/db.server.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { insertCapability, insertCategory, insertOrderClass, uniquePrefix } from './fixtures.ts'

const { outboxEmails, supplierStatusChanges, suppliers } = schema

async function buyer() {
	const user = await insertUser(getDb(), { role: 'buyer', name: `Bea ${randomUUID().slice(0, 6)}` })
	return { user, cookie: await sessionCookieFor(user.id) }
}

function postStatus(cookie: string, supplierId: string, form: Record<string, string>) {
	return callRoute(
		supplierAction,
		buildRequest(`/buyer/suppliers/${supplierId}`, { method: 'POST', cookie, form }),
		{ params: { supplierId } },
	)
}

async function statusOf(supplierId: string) {
	const [row] = await getDb()
		.select({ status: suppliers.status })
		.from(suppliers)
		.where(eq(suppliers.id, supplierId))
	return row?.status
}

async function historyOf(supplierId: string) {
	return getDb()
		.select()
		.from(supplierStatusChanges)
		.where(eq(supplierStatusChanges.supplierId, supplierId))
		.orderBy(desc(supplierStatusChanges.changedAt))
}

describe('changing a supplier’s status', () => {
	test('records the change, its history row and audit event, and emails each active user', async () => {
		const { user: actor, cookie } = await buyer()
		const supplier = await insertSupplier(getDb(), { name: uniquePrefix('Held'), status: 'active' })
		const alice = await insertUser(getDb(), { role: 'supplier', supplierId: supplier.id, name: 'Alice' })
		const bob = await insertUser(getDb(), { role: 'supplier', supplierId: supplier.id, name: 'Bob' })
		const gone = await insertUser(getDb(), {
			role: 'supplier',
			supplierId: supplier.id,
			disabledAt: new Date(),
		})

		const result = await postStatus(cookie, supplier.id, {
			toStatus: 'on_hold',
			reason: '  Two late deliveries in March  ',
		})
		expect(result).toMatchObject({ status: 302, location: `/buyer/suppliers/${supplier.id}` })
		expect(await statusOf(supplier.id)).toBe('on_hold')

		const [change] = await historyOf(supplier.id)
		expect(change).toMatchObject({
			fromStatus: 'active',
			toStatus: 'on_hold',
			reason: 'Two late deliveries in March',
			changedByUserId: actor.id,
		})

		const { events } = await listAuditEvents(getDb(), {
			entityId: supplier.id,
			action: 'supplier.status_changed',
			limit: 10,
			offset: 0,
		})
		expect(events).toHaveLength(1)
		expect(events[0]).toMatchObject({
			actorUserId: actor.id,
			actorRole: 'buyer',
			entityType: 'supplier',
			supplierId: supplier.id,
			before: { status: 'active' },
			after: { status: 'on_hold', reason: 'Two late deliveries in March' },
		})

		const mails = await withBodies(
			await getDb()
				.select()
				.from(outboxEmails)
				.where(inArray(outboxEmails.toAddress, [alice.email, bob.email, gone.email])),
		)
		expect(mails.map((m) => m.toAddress).sort()).toEqual([alice.email, bob.email].sort())
		for (const mail of mails) {
			expect(mail.subject).toBe(`${supplier.name} is now on hold on Procura`)
			expect(mail.text).toContain('Two late deliveries in March')
		}

		// The page shows the change in its history, with who made it.
		const page = await callRoute(
			supplierLoader,
			buildRequest(`/buyer/suppliers/${supplier.id}`, { cookie }),
			{
				params: { supplierId: supplier.id },
			},
		)
		expect(page.data).toMatchObject({
			supplier: { status: 'on_hold' },
			allowedTransitions: ['active', 'blocked'],
			history: [{ fromStatus: 'active', toStatus: 'on_hold', changedByName: actor.name }],
		})
	})

	test('a missing or too short reason is refused on the reason field and changes nothing', async () => {
		const { cookie } = await buyer()
		const supplier = await insertSupplier(getDb(), { status: 'active' })
		for (const reason of [undefined, '', '    ', 'abc', 'x'.repeat(501)]) {
			const form: Record<string, string> = { toStatus: 'on_hold' }
			if (reason !== undefined) form.reason = reason
			const result = await postStatus(cookie, supplier.id, form)
			expect(result.status, JSON.stringify(reason)).toBe(400)
			expect(result.data).toMatchObject({ errors: { reason: { message: expect.any(String) } } })
		}
		expect(await statusOf(supplier.id)).toBe('active')
		expect(await historyOf(supplier.id)).toEqual([])
	})

	test('a move the rules forbid is refused on the status field and changes nothing', async () => {
		const { user: actor, cookie } = await buyer()
		const invited = await insertSupplier(getDb(), { status: 'invited' })
		await insertUser(getDb(), { role: 'supplier', supplierId: invited.id })
		const result = await postStatus(cookie, invited.id, { toStatus: 'on_hold', reason: 'Paperwork missing' })
		expect(result.status).toBe(422)
		expect(result.data).toMatchObject({
			errors: { toStatus: { message: 'A supplier that is invited can only become active or blocked.' } },
			defaultValues: { toStatus: 'on_hold', reason: 'Paperwork missing' },
		})
		await expect(
			changeSupplierStatus(getDb(), {
				actor,
				supplierId: invited.id,
				toStatus: 'invited',
				reason: 'Back again',
			}),
		).rejects.toMatchObject({ code: 'RULE_VIOLATION', field: 'toStatus' })
		expect(await statusOf(invited.id)).toBe('invited')
		expect(await historyOf(invited.id)).toEqual([])
		const { total } = await listAuditEvents(getDb(), { entityId: invited.id, limit: 1, offset: 0 })
		expect(total).toBe(0)
	})

	test('every step of invited → active → blocked → on_hold → active is recorded, newest first', async () => {
		const { user: actor } = await buyer()
		const supplier = await insertSupplier(getDb(), { status: 'invited' })
		const steps = ['active', 'blocked', 'on_hold', 'active'] as const
		const start = Date.now()
		for (const [i, toStatus] of steps.entries()) {
			await changeSupplierStatus(getDb(), {
				actor,
				supplierId: supplier.id,
				toStatus,
				reason: `Step ${i + 1} of the review`,
				now: new Date(start + i * 1000),
			})
		}
		const history = await historyOf(supplier.id)
		expect(history.map((h) => [h.fromStatus, h.toStatus])).toEqual([
			['on_hold', 'active'],
			['blocked', 'on_hold'],
			['active', 'blocked'],
			['invited', 'active'],
		])
		const { total } = await listAuditEvents(getDb(), {
			entityId: supplier.id,
			action: 'supplier.status_changed',
			limit: 1,
			offset: 0,
		})
		expect(total).toBe(4)
	})

	test('unknown and malformed ids answer 404 from the page and the form', async () => {
		const { cookie } = await buyer()
		for (const supplierId of [randomUUID(), 'not-a-uuid', '00000000-0000-0000-0000-00000000000z']) {
			const page = await callRoute(
				supplierLoader,
				buildRequest(`/buyer/suppliers/${supplierId}`, { cookie }),
				{
					params: { supplierId },
				},
			)
			expect(page.status, supplierId).toBe(404)
			const post = await postStatus(cookie, supplierId, { toStatus: 'active', reason: 'Looks fine now' })
			expect(post.status, supplierId).toBe(404)
		}
	})

	test('garbage bodies are answered with 400', async () => {
		const { cookie } = await buyer()
		const supplier = await insertSupplier(getDb(), { status: 'active' })
		const forms: Record<string, string>[] = [
			{},
			{ toStatus: 'deleted', reason: 'Because I can' },
			{ toStatus: '', reason: 'Because I can' },
		]
		for (const form of forms) {
			expect((await postStatus(cookie, supplier.id, form)).status, JSON.stringify(form)).toBe(400)
		}
		const json = await callRoute(
			supplierAction,
			buildRequest(`/buyer/suppliers/${supplier.id}`, {
				method: 'POST',
				cookie,
				body: '{"toStatus":"blocked"',
				headers: { 'content-type': 'application/json' },
			}),
			{ params: { supplierId: supplier.id } },
		)
		expect(json.status).toBe(400)
		expect(await statusOf(supplier.id)).toBe('active')
	})
})

describe('the supplier page', () => {
	test('shows profile, people with their state, and capabilities with names', async () => {
		const { cookie } = await buyer()
		const supplier = await insertSupplier(getDb(), {
			name: uniquePrefix('Profiled'),
			regions: ['Nordics'],
			contactPhone: '+46 8 555 0100',
			timeZone: 'Europe/Stockholm',
			available24x7: true,
		})
		const active = await insertUser(getDb(), { role: 'supplier', supplierId: supplier.id, name: 'Aa Active' })
		const disabled = await insertUser(getDb(), {
			role: 'supplier',
			supplierId: supplier.id,
			name: 'Bb Disabled',
			disabledAt: new Date(),
		})
		const category = await insertCategory('Zeta category')
		const orderClass = await insertOrderClass('Zeta class')
		await insertCapability({
			supplierId: supplier.id,
			categoryId: category.id,
			orderClassId: orderClass.id,
			weeklyCapacity: 1200,
			capacityUnit: 'orders',
			pausedAt: new Date(),
		})

		const { data } = await callRoute(
			supplierLoader,
			buildRequest(`/buyer/suppliers/${supplier.id}`, { cookie }),
			{
				params: { supplierId: supplier.id },
			},
		)
		expect(data).toMatchObject({
			supplier: {
				name: supplier.name,
				timeZone: 'Europe/Stockholm',
				available24x7: true,
				regions: ['Nordics'],
			},
			people: [
				{ id: active.id, state: 'active' },
				{ id: disabled.id, state: 'disabled' },
			],
			capabilities: [
				{
					categoryName: 'Zeta category',
					orderClassName: 'Zeta class',
					weeklyCapacity: 1200,
					capacityUnit: 'orders',
					pausedAt: expect.any(Date),
				},
			],
			history: [],
		})
	})
})
