import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { action, loader } from '#app/routes/supplier+/profile.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { suppliers } from '#db/schema/index.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { auditTrailOf, twoSuppliersWithCapabilities } from './fixtures.ts'

type Profile = {
	name?: string
	contactEmail?: string
	contactPhone?: string
	regions?: string[]
	timeZone?: string
	available24x7?: boolean
}

function profileForm(p: Profile): URLSearchParams {
	const form = new URLSearchParams()
	for (const key of ['name', 'contactEmail', 'contactPhone', 'timeZone'] as const) {
		if (p[key] !== undefined) form.set(key, p[key])
	}
	for (const region of p.regions ?? []) form.append('regions', region)
	if (p.available24x7) form.set('available24x7', 'on')
	return form
}

const VALID: Profile = {
	name: 'Renamed Back Office',
	contactEmail: 'Desk@Renamed.example',
	contactPhone: '+49 30 1234567',
	regions: ['EU-Central', 'EU-West', 'Nordics'],
	timeZone: 'Europe/Berlin',
	available24x7: false,
}

function post(cookie: string, body: BodyInit, contentType = 'application/x-www-form-urlencoded') {
	return buildRequest('/supplier/profile', {
		method: 'POST',
		cookie,
		body,
		headers: { 'content-type': contentType },
	})
}

async function supplierRow(id: string) {
	const [row] = await getDb().select().from(suppliers).where(eq(suppliers.id, id))
	return row!
}

describe('the organisation profile', () => {
	test('is read and saved for the session’s own supplier, whatever the URL says, with an audit event', async () => {
		const { supplierA, supplierB, userOfA, cookieOfA } = await twoSuppliersWithCapabilities()
		const page = await callRoute(
			loader,
			buildRequest(`/supplier/profile?supplierId=${supplierB.id}`, { cookie: cookieOfA }),
		)
		expect(page.data).toMatchObject({ profile: { id: supplierA.id, name: supplierA.name } })

		const bBefore = await supplierRow(supplierB.id)
		const result = await callRoute(action, post(cookieOfA, profileForm(VALID)), {
			params: { supplierId: supplierB.id },
		})
		expect(result.status).toBe(302)
		expect(result.location).toBe('/supplier/profile')

		expect(await supplierRow(supplierA.id)).toMatchObject({
			name: 'Renamed Back Office',
			contactEmail: 'desk@renamed.example',
			contactPhone: '+49 30 1234567',
			regions: ['EU-West', 'EU-Central', 'Nordics'],
			timeZone: 'Europe/Berlin',
			available24x7: false,
		})
		expect(await supplierRow(supplierB.id)).toEqual(bBefore)

		const trail = await auditTrailOf(supplierA.id, 'supplier')
		expect(trail).toHaveLength(1)
		expect(trail[0]).toMatchObject({
			action: 'supplier.profile_updated',
			entityId: supplierA.id,
			actorUserId: userOfA.id,
			actorRole: 'supplier',
			before: { name: supplierA.name, available24x7: true, regions: ['EU-West', 'EU-Central'] },
			after: { name: 'Renamed Back Office', available24x7: false, timeZone: 'Europe/Berlin' },
		})
		expect(await auditTrailOf(supplierB.id, 'supplier')).toEqual([])

		// Saving the same profile again writes nothing.
		expect((await callRoute(action, post(cookieOfA, profileForm(VALID)))).status).toBe(302)
		expect(await auditTrailOf(supplierA.id, 'supplier')).toHaveLength(1)
	})

	test('invalid fields answer 400 with their messages and the typed values; nothing is written', async () => {
		const { supplierA, cookieOfA } = await twoSuppliersWithCapabilities()
		const before = await supplierRow(supplierA.id)
		const result = await callRoute(
			action,
			post(
				cookieOfA,
				profileForm({ ...VALID, name: ' ', contactPhone: 'call me', regions: [], timeZone: 'Mars/Olympus' }),
			),
		)
		expect(result.status).toBe(400)
		expect(result.data).toMatchObject({
			errors: {
				name: { message: "Enter your organisation's name." },
				contactPhone: { message: 'Enter a phone number, like +44 20 7946 0101.' },
				regions: { message: 'Choose at least one region.' },
				timeZone: { message: 'Choose a time zone from the list, like Europe/Berlin.' },
			},
			defaultValues: { timeZone: 'Mars/Olympus', contactPhone: 'call me' },
		})
		expect(await supplierRow(supplierA.id)).toEqual(before)
		expect(await auditTrailOf(supplierA.id, 'supplier')).toEqual([])
	})

	test('a region its capabilities still serve cannot be dropped', async () => {
		const { supplierA, cookieOfA } = await twoSuppliersWithCapabilities()
		const result = await callRoute(
			action,
			post(cookieOfA, profileForm({ ...VALID, regions: ['EU-Central'] })),
		)
		expect(result.status).toBe(422)
		expect(result.data).toMatchObject({
			errors: {
				regions: {
					message: 'Your capabilities still serve EU-West (1 capability). Take the region off them first.',
				},
			},
		})
		expect((await supplierRow(supplierA.id)).regions).toEqual(['EU-West', 'EU-Central'])
	})

	test('regions outside the fixed list and garbage bodies answer 400, never 500', async () => {
		const { cookieOfA } = await twoSuppliersWithCapabilities()
		const attempts: Array<[BodyInit, string?]> = [
			[profileForm({ ...VALID, regions: ['Atlantis'] })],
			[''],
			['name=x&regions=EU-West&regions=EU-West&timeZone=%2B01%3A00&contactEmail=nope'],
			[JSON.stringify(VALID), 'application/json'],
			['--x\r\ngarbage', 'multipart/form-data; boundary=x'],
		]
		for (const [body, type] of attempts) {
			expect((await callRoute(action, post(cookieOfA, body, type))).status).toBe(400)
		}
	})

	for (const role of ['buyer', 'auditor'] as const) {
		test(`a ${role} gets 403`, async () => {
			const user = await insertUser(getDb(), { role })
			const cookie = await sessionCookieFor(user.id)
			expect((await callRoute(loader, buildRequest('/supplier/profile', { cookie }))).status).toBe(403)
			expect((await callRoute(action, post(cookie, profileForm(VALID)))).status).toBe(403)
		})
	}
})
