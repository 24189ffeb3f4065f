import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	blankCapabilityRow,
	buildCapabilitySetSchema,
	capabilityFormDefaults,
	capabilityValuesFrom,
	type CapabilityRowForm,
} from './capability.ts'

const classes = [
	{
		id: 'emergency',
		name: 'Emergency',
		retired: false,
		deliveryTargetHours: 8,
		minQuantity: null,
		requires24x7: true,
	},
	{
		id: 'standard',
		name: 'Standard',
		retired: false,
		deliveryTargetHours: 120,
		minQuantity: null,
		requires24x7: false,
	},
	{
		id: 'bulk',
		name: 'Bulk',
		retired: false,
		deliveryTargetHours: 336,
		minQuantity: 500,
		requires24x7: false,
	},
	{
		id: 'legacy',
		name: 'Legacy',
		retired: true,
		deliveryTargetHours: 48,
		minQuantity: null,
		requires24x7: false,
	},
]
const categories = [
	{ id: 'data-entry', name: 'Data entry', retired: false },
	{ id: 'accounting', name: 'Accounting', retired: false },
]
const schema = buildCapabilitySetSchema({ classes, categories, supplierRegions: ['EU-West', 'EU-Central'] })

function row(overrides: Partial<CapabilityRowForm>): CapabilityRowForm {
	return {
		...blankCapabilityRow(['EU-West']),
		categoryId: 'data-entry',
		orderClassId: 'standard',
		weeklyCapacity: '100',
		leadTimeHours: '48',
		...overrides,
	}
}

function messages(rows: CapabilityRowForm[]) {
	const result = schema.safeParse({ rows })
	return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message])
}

describe('the capability set schema', () => {
	test('a valid row becomes numbers, a null id for a new row, regions in the fixed order', () => {
		const result = schema.parse({
			rows: [row({ weeklyCapacity: ' 800 ', regions: ['EU-Central', 'EU-West'], exceptionNote: '  ' })],
		})
		expect(result.rows).toEqual([
			{
				id: null,
				categoryId: 'data-entry',
				orderClassId: 'standard',
				weeklyCapacity: 800,
				capacityUnit: 'units',
				leadTimeHours: 48,
				regions: ['EU-West', 'EU-Central'],
				available24x7: false,
				exceptionNote: null,
				paused: false,
			},
		])
	})

	test('each message sits on its row and field', () => {
		expect(
			messages([
				row({}),
				row({ orderClassId: 'bulk', weeklyCapacity: '100' }),
				row({ orderClassId: 'emergency', leadTimeHours: '4' }),
				row({ orderClassId: 'legacy', categoryId: 'accounting' }),
				row({}),
				row({ categoryId: 'accounting', weeklyCapacity: '', leadTimeHours: 'soon', capacityUnit: 'boxes' }),
			]),
		).toEqual([
			['rows.1.weeklyCapacity', 'Bulk capacity must be at least 500 units per week, the class minimum.'],
			['rows.2.available24x7', 'Emergency orders need a supplier available 24x7.'],
			['rows.3.orderClassId', 'The Legacy class is retired: it cannot be added.'],
			['rows.5.weeklyCapacity', 'Enter the weekly capacity.'],
			['rows.5.capacityUnit', 'Choose units or orders.'],
			['rows.5.leadTimeHours', 'Enter the lead time in whole hours.'],
			['rows.4.categoryId', 'Data entry × Standard is already declared in row 1.'],
			['rows.4.orderClassId', 'Data entry × Standard is already declared in row 1.'],
		])
	})

	test('a saved row may keep a retired class', () => {
		expect(messages([row({ orderClassId: 'legacy', capabilityId: crypto.randomUUID() })])).toEqual([])
	})

	test('property: any capacity from the bulk minimum to 1,000,000 units is accepted for bulk', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 500, max: 1_000_000 }),
				fc.integer({ min: 1, max: 336 }),
				(capacity, hours) => {
					const rows = [
						row({ orderClassId: 'bulk', weeklyCapacity: String(capacity), leadTimeHours: String(hours) }),
					]
					expect(messages(rows)).toEqual([])
				},
			),
		)
	})
})

describe('reading a posted capability form', () => {
	test('rows by index, repeated regions, ticked boxes; unticked boxes are false', () => {
		const form = new FormData()
		form.set('rowCount', '2')
		form.append('rows.1.categoryId', 'accounting')
		form.append('rows.0.categoryId', 'data-entry')
		form.append('rows.0.regions', 'EU-West')
		form.append('rows.0.regions', 'EU-Central')
		form.append('rows.0.available24x7', 'on')
		form.append('ignored', 'x')
		expect(capabilityValuesFrom(form)).toEqual({
			rows: [
				{ categoryId: 'data-entry', regions: ['EU-West', 'EU-Central'], available24x7: true, paused: false },
				{ categoryId: 'accounting', regions: [], available24x7: false, paused: false },
			],
		})
	})

	test('without a row count, or with rows beyond it, the body is not this form', () => {
		const noCount = new FormData()
		noCount.set('rows.0.categoryId', 'x')
		expect(capabilityValuesFrom(noCount)).toBeNull()
		const beyond = new FormData()
		beyond.set('rowCount', '1')
		beyond.set('rows.1.categoryId', 'x')
		expect(capabilityValuesFrom(beyond)).toBeNull()
		const absurd = new FormData()
		absurd.set('rowCount', '100000')
		expect(capabilityValuesFrom(absurd)).toBeNull()
	})

	test('posted values refill the form in its own shape', () => {
		expect(
			capabilityFormDefaults({ rows: [{ weeklyCapacity: '12', regions: ['EU-West', 3], paused: true }] }),
		).toEqual([
			{
				capabilityId: '',
				categoryId: '',
				orderClassId: '',
				weeklyCapacity: '12',
				capacityUnit: 'units',
				leadTimeHours: '',
				regions: ['EU-West'],
				available24x7: false,
				paused: true,
				exceptionNote: '',
			},
		])
	})
})
