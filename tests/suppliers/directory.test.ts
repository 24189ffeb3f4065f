import { describe, expect, test } from 'vitest'
import { listSuppliers } from '#app/models/supplier/list-suppliers.server.ts'
import { loader as directoryLoader } from '#app/routes/buyer+/suppliers._index.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { insertCapability, insertCategory, insertOrderClass, uniquePrefix } from './fixtures.ts'

type DirectoryPage = Awaited<ReturnType<typeof directoryLoader>>

async function buyerPage(search: string) {
	const buyer = await insertUser(getDb(), { role: 'buyer' })
	const result = await callRoute(
		directoryLoader,
		buildRequest(`/buyer/suppliers?${search}`, { cookie: await sessionCookieFor(buyer.id) }),
	)
	expect(result.status).toBe(200)
	return result.data as DirectoryPage
}

describe('the supplier directory', () => {
	test('searches by name, pages 25 at a time and sorts by name both ways', async () => {
		const prefix = uniquePrefix('Paged')
		for (let i = 0; i < 27; i++) {
			await insertSupplier(getDb(), { name: `${prefix} ${String(i).padStart(2, '0')}` })
		}
		const q = encodeURIComponent(prefix.toLowerCase())

		const first = await buyerPage(`q=${q}`)
		expect(first.total).toBe(27)
		expect(first.suppliers).toHaveLength(25)
		expect(first.suppliers[0]?.name).toBe(`${prefix} 00`)
		const second = await buyerPage(`q=${q}&page=2`)
		expect(second.suppliers.map((s) => s.name)).toEqual([`${prefix} 25`, `${prefix} 26`])

		const reversed = await buyerPage(`q=${q}&sort=-name`)
		expect(reversed.suppliers[0]?.name).toBe(`${prefix} 26`)
		expect(reversed.query.sort).toBe('-name')

		// Unreadable parameters fall back instead of failing.
		const garbage = await buyerPage(
			`q=${q}&status=wizard&region=Atlantis&category=x&orderClass=1&sort=up&page=-3`,
		)
		expect(garbage.total).toBe(27)
		expect(garbage.page).toBe(1)
		expect(garbage.query).toMatchObject({ status: undefined, region: undefined, sort: 'name' })
	})

	test('searches the contact email too, ignoring case, and treats % and _ as text', async () => {
		const prefix = uniquePrefix('Mail')
		const tag = prefix.split(' ')[1]!
		const supplier = await insertSupplier(getDb(), {
			name: `${prefix} Co`,
			contactEmail: `desk-${tag}@zeta.example`,
		})
		const byEmail = await listSuppliers(getDb(), {
			search: `DESK-${tag.toUpperCase()}@ZETA`,
			limit: 25,
			offset: 0,
		})
		expect(byEmail.suppliers.map((s) => s.id)).toEqual([supplier.id])
		const wildcard = await listSuppliers(getDb(), { search: `desk_${tag}`, limit: 25, offset: 0 })
		expect(wildcard.total).toBe(0)
	})

	test('filters by status and region', async () => {
		const prefix = uniquePrefix('Filter')
		const active = await insertSupplier(getDb(), { name: `${prefix} A`, status: 'active', regions: ['APAC'] })
		const onHold = await insertSupplier(getDb(), {
			name: `${prefix} B`,
			status: 'on_hold',
			regions: ['LATAM'],
		})
		await insertSupplier(getDb(), { name: `${prefix} C`, status: 'blocked', regions: ['APAC', 'LATAM'] })
		const q = encodeURIComponent(prefix)

		const held = await buyerPage(`q=${q}&status=on_hold`)
		expect(held.suppliers.map((s) => s.id)).toEqual([onHold.id])
		const apac = await buyerPage(`q=${q}&region=APAC`)
		expect(apac.suppliers.map((s) => s.name)).toEqual([`${prefix} A`, `${prefix} C`])
		const apacActive = await buyerPage(`q=${q}&region=APAC&status=active`)
		expect(apacActive.suppliers.map((s) => s.id)).toEqual([active.id])
		const none = await buyerPage(`q=${q}&status=invited`)
		expect(none).toMatchObject({ total: 0, suppliers: [] })
	})

	test('filters by category and order class: only capabilities that are not paused count', async () => {
		const prefix = uniquePrefix('Capable')
		const [category, otherCategory] = [await insertCategory(), await insertCategory()]
		const [orderClass, otherClass] = [await insertOrderClass(), await insertOrderClass()]
		const serves = await insertSupplier(getDb(), { name: `${prefix} serves` })
		const paused = await insertSupplier(getDb(), { name: `${prefix} paused` })
		const otherPair = await insertSupplier(getDb(), { name: `${prefix} other pair` })
		await insertCapability({ supplierId: serves.id, categoryId: category.id, orderClassId: orderClass.id })
		await insertCapability({
			supplierId: paused.id,
			categoryId: category.id,
			orderClassId: orderClass.id,
			pausedAt: new Date(),
		})
		// Same category in another class and same class in another category: not the pair asked for.
		await insertCapability({ supplierId: otherPair.id, categoryId: category.id, orderClassId: otherClass.id })
		await insertCapability({
			supplierId: otherPair.id,
			categoryId: otherCategory.id,
			orderClassId: orderClass.id,
		})
		const q = encodeURIComponent(prefix)
		const names = async (search: string) => (await buyerPage(`q=${q}&${search}`)).suppliers.map((s) => s.name)

		expect(await names(`category=${category.id}&orderClass=${orderClass.id}`)).toEqual([`${prefix} serves`])
		expect(await names(`category=${category.id}`)).toEqual([`${prefix} other pair`, `${prefix} serves`])
		expect(await names(`orderClass=${orderClass.id}`)).toEqual([`${prefix} other pair`, `${prefix} serves`])

		const page = await buyerPage(`q=${q}`)
		expect(page.categoryOptions).toContainEqual({ id: category.id, name: category.name })
		expect(page.orderClassOptions).toContainEqual({ id: orderClass.id, name: orderClass.name })
		expect(page.suppliers.find((s) => s.id === otherPair.id)?.capabilityCount).toBe(2)
		expect(page.suppliers.find((s) => s.id === paused.id)?.capabilityCount).toBe(1)
	})

	test('each row counts the supplier’s users and open invitations', async () => {
		const prefix = uniquePrefix('People')
		const supplier = await insertSupplier(getDb(), { name: `${prefix} Ltd` })
		await insertUser(getDb(), { role: 'supplier', supplierId: supplier.id })
		await insertUser(getDb(), { role: 'supplier', supplierId: supplier.id, disabledAt: new Date() })
		const [row] = (await buyerPage(`q=${encodeURIComponent(prefix)}`)).suppliers
		expect(row).toMatchObject({ id: supplier.id, userCount: 2, invitedCount: 0, capabilityCount: 0 })
	})
})
