import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { duplicateTermIndexes, validateTerm, type TermInput, type TermPolicy } from './contract-terms.ts'

const BULK: TermPolicy = {
	className: 'Bulk',
	ackDeadlineMinutes: 2880,
	deliveryTargetHours: 336,
	minQuantity: 500,
	requires24x7: false,
}
const EMERGENCY: TermPolicy = {
	className: 'Emergency',
	ackDeadlineMinutes: 30,
	deliveryTargetHours: 8,
	minQuantity: null,
	requires24x7: true,
}
const STANDARD: TermPolicy = {
	className: 'Standard',
	ackDeadlineMinutes: 1440,
	deliveryTargetHours: 120,
	minQuantity: null,
	requires24x7: false,
}

function term(overrides: Partial<TermInput> = {}): TermInput {
	return {
		orderClassId: 'class',
		categoryId: null,
		unitPriceMinor: 1500,
		priceTiers: [],
		ackSlaMinutes: 60,
		deliverySlaHours: 48,
		prioritySurchargeBps: 0,
		penaltyPerBreachBps: 500,
		guaranteed24x7: false,
		volumeCommitmentPerMonth: null,
		...overrides,
	}
}

const bulkTerm = (tiers: TermInput['priceTiers']) =>
	term({ unitPriceMinor: null, priceTiers: tiers, ackSlaMinutes: 600, deliverySlaHours: 200 })
const paths = (issues: ReturnType<typeof validateTerm>) => issues.map((i) => i.path.join('.'))

describe('validateTerm', () => {
	test('a sound standard term has no issues', () => {
		expect(validateTerm(term(), STANDARD)).toEqual([])
	})

	test('SLAs may be stricter than the policy, never looser', () => {
		expect(validateTerm(term({ ackSlaMinutes: 1440, deliverySlaHours: 120 }), STANDARD)).toEqual([])
		const issues = validateTerm(term({ ackSlaMinutes: 1441, deliverySlaHours: 121 }), STANDARD)
		expect(paths(issues)).toEqual(['ackSlaMinutes', 'deliverySlaHours'])
		expect(issues[0]?.message).toContain('never looser')
	})

	test('bulk needs tiers starting at the class minimum, rising thresholds, never-rising prices', () => {
		expect(paths(validateTerm(term({ ackSlaMinutes: 600, deliverySlaHours: 200 }), BULK))).toEqual([
			'priceTiers',
		])
		expect(
			validateTerm(
				bulkTerm([
					{ minQuantity: 500, unitPriceMinor: 1000 },
					{ minQuantity: 1000, unitPriceMinor: 900 },
				]),
				BULK,
			),
		).toEqual([])
		expect(paths(validateTerm(bulkTerm([{ minQuantity: 400, unitPriceMinor: 1000 }]), BULK))).toEqual([
			'priceTiers.0.minQuantity',
		])
		expect(
			paths(
				validateTerm(
					bulkTerm([
						{ minQuantity: 500, unitPriceMinor: 1000 },
						{ minQuantity: 500, unitPriceMinor: 1100 },
					]),
					BULK,
				),
			),
		).toEqual(['priceTiers.1.minQuantity', 'priceTiers.1.unitPriceMinor'])
	})

	test('emergency terms must guarantee 24x7', () => {
		const emergency = term({ ackSlaMinutes: 15, deliverySlaHours: 4, prioritySurchargeBps: 2500 })
		expect(paths(validateTerm(emergency, EMERGENCY))).toEqual(['guaranteed24x7'])
		expect(validateTerm({ ...emergency, guaranteed24x7: true }, EMERGENCY)).toEqual([])
	})

	test('a price is required, one way only', () => {
		expect(paths(validateTerm(term({ unitPriceMinor: null }), STANDARD))).toEqual(['unitPriceMinor'])
		expect(
			paths(validateTerm(term({ priceTiers: [{ minQuantity: 1, unitPriceMinor: 100 }] }), STANDARD)),
		).toEqual(['unitPriceMinor'])
	})

	test('any ordered tier list passes; swapping two adjacent prices upward is caught (property)', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({ step: fc.integer({ min: 1, max: 1000 }), drop: fc.integer({ min: 1, max: 100 }) }),
					{ minLength: 2, maxLength: 8 },
				),
				fc.nat(),
				(steps, pick) => {
					let min = 500
					let price = 100_000
					const tiers = steps.map(({ step, drop }, i) => {
						if (i > 0) {
							min += step
							price -= drop
						}
						return { minQuantity: min, unitPriceMinor: price }
					})
					expect(validateTerm(bulkTerm(tiers), BULK)).toEqual([])
					const i = 1 + (pick % (tiers.length - 1))
					const raised = tiers.map((t, j) =>
						j === i ? { ...t, unitPriceMinor: tiers[i - 1]!.unitPriceMinor + 1 } : t,
					)
					expect(paths(validateTerm(bulkTerm(raised), BULK))).toContain(`priceTiers.${i}.unitPriceMinor`)
				},
			),
		)
	})
})

test('duplicateTermIndexes finds repeated (class, category) pairs, any-category included', () => {
	expect(
		duplicateTermIndexes([
			{ orderClassId: 'a', categoryId: null },
			{ orderClassId: 'a', categoryId: 'x' },
			{ orderClassId: 'a', categoryId: null },
			{ orderClassId: 'b', categoryId: 'x' },
			{ orderClassId: 'a', categoryId: 'x' },
		]),
	).toEqual([2, 4])
})
