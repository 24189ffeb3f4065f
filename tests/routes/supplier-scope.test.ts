import { describe, expect, test } from 'vitest'
import { loader as supplierDashboardLoader } from '#app/routes/supplier+/_index.tsx'
import { loader as teamMemberLoader } from '#app/routes/supplier+/team.$userId.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'

async function twoSuppliers() {
	const db = getDb()
	const [supplierA, supplierB] = [await insertSupplier(db, { name: 'Supplier A' }), await insertSupplier(db, { name: 'Supplier B' })]
	const aliceOfA = await insertUser(db, { role: 'supplier', supplierId: supplierA.id, name: 'Alice of A' })
	const colleagueOfA = await insertUser(db, { role: 'supplier', supplierId: supplierA.id, name: 'Colleague of A' })
	const bobOfB = await insertUser(db, { role: 'supplier', supplierId: supplierB.id, name: 'Bob of B' })
	return { supplierA, supplierB, aliceOfA, colleagueOfA, bobOfB, cookieOfA: await sessionCookieFor(aliceOfA.id) }
}

describe("a supplier's user sees only its own supplier's data", () => {
	test('a colleague of the same supplier is visible', async () => {
		const { colleagueOfA, cookieOfA } = await twoSuppliers()
		const result = await callRoute(teamMemberLoader, buildRequest(`/supplier/team/${colleagueOfA.id}`, { cookie: cookieOfA }), {
			params: { userId: colleagueOfA.id },
		})
		expect(result.status).toBe(200)
		expect(result.data).toMatchObject({ member: { id: colleagueOfA.id, email: colleagueOfA.email } })
	})

	test("another supplier's user answers 404, exactly like an id that does not exist", async () => {
		const { bobOfB, cookieOfA } = await twoSuppliers()
		for (const userId of [bobOfB.id, '00000000-0000-4000-8000-999999999999', 'not-a-uuid']) {
			const result = await callRoute(teamMemberLoader, buildRequest(`/supplier/team/${userId}`, { cookie: cookieOfA }), {
				params: { userId },
			})
			expect(result.thrown, userId).toBe(true)
			expect(result.status, userId).toBe(404)
			expect(JSON.stringify(result.data ?? '')).not.toContain(bobOfB.email)
		}
	})

	test('the dashboard is scoped by the session, whatever the URL says', async () => {
		const { supplierA, supplierB, bobOfB, cookieOfA } = await twoSuppliers()
		const result = await callRoute(
			supplierDashboardLoader,
			buildRequest(`/supplier?supplierId=${supplierB.id}`, { cookie: cookieOfA }),
			{ params: { supplierId: supplierB.id } },
		)
		expect(result.status).toBe(200)
		expect(result.data).toMatchObject({ supplier: { id: supplierA.id, name: 'Supplier A' } })
		expect(JSON.stringify(result.data)).not.toContain(bobOfB.email)
	})

	test('a buyer is not a supplier user: 403', async () => {
		const buyer = await insertUser(getDb(), { role: 'buyer' })
		const result = await callRoute(supplierDashboardLoader, buildRequest('/supplier', { cookie: await sessionCookieFor(buyer.id) }))
		expect(result.status).toBe(403)
	})
})
