import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { checkIntake, offerExpiresAt, reviewReasons, weekStartOf, type IntakePolicy } from './order-intake.ts'

const NOW = new Date('2026-11-22T10:00:00Z')
const hoursFromNow = (h: number) => new Date(NOW.getTime() + h * 3_600_000)
const BULK: IntakePolicy = {
	className: 'Bulk',
	minQuantity: 500,
	approvalThresholdMinor: 10_000_000,
	justificationRequired: false,
	requires24x7: false,
}
const EMERGENCY: IntakePolicy = {
	className: 'Emergency',
	minQuantity: null,
	approvalThresholdMinor: 1_000_000,
	justificationRequired: true,
	requires24x7: true,
}
const order = (o: Partial<Parameters<typeof checkIntake>[0]> = {}) => ({
	quantity: 600,
	neededBy: hoursFromNow(400),
	justification: null,
	classRetired: false,
	categoryRetired: false,
	...o,
})

describe('checkIntake', () => {
	test('a sound bulk order passes', () => {
		expect(checkIntake(order(), BULK, NOW, 48)).toEqual([])
	})
	test('bulk below the class minimum is an error on quantity', () => {
		expect(checkIntake(order({ quantity: 499 }), BULK, NOW, 48)).toEqual([
			{ field: 'quantity', severity: 'error', message: 'Bulk orders need at least 500 units.' },
		])
	})
	test('needed-by in the past blocks; sooner than any lead time blocks, except for emergency where it warns', () => {
		expect(checkIntake(order({ neededBy: hoursFromNow(-1) }), BULK, NOW, 48)[0]).toMatchObject({
			field: 'neededBy',
			severity: 'error',
		})
		expect(checkIntake(order({ neededBy: hoursFromNow(24) }), BULK, NOW, 48)[0]).toMatchObject({
			field: 'neededBy',
			severity: 'error',
		})
		const emergency = checkIntake(
			order({ quantity: 1, neededBy: hoursFromNow(1), justification: 'Payroll run failed overnight' }),
			EMERGENCY,
			NOW,
			2,
		)
		expect(emergency).toEqual([
			{
				field: 'neededBy',
				severity: 'warning',
				message: 'No capable supplier can deliver that soon: the shortest lead time is 2 h.',
			},
		])
	})
	test('emergency needs a justification; retired class and category are refused', () => {
		const issues = checkIntake(
			order({ quantity: 1, neededBy: hoursFromNow(5), classRetired: true, categoryRetired: true }),
			EMERGENCY,
			NOW,
			null,
		)
		expect(issues.map((i) => i.field)).toEqual(['orderClassId', 'categoryId', 'justification'])
	})
})

describe('reviewReasons', () => {
	const quiet = {
		estimatedMaxMinor: 100,
		largestPreviousQuantity: null,
		quantity: 10,
		preferredSupplierIsNew: false,
		preferredSupplierOnWatch: false,
		isEmergency: false,
	}
	test('an ordinary order goes straight to routing', () => {
		expect(reviewReasons(BULK, quiet)).toEqual([])
	})
	test('value above the threshold, unusual quantity, a new or watched preferred supplier each need review', () => {
		expect(reviewReasons(BULK, { ...quiet, estimatedMaxMinor: 10_000_001 })).toHaveLength(1)
		expect(reviewReasons(BULK, { ...quiet, largestPreviousQuantity: 10, quantity: 51 })).toHaveLength(1)
		expect(reviewReasons(BULK, { ...quiet, largestPreviousQuantity: 10, quantity: 50 })).toHaveLength(0)
		expect(reviewReasons(BULK, { ...quiet, preferredSupplierIsNew: true })).toHaveLength(1)
		expect(
			reviewReasons(EMERGENCY, { ...quiet, isEmergency: true, preferredSupplierOnWatch: true }),
		).toHaveLength(1)
	})
	test('a standing that reviews orders above a value sends only those orders to review', () => {
		const standing = { supplierName: 'Harbor', standingLabel: 'Watch', aboveMinor: 500_000 }
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10 ** 8 }), (value) => {
				const reasons = reviewReasons(
					{ approvalThresholdMinor: null },
					{ ...quiet, estimatedMaxMinor: value, standingReviews: [standing] },
				)
				expect(reasons).toEqual(
					value > 500_000 ? ['Harbor is in Watch standing: orders above 5,000 EUR go to review first'] : [],
				)
			}),
		)
		expect(reviewReasons(BULK, { ...quiet, estimatedMaxMinor: null, standingReviews: [standing] })).toEqual(
			[],
		)
	})
	test('exactly at the threshold needs no review (property: review iff above)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 10 ** 9 }),
				fc.integer({ min: 0, max: 10 ** 9 }),
				(threshold, value) => {
					const reasons = reviewReasons(
						{ approvalThresholdMinor: threshold },
						{ ...quiet, estimatedMaxMinor: value },
					)
					expect(reasons.length > 0).toBe(value > threshold)
				},
			),
		)
	})
})

test('an offer expires at the stricter of policy and term', () => {
	expect(offerExpiresAt(NOW, 30, 15).toISOString()).toBe('2026-11-22T10:15:00.000Z')
	expect(offerExpiresAt(NOW, 30, 60).toISOString()).toBe('2026-11-22T10:30:00.000Z')
	expect(offerExpiresAt(NOW, 1440, null).toISOString()).toBe('2026-11-23T10:00:00.000Z')
})

test('weekStartOf is the Monday of the UTC week', () => {
	expect(weekStartOf(new Date('2026-11-22T23:59:59Z'))).toBe('2026-11-16') // a Sunday
	expect(weekStartOf(new Date('2026-11-23T00:00:00Z'))).toBe('2026-11-23') // a Monday
	fc.assert(
		fc.property(
			fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
			(d) => {
				const monday = new Date(`${weekStartOf(d)}T00:00:00Z`)
				expect(monday.getUTCDay()).toBe(1)
				expect(d.getTime() - monday.getTime()).toBeGreaterThanOrEqual(0)
				expect(d.getTime() - monday.getTime()).toBeLessThan(7 * 86_400_000)
			},
		),
	)
})
