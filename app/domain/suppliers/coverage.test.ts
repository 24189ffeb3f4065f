import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	computeCoverage,
	type CoverageCapability,
	formatCoverageCell,
	formatCoverageSummary,
} from './coverage.ts'
import { SUPPLIER_STATUSES } from './supplier-status.ts'

const categories = [
	{ id: 'cat-a', name: 'Accounting' },
	{ id: 'cat-p', name: 'Payroll' },
]
const orderClasses = [
	{ id: 'cls-e', name: 'Emergency' },
	{ id: 'cls-s', name: 'Standard' },
]

function capability(overrides: Partial<CoverageCapability>): CoverageCapability {
	return {
		supplierId: 's1',
		supplierStatus: 'active',
		categoryId: 'cat-a',
		orderClassId: 'cls-s',
		weeklyCapacity: 100,
		pausedAt: null,
		...overrides,
	}
}

function cellOf(matrix: ReturnType<typeof computeCoverage>, categoryId: string, orderClassId: string) {
	const row = matrix.rows.find((r) => r.category.id === categoryId)
	return row?.cells.find((c) => c.orderClassId === orderClassId)
}

describe('computeCoverage', () => {
	test('counts active, unpaused suppliers per cell and sums their capacity', () => {
		const matrix = computeCoverage({
			categories,
			orderClasses,
			capabilities: [
				capability({ supplierId: 's1', weeklyCapacity: 600 }),
				capability({ supplierId: 's2', weeklyCapacity: 900 }),
				capability({ supplierId: 's3', weeklyCapacity: 50, pausedAt: new Date('2026-01-01') }),
				capability({ supplierId: 's4', weeklyCapacity: 70, supplierStatus: 'on_hold' }),
				capability({ supplierId: 's5', weeklyCapacity: 70, supplierStatus: 'blocked' }),
				capability({ supplierId: 's6', weeklyCapacity: 70, supplierStatus: 'invited' }),
				capability({ supplierId: 's1', categoryId: 'cat-p', orderClassId: 'cls-e', weeklyCapacity: 10 }),
				// A category the matrix does not show (retired, say) is ignored.
				capability({ supplierId: 's1', categoryId: 'cat-retired', weeklyCapacity: 10 }),
			],
		})
		expect(cellOf(matrix, 'cat-a', 'cls-s')).toMatchObject({ supplierCount: 2, weeklyCapacity: 1500 })
		expect(cellOf(matrix, 'cat-p', 'cls-e')).toMatchObject({ supplierCount: 1, weeklyCapacity: 10 })
		expect(cellOf(matrix, 'cat-a', 'cls-e')).toMatchObject({ supplierCount: 0, weeklyCapacity: 0 })
		expect(matrix).toMatchObject({ gapCount: 2, cellCount: 4 })
		expect(matrix.rows.map((r) => r.category.name)).toEqual(['Accounting', 'Payroll'])
		expect(matrix.rows[0]?.cells.map((c) => c.orderClassId)).toEqual(['cls-e', 'cls-s'])
	})

	test('with no categories or classes there is nothing to cover', () => {
		expect(computeCoverage({ categories: [], orderClasses, capabilities: [] })).toMatchObject({
			rows: [],
			gapCount: 0,
			cellCount: 0,
		})
	})

	const anyCapability = fc.record({
		supplierId: fc.constantFrom('s1', 's2', 's3', 's4'),
		supplierStatus: fc.constantFrom(...SUPPLIER_STATUSES),
		categoryId: fc.constantFrom('cat-a', 'cat-p'),
		orderClassId: fc.constantFrom('cls-e', 'cls-s'),
		weeklyCapacity: fc.integer({ min: 1, max: 1_000_000 }),
		pausedAt: fc.option(fc.date({ noInvalidDate: true }), { nil: null }),
	})
	// The schema's unique (supplier, category, class) constraint: one row per pair per supplier.
	const capabilitySet = fc.uniqueArray(anyCapability, {
		selector: (c) => `${c.supplierId}|${c.categoryId}|${c.orderClassId}`,
		maxLength: 16,
	})

	test('every cell equals the active, unpaused rows for its pair; gaps are the empty cells', () => {
		fc.assert(
			fc.property(capabilitySet, (capabilities) => {
				const matrix = computeCoverage({ categories, orderClasses, capabilities })
				let gaps = 0
				for (const row of matrix.rows) {
					for (const cell of row.cells) {
						const counted = capabilities.filter(
							(c) =>
								c.categoryId === cell.categoryId &&
								c.orderClassId === cell.orderClassId &&
								c.supplierStatus === 'active' &&
								c.pausedAt === null,
						)
						expect(cell.supplierCount).toBe(counted.length)
						expect(cell.weeklyCapacity).toBe(counted.reduce((sum, c) => sum + c.weeklyCapacity, 0))
						if (cell.supplierCount === 0) gaps++
					}
				}
				expect(matrix.gapCount).toBe(gaps)
				expect(matrix.cellCount).toBe(4)
			}),
		)
	})

	test('pausing a capability or taking its supplier off active never adds coverage', () => {
		fc.assert(
			fc.property(capabilitySet, fc.nat(), (capabilities, pick) => {
				fc.pre(capabilities.length > 0)
				const before = computeCoverage({ categories, orderClasses, capabilities })
				const i = pick % capabilities.length
				const paused = capabilities.map((c, j) => (j === i ? { ...c, pausedAt: new Date(0) } : c))
				const after = computeCoverage({ categories, orderClasses, capabilities: paused })
				expect(after.gapCount).toBeGreaterThanOrEqual(before.gapCount)
				after.rows.forEach((row, r) =>
					row.cells.forEach((cell, c) => {
						const was = before.rows[r]!.cells[c]!
						expect(cell.supplierCount).toBeLessThanOrEqual(was.supplierCount)
						expect(cell.weeklyCapacity).toBeLessThanOrEqual(was.weeklyCapacity)
					}),
				)
			}),
		)
	})
})

describe('formatting', () => {
	test.each([
		[{ supplierCount: 0, weeklyCapacity: 0 }, 'No supplier'],
		[{ supplierCount: 1, weeklyCapacity: 600 }, '1 supplier · 600 per week'],
		[{ supplierCount: 3, weeklyCapacity: 1500 }, '3 suppliers · 1,500 per week'],
		[{ supplierCount: 12, weeklyCapacity: 2_345_678 }, '12 suppliers · 2,345,678 per week'],
	])('%j reads %s', (cell, text) => {
		expect(formatCoverageCell(cell)).toBe(text)
	})

	test('the summary counts gaps among all combinations', () => {
		expect(formatCoverageSummary({ gapCount: 3, cellCount: 40 })).toBe(
			'3 of 40 category × class combinations have no supplier',
		)
		expect(formatCoverageSummary({ gapCount: 1, cellCount: 40 })).toBe(
			'1 of 40 category × class combinations have no supplier',
		)
	})
})
