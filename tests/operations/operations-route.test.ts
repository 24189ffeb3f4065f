import { describe, expect, test } from 'vitest'
import { loader as dashboardLoader } from '#app/routes/buyer+/_index.tsx'
import { loader as operationsLoader } from '#app/routes/buyer+/operations.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { createBuyer } from '#tests/orders/fixtures.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { createWorld } from './history.ts'

type Page = {
	days: number
	orderClass: { id: string; name: string } | null
	messages: string[]
	figures: { cycleTime: { count: number }; backlog: { total: number } }
	trend: { key: string }[]
	byClass: { orderClassId: string }[]
}

const get = (path: string, cookie?: string) => callRoute(operationsLoader, buildRequest(path, { cookie }))

describe('/buyer/operations', () => {
	test('a buyer and an admin get the page; a supplier and an auditor get 403; nobody is sent to log in', async () => {
		const db = getDb()
		const supplier = await insertSupplier(db)
		const [buyer, admin, supplierUser, auditor] = await Promise.all([
			createBuyer(db),
			createBuyer(db, 'admin'),
			insertUser(db, { role: 'supplier', supplierId: supplier.id }),
			insertUser(db, { role: 'auditor' }),
		])
		const cookies = await Promise.all(
			[buyer, admin, supplierUser, auditor].map((u) => sessionCookieFor(u.id)),
		)
		const [asBuyer, asAdmin, asSupplier, asAuditor, anonymous] = await Promise.all([
			...cookies.map((cookie) => get('/buyer/operations', cookie)),
			get('/buyer/operations?days=90'),
		])
		expect(asBuyer!.status).toBe(200)
		expect(asAdmin!.status).toBe(200)
		expect((asBuyer!.data as Page).days).toBe(30)
		expect((asBuyer!.data as Page).messages).toEqual([])
		expect(asSupplier!.status).toBe(403)
		expect(asAuditor!.status).toBe(403)
		expect(anonymous!.status).toBe(302)
		expect(anonymous!.location).toBe('/login?redirectTo=%2Fbuyer%2Foperations%3Fdays%3D90')
	})

	test('90 days and one class from the URL', async () => {
		const w = await createWorld()
		const cookie = await sessionCookieFor((await createBuyer(w.db)).id)
		const page = await get(`/buyer/operations?days=90&orderClassId=${w.cls.id}`, cookie)
		expect(page.status).toBe(200)
		const data = page.data as Page
		expect(data.days).toBe(90)
		expect(data.orderClass).toEqual({ id: w.cls.id, name: w.cls.name })
		expect(data.byClass).toEqual([])
		expect(data.trend.length).toBeGreaterThanOrEqual(13)
	})

	test('bad query values are ignored with a message, never a 500', async () => {
		const cookie = await sessionCookieFor((await createBuyer()).id)
		const cases: [string, number][] = [
			['days=45', 1],
			['days=%F0%9F%92%A5&orderClassId=nope', 2],
			['orderClassId=00000000-0000-4000-8000-000000000000', 1],
			[`days=${'9'.repeat(5000)}&days=30`, 1],
			['orderClassId=%00', 1],
		]
		for (const [search, messages] of cases) {
			const page = await get(`/buyer/operations?${search}`, cookie)
			expect({ search, status: page.status }).toEqual({ search, status: 200 })
			const data = page.data as Page
			expect({ search, days: data.days, class: data.orderClass, messages: data.messages.length }).toEqual({
				search,
				days: 30,
				class: null,
				messages,
			})
		}
	})

	test('the buyer dashboard carries the operations glance', async () => {
		const cookie = await sessionCookieFor((await createBuyer()).id)
		const page = await callRoute(dashboardLoader, buildRequest('/buyer', { cookie }))
		expect(page.status).toBe(200)
		expect((page.data as { operations: Record<string, unknown> }).operations).toMatchObject({
			cycleTime: { count: expect.any(Number) },
			reworkRate: { denominator: expect.any(Number) },
			openOrders: expect.any(Number),
		})
	})
})
