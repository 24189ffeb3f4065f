// A NUL character (U+0000) in any form value (found by tests/security/hostile-input.test.ts): the
// schemas accept it as text, PostgreSQL refuses to store it, and the action answered 500. Every
// way an action reads a form now refuses it first, with a message, and stores nothing.
import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { z } from 'zod'
import { action as newOrderClassAction } from '#app/routes/buyer+/order-classes.new.tsx'
import { action as capabilitiesAction } from '#app/routes/supplier+/capabilities.tsx'
import { action as profileAction } from '#app/routes/supplier+/profile.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission, UNSTORABLE_TEXT_MESSAGE } from '#app/utils/form.server.ts'
import { orderClasses, suppliers } from '#db/schema/index.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { createBuyer, createCapableSupplier, createCategory, createOrderClass } from '../orders/fixtures.ts'

const refused = { errors: { root: { message: UNSTORABLE_TEXT_MESSAGE } } }

test('parseSubmission refuses a value with U+0000 before validating it', async () => {
	const body = new FormData()
	body.append('name', 'Ada\u0000Lovelace')
	const request = new Request('http://localhost/x', { method: 'POST', body })
	expect(await parseSubmission(request, z.object({ name: z.string() }))).toMatchObject({
		success: false,
		...refused,
	})
})

test('a new order class whose description holds U+0000 is refused, and none is created', async () => {
	const db = getDb()
	const cookie = await sessionCookieFor((await createBuyer(db)).id)
	const name = `Nul class ${crypto.randomUUID().slice(0, 8)}`
	const form = {
		name,
		description: '\u0000',
		priorityRank: '999',
		key: '',
		ackDeadlineMinutes: '120',
		deliveryTargetHours: '120',
		currency: 'EUR',
		routingMode: 'cascade',
		weightPrice: '25',
		weightSpeed: '25',
		weightReliability: '25',
		weightCapacity: '25',
	}
	const result = await callRoute(
		newOrderClassAction,
		buildRequest('/buyer/order-classes/new', { method: 'POST', cookie, form }),
	)
	expect(result).toMatchObject({ status: 400, data: refused })
	expect(await db.select().from(orderClasses).where(eq(orderClasses.name, name))).toEqual([])
})

test('the supplier profile and capability forms refuse U+0000 too, and keep what was stored', async () => {
	const db = getDb()
	const [category, cls] = [await createCategory(db), await createOrderClass(db)]
	const { supplier, user } = await createCapableSupplier(db, {
		categoryId: category.id,
		orderClassId: cls.id,
	})
	const cookie = await sessionCookieFor(user.id)
	const profile = await callRoute(
		profileAction,
		buildRequest('/supplier/profile', {
			method: 'POST',
			cookie,
			form: { name: 'Renamed\u0000', contactEmail: 'desk@a.example', regions: 'EU-West', timeZone: 'UTC' },
		}),
	)
	expect(profile).toMatchObject({ status: 400, data: refused })
	const capabilities = await callRoute(
		capabilitiesAction,
		buildRequest('/supplier/capabilities', {
			method: 'POST',
			cookie,
			form: { rowCount: '0', revision: '\u0000' },
		}),
	)
	expect(capabilities).toMatchObject({ status: 400, data: refused })
	const [stored] = await db
		.select({ name: suppliers.name })
		.from(suppliers)
		.where(eq(suppliers.id, supplier.id))
	expect(stored).toEqual({ name: supplier.name })
})
