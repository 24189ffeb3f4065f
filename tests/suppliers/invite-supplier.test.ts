import { withBodies } from '#tests/utils/outbox.ts'
import { and, eq, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { inviteSupplierOrganisation } from '#app/models/supplier/invite-supplier.server.ts'
import { loader as supplierLoader } from '#app/routes/buyer+/suppliers.$supplierId.tsx'
import { action as inviteAction, loader as inviteLoader } from '#app/routes/buyer+/suppliers.new.tsx'
import { getDb, schema } from '#app/utils/db.server.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute, uniqueEmail } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { uniquePrefix } from './fixtures.ts'
import { chainAuditEvents } from '#app/models/audit-event.server.ts'

const { auditEvents, outboxEmails, suppliers, userInvitations } = schema

async function buyer() {
	const user = await insertUser(getDb(), { role: 'buyer', name: 'Bea Buyer' })
	return { user, cookie: await sessionCookieFor(user.id) }
}

function inviteForm(overrides: Record<string, string> = {}) {
	return {
		name: uniquePrefix('Invited Org'),
		regions: JSON.stringify(['APAC', 'EU-West']),
		contactEmail: uniqueEmail('contact'),
		contactPhone: '+44 20 7946 0000',
		timeZone: 'europe/london',
		userName: 'Fiona First',
		userEmail: uniqueEmail('first'),
		...overrides,
	}
}

function postInvite(cookie: string, form: Record<string, string>) {
	return callRoute(inviteAction, buildRequest('/buyer/suppliers/new', { method: 'POST', cookie, form }))
}

async function supplierNamed(name: string) {
	return getDb().select().from(suppliers).where(eq(suppliers.name, name))
}

describe('inviting a supplier organisation', () => {
	test('creates the invited supplier, its first user’s invitation, the email and both audit events', async () => {
		const { user, cookie } = await buyer()
		const form = inviteForm()
		const result = await postInvite(cookie, form)
		expect(result.status).toBe(302)
		expect(result.setCookie).toMatch(/^en_toast=/)

		const [supplier] = await supplierNamed(form.name)
		expect(supplier).toMatchObject({
			status: 'invited',
			// Stored in the fixed list's order, whatever order the boxes were ticked in.
			regions: ['EU-West', 'APAC'],
			contactEmail: form.contactEmail,
			contactPhone: '+44 20 7946 0000',
			timeZone: 'Europe/London',
		})
		expect(result.location).toBe(`/buyer/suppliers/${supplier!.id}`)

		const [invitation] = await getDb()
			.select()
			.from(userInvitations)
			.where(eq(userInvitations.supplierId, supplier!.id))
		expect(invitation).toMatchObject({ email: form.userEmail, name: 'Fiona First', role: 'supplier' })
		const ttlHours = (invitation!.expiresAt.getTime() - invitation!.createdAt.getTime()) / 3_600_000
		expect(ttlHours).toBe(72)

		const [mail] = await withBodies(
			await getDb().select().from(outboxEmails).where(eq(outboxEmails.toAddress, form.userEmail)),
		)
		expect(mail?.subject).toBe('Bea Buyer invited you to Procura')
		expect(mail?.text).toContain(form.name)
		expect(mail?.text).toMatch(/\/invitations\/[a-z2-7]{32}/)

		await chainAuditEvents(getDb())
		const trail = await getDb()
			.select({ action: auditEvents.action, entityId: auditEvents.entityId, actor: auditEvents.actorUserId })
			.from(auditEvents)
			.where(eq(auditEvents.supplierId, supplier!.id))
			.orderBy(auditEvents.seq)
		expect(trail).toEqual([
			{ action: 'supplier.invited', entityId: supplier!.id, actor: user.id },
			{ action: 'user.invited', entityId: invitation!.id, actor: user.id },
		])

		// The supplier page lists the first user as invited until they accept.
		const page = await callRoute(supplierLoader, buildRequest(result.location!, { cookie }), {
			params: { supplierId: supplier!.id },
		})
		expect(page.data).toMatchObject({
			supplier: { status: 'invited' },
			people: [{ name: 'Fiona First', email: form.userEmail, state: 'invited' }],
			allowedTransitions: ['active', 'blocked'],
		})
	})

	test('an email that already has an account is refused on its field, and nothing is left behind', async () => {
		const { cookie } = await buyer()
		const existing = await insertUser(getDb(), { role: 'buyer' })
		const form = inviteForm({ userEmail: existing.email.toUpperCase() })
		const auditBefore = await auditCount()

		const result = await postInvite(cookie, form)
		expect(result.status).toBe(422)
		expect(result.data).toMatchObject({
			errors: { userEmail: { message: 'A user with this email already exists.' } },
			defaultValues: { name: form.name, regions: ['EU-West', 'APAC'], userEmail: form.userEmail },
		})
		// The supplier was inserted before the invitation failed: the transaction took it back.
		expect(await supplierNamed(form.name)).toEqual([])
		expect(await auditCount()).toBe(auditBefore)
	})

	test('an email with an open invitation is refused the same way', async () => {
		const { user } = await buyer()
		const first = inviteForm()
		await inviteSupplierOrganisation(getDb(), {
			actor: user,
			organisation: { ...first, regions: ['APAC'] },
			firstUser: { name: first.userName, email: first.userEmail },
			appUrl: 'http://x',
		})
		const second = inviteForm({ userEmail: first.userEmail })
		await expect(
			inviteSupplierOrganisation(getDb(), {
				actor: user,
				organisation: { ...second, regions: ['APAC'] },
				firstUser: { name: second.userName, email: second.userEmail },
				appUrl: 'http://x',
			}),
		).rejects.toMatchObject({ code: 'RULE_VIOLATION', field: 'userEmail' })
		expect(await supplierNamed(second.name)).toEqual([])
	})

	test('a name another supplier has, in any case, is refused on the name field', async () => {
		const { cookie } = await buyer()
		const taken = await insertSupplier(getDb(), { name: uniquePrefix('Taken Name') })
		const form = inviteForm({ name: `  ${taken.name.toUpperCase()} ` })
		const result = await postInvite(cookie, form)
		expect(result.status).toBe(409)
		expect(result.data).toMatchObject({
			errors: { name: { message: 'A supplier with this name already exists.' } },
		})
		const sameName = await getDb()
			.select({ id: suppliers.id })
			.from(suppliers)
			.where(sql`lower(${suppliers.name}) = ${taken.name.toLowerCase()}`)
		expect(sameName).toEqual([{ id: taken.id }])
		const [invited] = await getDb()
			.select()
			.from(userInvitations)
			.where(and(eq(userInvitations.email, form.userEmail)))
		expect(invited).toBeUndefined()
	})

	test('regions sent as repeated fields (a form posted without JavaScript) are all kept', async () => {
		const { cookie } = await buyer()
		const form = inviteForm()
		const body = new URLSearchParams({ ...form, regions: '' })
		body.delete('regions')
		body.append('regions[]', 'Nordics')
		body.append('regions[]', 'LATAM')
		const result = await callRoute(
			inviteAction,
			buildRequest('/buyer/suppliers/new', {
				method: 'POST',
				cookie,
				body,
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
			}),
		)
		expect(result.status).toBe(302)
		const [supplier] = await supplierNamed(form.name)
		expect(supplier?.regions).toEqual(['Nordics', 'LATAM'])
	})

	test('invalid fields come back as 400 with a message next to each, and create nothing', async () => {
		const { cookie } = await buyer()
		const form = inviteForm({
			regions: '[]',
			contactEmail: 'not-an-email',
			contactPhone: 'call me maybe',
			timeZone: 'Mars/Olympus_Mons',
			userName: '   ',
			userEmail: '',
		})
		const result = await postInvite(cookie, form)
		expect(result.status).toBe(400)
		const errors = (result.data as { errors: Record<string, { message: string }> }).errors
		expect(Object.keys(errors).sort()).toEqual(
			['contactEmail', 'contactPhone', 'regions', 'timeZone', 'userEmail', 'userName'].sort(),
		)
		expect(errors.regions?.message).toBe('Choose at least one region.')
		expect(await supplierNamed(form.name)).toEqual([])
	})

	test('garbage bodies are answered with 400, never 500', async () => {
		const { cookie } = await buyer()
		const bodies: { body: BodyInit; type: string }[] = [
			{ body: '', type: 'application/x-www-form-urlencoded' },
			{ body: '{"name":', type: 'application/json' },
			{ body: 'regions=%5B%22Atlantis%22%5D&name=x', type: 'application/x-www-form-urlencoded' },
			{ body: 'regions=%5Bnot-json&name=Valid+Name', type: 'application/x-www-form-urlencoded' },
			{ body: '\u0000\u0001binary', type: 'multipart/form-data; boundary=nope' },
		]
		for (const { body, type } of bodies) {
			const result = await callRoute(
				inviteAction,
				buildRequest('/buyer/suppliers/new', {
					method: 'POST',
					cookie,
					body,
					headers: { 'content-type': type },
				}),
			)
			expect(result.status, String(body)).toBe(400)
		}
	})

	test('the page offers the time zones it accepts', async () => {
		const { cookie } = await buyer()
		const { data } = await callRoute(inviteLoader, buildRequest('/buyer/suppliers/new', { cookie }))
		expect((data as { timeZones: string[] }).timeZones).toEqual(
			expect.arrayContaining(['UTC', 'Europe/London']),
		)
	})
})

async function auditCount() {
	const [row] = await getDb()
		.select({ n: sql<number>`count(*)::int` })
		.from(auditEvents)
	return row?.n ?? 0
}
