import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { loadClassPolicy } from '#app/models/order/candidates.server.ts'
import { supplierRecipients } from '#app/models/order/order-emails.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { orderClasses, orderClassPolicies } from '#db/schema/index.ts'
import { insertSupplier } from '../factories/suppliers.ts'
import { insertUser } from '../factories/users.ts'
import { createCategory, createOrderClass } from './fixtures.ts'

// loadClassPolicy and supplierRecipients run fixed SQL texts (the hot path of routing) instead of
// drizzle's builder: these pin them to what the builder's select gives.

test('the class policy read returns every policy column as drizzle maps it, with the class and category', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { minQuantity: null, justificationRequired: true })
	const retiredAt = new Date('2031-01-02T03:04:05.678Z')
	await db.update(orderClasses).set({ retiredAt }).where(eq(orderClasses.id, cls.id))
	const [second] = await db
		.insert(orderClassPolicies)
		.values({ ...cls.policy, id: undefined, version: 2, ackDeadlineMinutes: 15, changeNote: 'faster' })
		.returning()
	const [asDrizzle] = await db.select().from(orderClassPolicies).where(eq(orderClassPolicies.id, second!.id))

	const current = await loadClassPolicy(db, { orderClassId: cls.id, categoryId: category.id })
	expect(current).toEqual({
		...asDrizzle,
		className: cls.name,
		classKey: cls.key,
		priorityRank: cls.priorityRank,
		classRetiredAt: retiredAt,
		categoryName: category.name,
		categoryRetiredAt: null,
	})
	expect(current!.createdAt).toBeInstanceOf(Date)
	expect(current!.minQuantity).toBeNull()

	const first = await loadClassPolicy(db, {
		orderClassId: cls.id,
		categoryId: category.id,
		policyId: cls.policy.id,
	})
	expect(first).toMatchObject({ id: cls.policy.id, version: 1, ackDeadlineMinutes: 60 })

	const unknownCategory = await loadClassPolicy(db, {
		orderClassId: cls.id,
		categoryId: '00000000-0000-4000-8000-000000000000',
	})
	expect(unknownCategory).toMatchObject({ version: 2, categoryName: null, categoryRetiredAt: null })
	const otherClassPolicy = await loadClassPolicy(db, {
		orderClassId: (await createOrderClass(db)).id,
		categoryId: category.id,
		policyId: cls.policy.id,
	})
	expect(otherClassPolicy).toBeNull()
})

test("supplier recipients are a supplier's enabled users, or its contact address when it has none", async () => {
	const db = getDb()
	const withUsers = await insertSupplier(db)
	const active = await insertUser(db, {
		role: 'supplier',
		supplierId: withUsers.id,
		name: 'Ada Active',
		password: null,
	})
	await insertUser(db, { role: 'supplier', supplierId: withUsers.id, disabledAt: new Date(), password: null })
	const withoutUsers = await insertSupplier(db)

	const found = await supplierRecipients(db, [withUsers.id, withoutUsers.id])
	expect(found.get(withUsers.id)).toEqual({
		supplierName: withUsers.name,
		recipients: [{ name: 'Ada Active', email: active.email }],
	})
	expect(found.get(withoutUsers.id)).toEqual({
		supplierName: withoutUsers.name,
		recipients: [{ name: withoutUsers.name, email: withoutUsers.contactEmail }],
	})
	expect((await supplierRecipients(db, [])).size).toBe(0)
})
