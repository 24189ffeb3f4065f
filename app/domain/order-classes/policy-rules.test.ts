import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	isValidPolicy,
	policyProblems,
	POLICY_LIMITS,
	type PolicyValues,
	WEIGHT_FIELDS,
	weightTotal,
} from './policy-rules.ts'

const STANDARD: PolicyValues = {
	ackDeadlineMinutes: 1440,
	deliveryTargetHours: 120,
	minQuantity: null,
	approvalThresholdMinor: 5_000_000,
	currency: 'EUR',
	justificationRequired: false,
	contractRequired: true,
	requires24x7: false,
	routingMode: 'cascade',
	broadcastCount: 1,
	weightPrice: 30,
	weightSpeed: 20,
	weightReliability: 30,
	weightCapacity: 20,
}

const EMERGENCY: PolicyValues = {
	...STANDARD,
	ackDeadlineMinutes: 30,
	deliveryTargetHours: 8,
	justificationRequired: true,
	requires24x7: true,
	routingMode: 'broadcast',
	broadcastCount: 3,
	weightPrice: 10,
	weightSpeed: 45,
	weightReliability: 40,
	weightCapacity: 5,
}

const fieldsOf = (policy: PolicyValues, classKey = 'standard') =>
	policyProblems(policy, { classKey }).map((p) => p.field)

/** Four whole weights in 0..100 that add up to 100: three cuts of the interval [0, 100]. */
const weightsSumming100 = fc
	.tuple(fc.nat(100), fc.nat(100), fc.nat(100))
	.map(([a, b, c]) => [a, b, c].sort((x, y) => x - y) as [number, number, number])
	.map(([a, b, c]) => ({
		weightPrice: a,
		weightSpeed: b - a,
		weightReliability: c - b,
		weightCapacity: 100 - c,
	}))

const validPolicy: fc.Arbitrary<PolicyValues> = fc
	.record({
		ackDeadlineMinutes: fc.integer({ min: 1, max: 10_080 }),
		extraHours: fc.nat(8760),
		minQuantity: fc.option(fc.integer({ min: 2, max: 1_000_000_000 }), { nil: null }),
		approvalThresholdMinor: fc.option(fc.integer({ min: 0, max: 2_147_483_647 }), { nil: null }),
		currency: fc.constantFrom('EUR', 'GBP', 'USD'),
		justificationRequired: fc.boolean(),
		contractRequired: fc.boolean(),
		requires24x7: fc.boolean(),
		routing: fc.oneof(
			fc.constant({ routingMode: 'cascade' as const, broadcastCount: 1 }),
			fc.integer({ min: 2, max: 10 }).map((k) => ({ routingMode: 'broadcast' as const, broadcastCount: k })),
		),
		weights: weightsSumming100,
	})
	.map(({ extraHours, routing, weights, ...rest }) => ({
		...rest,
		...routing,
		...weights,
		// The smallest whole number of hours that covers the acknowledgement deadline, plus some.
		deliveryTargetHours: Math.min(8760, Math.ceil(rest.ackDeadlineMinutes / 60) + extraHours),
	}))

describe('policyProblems', () => {
	test('the seeded-style policies are valid', () => {
		expect(policyProblems(STANDARD, { classKey: 'standard' })).toEqual([])
		expect(policyProblems(EMERGENCY, { classKey: 'emergency' })).toEqual([])
		expect(policyProblems({ ...STANDARD, minQuantity: 500 }, { classKey: 'bulk' })).toEqual([])
	})

	test('property: any policy within the limits is valid for an ordinary class', () => {
		fc.assert(fc.property(validPolicy, (policy) => isValidPolicy(policy, { classKey: 'standard' })))
	})

	test('property: weights are valid exactly when each is 0..100 and they add up to 100', () => {
		const weight = fc.integer({ min: -20, max: 130 })
		fc.assert(
			fc.property(fc.tuple(weight, weight, weight, weight), ([price, speed, reliability, capacity]) => {
				const policy = {
					...STANDARD,
					weightPrice: price,
					weightSpeed: speed,
					weightReliability: reliability,
					weightCapacity: capacity,
				}
				const each = [price, speed, reliability, capacity].every((w) => w >= 0 && w <= 100)
				const fields = fieldsOf(policy)
				expect(fields.filter((f) => f !== 'weights').every((f) => WEIGHT_FIELDS.includes(f as never))).toBe(
					true,
				)
				expect(fields.length === 0).toBe(each && weightTotal(policy) === 100)
				// The sum is only reported once every weight is readable, so one message says one thing.
				expect(fields.includes('weights')).toBe(each && weightTotal(policy) !== 100)
			}),
		)
	})

	test('the weights message says what they add up to', () => {
		const [problem] = policyProblems({ ...STANDARD, weightPrice: 25 }, { classKey: 'standard' })
		expect(problem).toEqual({
			field: 'weights',
			message: 'The four weights must add up to 100; they now add up to 95.',
		})
	})

	test('fractional weights are refused', () => {
		expect(fieldsOf({ ...STANDARD, weightPrice: 29.5, weightSpeed: 20.5 })).toEqual([
			'weightPrice',
			'weightSpeed',
		])
	})

	test('property: the acknowledgement deadline is 1..10080 minutes', () => {
		fc.assert(
			fc.property(fc.integer({ min: -100, max: 20_000 }), (ack) => {
				const policy = { ...STANDARD, ackDeadlineMinutes: ack, deliveryTargetHours: 8760 }
				expect(fieldsOf(policy).includes('ackDeadlineMinutes')).toBe(ack < 1 || ack > 10_080)
			}),
		)
	})

	test('property: the delivery target is 1..8760 hours and never shorter than the acknowledgement deadline', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 10_080 }),
				fc.integer({ min: -5, max: 9000 }),
				(ack, delivery) => {
					const policy = { ...STANDARD, ackDeadlineMinutes: ack, deliveryTargetHours: delivery }
					const inRange = delivery >= POLICY_LIMITS.deliveryTargetHours.min && delivery <= 8760
					expect(fieldsOf(policy).includes('deliveryTargetHours')).toBe(!inRange || delivery * 60 < ack)
				},
			),
		)
	})

	test('a delivery target shorter than the deadline is explained in human units', () => {
		const problems = policyProblems(
			{ ...STANDARD, ackDeadlineMinutes: 600, deliveryTargetHours: 8 },
			{ classKey: 'x' },
		)
		expect(problems).toEqual([
			{
				field: 'deliveryTargetHours',
				message: 'The delivery target (8 h) cannot be shorter than the acknowledgement deadline (10 h).',
			},
		])
	})

	test('property: broadcast goes to 2..10 suppliers, cascade to exactly 1', () => {
		fc.assert(
			fc.property(
				fc.constantFrom('cascade' as const, 'broadcast' as const),
				fc.integer({ min: -2, max: 15 }),
				(mode, k) => {
					const policy = { ...STANDARD, routingMode: mode, broadcastCount: k }
					const ok = mode === 'cascade' ? k === 1 : k >= 2 && k <= 10
					expect(fieldsOf(policy).includes('broadcastCount')).toBe(!ok)
				},
			),
		)
	})

	test('an unknown routing mode is refused', () => {
		expect(fieldsOf({ ...STANDARD, routingMode: 'lottery' as never })).toEqual(['routingMode'])
	})

	test('emergency needs justification and 24x7 suppliers; other classes may do without', () => {
		const relaxed = { ...EMERGENCY, justificationRequired: false, requires24x7: false }
		expect(policyProblems(relaxed, { classKey: 'emergency' })).toEqual([
			{
				field: 'justificationRequired',
				message: 'Emergency orders always need a justification from the person placing them.',
			},
			{ field: 'requires24x7', message: 'Emergency orders may only go to suppliers available 24x7.' },
		])
		expect(policyProblems(relaxed, { classKey: 'urgent' })).toEqual([])
	})

	test('property: bulk needs a minimum quantity of at least 2; others accept none or at least 1', () => {
		fc.assert(
			fc.property(fc.option(fc.integer({ min: -3, max: 10 }), { nil: null }), (minQuantity) => {
				const policy = { ...STANDARD, minQuantity }
				const bulkOk = minQuantity !== null && minQuantity >= 2
				const otherOk = minQuantity === null || minQuantity >= 1
				expect(fieldsOf(policy, 'bulk').includes('minQuantity')).toBe(!bulkOk)
				expect(fieldsOf(policy, 'standard').includes('minQuantity')).toBe(!otherOk)
			}),
		)
	})

	test('property: the approval threshold is empty or 0..2147483647 minor units', () => {
		fc.assert(
			fc.property(fc.integer({ min: -1_000_000, max: 2_147_483_647 }), (threshold) => {
				const policy = { ...STANDARD, approvalThresholdMinor: threshold }
				expect(fieldsOf(policy).includes('approvalThresholdMinor')).toBe(threshold < 0)
			}),
		)
		expect(fieldsOf({ ...STANDARD, approvalThresholdMinor: null })).toEqual([])
		expect(fieldsOf({ ...STANDARD, approvalThresholdMinor: 2_147_483_648 })).toEqual([
			'approvalThresholdMinor',
		])
	})

	test('only listed currencies', () => {
		expect(fieldsOf({ ...STANDARD, currency: 'XYZ' })).toEqual(['currency'])
	})

	test('messages are plain sentences', () => {
		const broken: PolicyValues = {
			...STANDARD,
			ackDeadlineMinutes: 0,
			deliveryTargetHours: 0,
			minQuantity: 0,
			approvalThresholdMinor: -1,
			currency: '',
			routingMode: 'broadcast',
			broadcastCount: 1,
			weightPrice: 200,
		}
		for (const { message } of policyProblems(broken, { classKey: 'bulk' })) {
			expect(message).toMatch(/^[A-Z].*\.$/)
			expect(message).not.toMatch(/undefined|NaN|null|minor/)
		}
	})
})
