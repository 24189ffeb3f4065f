import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { type CoverageMatrix } from '#app/domain/suppliers/coverage.ts'
import { getCoverageMatrix } from '#app/models/coverage.server.ts'
import { getBuyerDashboard } from '#app/models/dashboard.server.ts'
import { loader as coverageLoader } from '#app/routes/buyer+/coverage.tsx'
import { getDb, schema } from '#app/utils/db.server.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { insertCapability, insertCategory, insertOrderClass, uniquePrefix } from './fixtures.ts'

function cell(matrix: CoverageMatrix, categoryId: string, orderClassId: string) {
	const row = matrix.rows.find((r) => r.category.id === categoryId)
	const found = row?.cells.find((c) => c.orderClassId === orderClassId)
	if (!found) throw new Error('cell not in the matrix')
	return { supplierCount: found.supplierCount, weeklyCapacity: found.weeklyCapacity }
}

describe('the coverage matrix', () => {
	test('counts active suppliers with unpaused capabilities per cell and sums their capacity', async () => {
		const prefix = uniquePrefix('Cov')
		// Categories and classes of our own: other tests' capabilities never land in these cells.
		const payroll = await insertCategory(`${prefix} payroll`)
		const archive = await insertCategory(`${prefix} archive`)
		const rush = await insertOrderClass(`${prefix} rush`, 10)
		const routine = await insertOrderClass(`${prefix} routine`, 11)

		const [a, b, c] = [
			await insertSupplier(getDb(), { status: 'active' }),
			await insertSupplier(getDb(), { status: 'active' }),
			await insertSupplier(getDb(), { status: 'active' }),
		]
		const onHold = await insertSupplier(getDb(), { status: 'on_hold' })
		const blocked = await insertSupplier(getDb(), { status: 'blocked' })
		const invited = await insertSupplier(getDb(), { status: 'invited' })

		await insertCapability({
			supplierId: a.id,
			categoryId: payroll.id,
			orderClassId: routine.id,
			weeklyCapacity: 600,
		})
		await insertCapability({
			supplierId: b.id,
			categoryId: payroll.id,
			orderClassId: routine.id,
			weeklyCapacity: 400,
		})
		await insertCapability({
			supplierId: c.id,
			categoryId: payroll.id,
			orderClassId: routine.id,
			weeklyCapacity: 500,
		})
		await insertCapability({
			supplierId: a.id,
			categoryId: payroll.id,
			orderClassId: rush.id,
			weeklyCapacity: 600,
		})
		// Paused, or from suppliers that are not active: none of these count.
		await insertCapability({
			supplierId: b.id,
			categoryId: payroll.id,
			orderClassId: rush.id,
			weeklyCapacity: 9000,
			pausedAt: new Date(),
		})
		for (const s of [onHold, blocked, invited]) {
			await insertCapability({
				supplierId: s.id,
				categoryId: payroll.id,
				orderClassId: rush.id,
				weeklyCapacity: 9000,
			})
			await insertCapability({
				supplierId: s.id,
				categoryId: archive.id,
				orderClassId: rush.id,
				weeklyCapacity: 9000,
			})
		}
		await insertCapability({
			supplierId: c.id,
			categoryId: archive.id,
			orderClassId: routine.id,
			weeklyCapacity: 1,
			pausedAt: new Date(),
		})

		const matrix = await getCoverageMatrix(getDb())
		expect(cell(matrix, payroll.id, routine.id)).toEqual({ supplierCount: 3, weeklyCapacity: 1500 })
		expect(cell(matrix, payroll.id, rush.id)).toEqual({ supplierCount: 1, weeklyCapacity: 600 })
		expect(cell(matrix, archive.id, rush.id)).toEqual({ supplierCount: 0, weeklyCapacity: 0 })
		expect(cell(matrix, archive.id, routine.id)).toEqual({ supplierCount: 0, weeklyCapacity: 0 })

		// Rows by name, columns by priority rank; the seeded classes come first (ranks 1–5).
		const rowNames = matrix.rows.map((r) => r.category.name)
		expect(rowNames.indexOf(archive.name)).toBeLessThan(rowNames.indexOf(payroll.name))
		const columns = matrix.orderClasses.map((oc) => oc.name)
		expect(columns.slice(0, 5)).toEqual(['Emergency', 'Urgent', 'Standard', 'Bulk', 'One-time'])
		expect(columns.indexOf(rush.name)).toBeLessThan(columns.indexOf(routine.name))
		expect(matrix.cellCount).toBe(matrix.categories.length * matrix.orderClasses.length)
		expect(matrix.gapCount).toBeGreaterThanOrEqual(2)
	})

	test('retired categories and classes leave the matrix', async () => {
		const category = await insertCategory()
		const orderClass = await insertOrderClass()
		const supplier = await insertSupplier(getDb(), { status: 'active' })
		await insertCapability({ supplierId: supplier.id, categoryId: category.id, orderClassId: orderClass.id })
		const before = await getCoverageMatrix(getDb())
		expect(cell(before, category.id, orderClass.id)).toEqual({ supplierCount: 1, weeklyCapacity: 100 })

		await getDb()
			.update(schema.categories)
			.set({ retiredAt: new Date() })
			.where(eq(schema.categories.id, category.id))
		await getDb()
			.update(schema.orderClasses)
			.set({ retiredAt: new Date() })
			.where(eq(schema.orderClasses.id, orderClass.id))
		const after = await getCoverageMatrix(getDb())
		expect(after.categories.map((c) => c.id)).not.toContain(category.id)
		expect(after.orderClasses.map((c) => c.id)).not.toContain(orderClass.id)
	})

	test('the page serves the matrix to buyers and admins', async () => {
		for (const role of ['buyer', 'admin'] as const) {
			const user = await insertUser(getDb(), { role })
			const result = await callRoute(
				coverageLoader,
				buildRequest('/buyer/coverage', { cookie: await sessionCookieFor(user.id) }),
			)
			expect(result.status, role).toBe(200)
			expect((result.data as { matrix: CoverageMatrix }).matrix.cellCount).toBeGreaterThan(0)
		}
	})

	test('the buyer dashboard reports the same number of gaps', async () => {
		await insertCategory()
		const [dashboard, matrix] = [await getBuyerDashboard(getDb()), await getCoverageMatrix(getDb())]
		expect(dashboard.coverageGapCount).toBe(matrix.gapCount)
		expect(matrix.gapCount).toBeGreaterThan(0)
	})
})
