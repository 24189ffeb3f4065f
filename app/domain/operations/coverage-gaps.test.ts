import { expect, test } from 'vitest'
import { computeCoverage } from '#app/domain/suppliers/coverage.ts'
import { coverageGapsOf } from './coverage-gaps.ts'

const matrix = computeCoverage({
	categories: [
		{ id: 'pay', name: 'Payroll' },
		{ id: 'it', name: 'IT support' },
	],
	orderClasses: [
		{ id: 'std', name: 'Standard' },
		{ id: 'em', name: 'Emergency' },
	],
	capabilities: [
		{
			supplierId: 's1',
			supplierStatus: 'active',
			categoryId: 'pay',
			orderClassId: 'std',
			weeklyCapacity: 10,
			pausedAt: null,
		},
		{
			supplierId: 's2',
			supplierStatus: 'on_hold',
			categoryId: 'it',
			orderClassId: 'std',
			weeklyCapacity: 10,
			pausedAt: null,
		},
		{
			supplierId: 's3',
			supplierStatus: 'active',
			categoryId: 'it',
			orderClassId: 'em',
			weeklyCapacity: 5,
			pausedAt: null,
		},
	],
})

test('the pairs no eligible supplier serves, for all classes or one', () => {
	expect(coverageGapsOf(matrix, null)).toEqual({
		cellCount: 4,
		gaps: [
			{ categoryId: 'pay', categoryName: 'Payroll', orderClassId: 'em', className: 'Emergency' },
			{ categoryId: 'it', categoryName: 'IT support', orderClassId: 'std', className: 'Standard' },
		],
	})
	expect(coverageGapsOf(matrix, 'std')).toEqual({
		cellCount: 2,
		gaps: [{ categoryId: 'it', categoryName: 'IT support', orderClassId: 'std', className: 'Standard' }],
	})
	expect(coverageGapsOf(matrix, 'retired-class')).toEqual({ cellCount: 0, gaps: [] })
})
