import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	checkAvailability,
	checkClassCapacity,
	checkExceptionNoteLength,
	checkLeadTime,
	checkLeadTimeAgainstClass,
	checkNotRetired,
	checkRegions,
	checkWeeklyCapacity,
	findDuplicatePairs,
	MAX_LEAD_TIME_HOURS,
	MAX_WEEKLY_CAPACITY,
} from './capability-rules.ts'

const bulk = { name: 'Bulk', minQuantity: 500, deliveryTargetHours: 336, requires24x7: false }
const emergency = { name: 'Emergency', minQuantity: null, deliveryTargetHours: 8, requires24x7: true }
const standard = { name: 'Standard', minQuantity: null, deliveryTargetHours: 120, requires24x7: false }

describe('weekly capacity', () => {
	test('a whole number from 1 to 1,000,000', () => {
		expect(checkWeeklyCapacity(1)).toBeNull()
		expect(checkWeeklyCapacity(MAX_WEEKLY_CAPACITY)).toBeNull()
		expect(checkWeeklyCapacity(0)).toBe('Weekly capacity must be more than 0.')
		expect(checkWeeklyCapacity(MAX_WEEKLY_CAPACITY + 1)).toBe('Weekly capacity can be at most 1,000,000.')
		expect(checkWeeklyCapacity(2.5)).toBe('Enter the weekly capacity as a whole number.')
		expect(checkWeeklyCapacity(Number.NaN)).toBe('Enter the weekly capacity as a whole number.')
	})

	test('property: accepted exactly when an integer in 1..1,000,000', () => {
		fc.assert(
			fc.property(fc.oneof(fc.integer(), fc.double()), (n) => {
				const valid = Number.isInteger(n) && n >= 1 && n <= MAX_WEEKLY_CAPACITY
				expect(checkWeeklyCapacity(n) === null).toBe(valid)
			}),
		)
	})
})

describe("a class's minimum quantity (bulk)", () => {
	test('the message names the class and its minimum', () => {
		expect(checkClassCapacity(100, 'units', bulk)).toEqual({
			field: 'weeklyCapacity',
			message: 'Bulk capacity must be at least 500 units per week, the class minimum.',
		})
		expect(checkClassCapacity(500, 'units', bulk)).toBeNull()
	})

	test('is counted in units, since orders are matched by volume', () => {
		expect(checkClassCapacity(5000, 'orders', bulk)?.field).toBe('capacityUnit')
	})

	test('property: units capacity passes exactly when at least the minimum; classes without one never object', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: MAX_WEEKLY_CAPACITY }),
				fc.integer({ min: 1, max: 100_000 }),
				(capacity, min) => {
					const cls = { name: 'Bulk', minQuantity: min }
					expect(checkClassCapacity(capacity, 'units', cls) === null).toBe(capacity >= min)
					expect(checkClassCapacity(capacity, 'orders', { name: 'Standard', minQuantity: null })).toBeNull()
				},
			),
		)
	})
})

describe('lead time', () => {
	test('a whole number of hours from 1 to 8760', () => {
		expect(checkLeadTime(1)).toBeNull()
		expect(checkLeadTime(MAX_LEAD_TIME_HOURS)).toBeNull()
		expect(checkLeadTime(0)).toBe('Lead time must be at least 1 hour.')
		expect(checkLeadTime(8761)).toBe('Lead time can be at most 8,760 hours (a year).')
		expect(checkLeadTime(1.5)).toBe('Enter the lead time in whole hours.')
	})

	test('beyond the delivery target needs an exception note, and the message says the target', () => {
		expect(checkLeadTimeAgainstClass(400, null, bulk)).toEqual({
			field: 'leadTimeHours',
			message:
				"Lead time 400 h is beyond the Bulk class's delivery target of 336 h. Shorten it, or add an exception note saying why.",
		})
		expect(checkLeadTimeAgainstClass(400, '   ', bulk)?.field).toBe('leadTimeHours')
		expect(checkLeadTimeAgainstClass(400, 'too short', bulk)).toEqual({
			field: 'exceptionNote',
			message: 'Explain the exception in at least 10 characters.',
		})
		expect(checkLeadTimeAgainstClass(400, 'Month-end batches ship in the next cycle.', bulk)).toBeNull()
		expect(checkLeadTimeAgainstClass(336, null, bulk)).toBeNull()
	})

	test('property: without a note, passes exactly when within the target; a long enough note always passes', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: MAX_LEAD_TIME_HOURS }),
				fc.integer({ min: 1, max: MAX_LEAD_TIME_HOURS }),
				fc.string({ minLength: 10, maxLength: 500 }).filter((s) => s.trim().length >= 10),
				(hours, target, note) => {
					const cls = { name: 'X', deliveryTargetHours: target }
					expect(checkLeadTimeAgainstClass(hours, null, cls) === null).toBe(hours <= target)
					expect(checkLeadTimeAgainstClass(hours, note, cls)).toBeNull()
				},
			),
		)
	})

	test('an exception note is at most 500 characters', () => {
		expect(checkExceptionNoteLength('x'.repeat(500))).toBeNull()
		expect(checkExceptionNoteLength('x'.repeat(501))).toBe('Keep the exception note to 500 characters.')
		expect(checkExceptionNoteLength(null)).toBeNull()
	})
})

test('emergency orders need a supplier available 24x7', () => {
	expect(checkAvailability(false, emergency)).toBe('Emergency orders need a supplier available 24x7.')
	expect(checkAvailability(true, emergency)).toBeNull()
	expect(checkAvailability(false, standard)).toBeNull()
})

describe('regions served', () => {
	const mine = ['EU-West', 'EU-Central']
	test('at least one, all among the organisation’s regions, each once', () => {
		expect(checkRegions(['EU-West'], mine)).toBeNull()
		expect(checkRegions([], mine)).toBe('Choose at least one region.')
		expect(checkRegions(['APAC'], mine)).toBe("APAC is not one of your organisation's regions.")
		expect(checkRegions(['APAC', 'LATAM'], mine)).toBe(
			"APAC, LATAM are not among your organisation's regions.",
		)
		expect(checkRegions(['EU-West', 'EU-West'], mine)).toBe('Choose each region once.')
	})

	test('property: any non-empty subset of the organisation’s regions passes', () => {
		const all = ['EU-West', 'EU-Central', 'Nordics', 'APAC']
		fc.assert(
			fc.property(fc.subarray(all, { minLength: 1 }), fc.subarray(all), (supplier, extra) => {
				expect(checkRegions(supplier, [...supplier, ...extra])).toBeNull()
			}),
		)
	})
})

test('a retired class or category may stay on a saved row but not be added', () => {
	const retired = { name: 'Legacy', retired: true }
	expect(checkNotRetired(retired, 'class', true)).toBe('The Legacy class is retired: it cannot be added.')
	expect(checkNotRetired(retired, 'class', false)).toBeNull()
	expect(checkNotRetired({ name: 'Data entry', retired: false }, 'category', true)).toBeNull()
})

describe('duplicate (category, class) pairs', () => {
	test('the repeat is reported, not the first row', () => {
		const rows = [
			{ categoryId: 'a', orderClassId: 'x' },
			{ categoryId: 'a', orderClassId: 'y' },
			{ categoryId: 'a', orderClassId: 'x' },
			{ categoryId: '', orderClassId: '' },
			{ categoryId: '', orderClassId: '' },
		]
		expect(findDuplicatePairs(rows)).toEqual([{ index: 2, firstIndex: 0 }])
	})

	test('property: the number of repeats is rows minus distinct pairs', () => {
		const pair = fc.record({
			categoryId: fc.constantFrom('a', 'b', 'c'),
			orderClassId: fc.constantFrom('x', 'y'),
		})
		fc.assert(
			fc.property(fc.array(pair, { maxLength: 20 }), (rows) => {
				const distinct = new Set(rows.map((r) => `${r.categoryId}/${r.orderClassId}`)).size
				const duplicates = findDuplicatePairs(rows)
				expect(duplicates).toHaveLength(rows.length - distinct)
				for (const d of duplicates) expect(d.firstIndex).toBeLessThan(d.index)
			}),
		)
	})
})
