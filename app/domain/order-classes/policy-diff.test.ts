import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { describeChange, describeRouting, diffPolicies } from './policy-diff.ts'
import { type PolicyValues } from './policy-rules.ts'

const EMERGENCY: PolicyValues = {
	ackDeadlineMinutes: 30,
	deliveryTargetHours: 8,
	minQuantity: null,
	approvalThresholdMinor: 1_000_000,
	currency: 'EUR',
	justificationRequired: true,
	contractRequired: true,
	requires24x7: true,
	routingMode: 'broadcast',
	broadcastCount: 3,
	weightPrice: 10,
	weightSpeed: 45,
	weightReliability: 40,
	weightCapacity: 5,
}

const readable = (before: PolicyValues, after: PolicyValues) =>
	diffPolicies(before, after).map(describeChange)

describe('diffPolicies', () => {
	test('a shorter acknowledgement deadline reads in minutes', () => {
		expect(readable(EMERGENCY, { ...EMERGENCY, ackDeadlineMinutes: 20 })).toEqual([
			'Acknowledgement deadline: 30 min → 20 min',
		])
	})

	test('several changes, in form order, each in its own unit', () => {
		const after: PolicyValues = {
			...EMERGENCY,
			deliveryTargetHours: 48,
			minQuantity: 2500,
			approvalThresholdMinor: 2_500_050,
			contractRequired: false,
			routingMode: 'cascade',
			broadcastCount: 1,
			weightPrice: 20,
			weightCapacity: 0,
			weightSpeed: 40,
		}
		expect(readable(EMERGENCY, after)).toEqual([
			'Delivery target: 8 h → 2 days',
			'Minimum quantity: None → 2,500',
			'Approval threshold: EUR 10,000.00 → EUR 25,000.50',
			'Standing contract required: Yes → No',
			'Routing: Broadcast to 3 → Cascade',
			'Price weight: 10 → 20',
			'Speed weight: 45 → 40',
			'Capacity weight: 5 → 0',
		])
	})

	test('a changed broadcast count and a removed threshold', () => {
		expect(readable(EMERGENCY, { ...EMERGENCY, broadcastCount: 5, approvalThresholdMinor: null })).toEqual([
			'Approval threshold: EUR 10,000.00 → None',
			'Routing: Broadcast to 3 → Broadcast to 5',
		])
	})

	test('a new currency shows on its own and in the threshold', () => {
		expect(readable(EMERGENCY, { ...EMERGENCY, currency: 'USD' })).toEqual([
			'Currency: EUR → USD',
			'Approval threshold: EUR 10,000.00 → USD 10,000.00',
		])
	})

	test('property: a policy compared with itself has no changes', () => {
		const policy = fc.record({
			ack: fc.integer({ min: 1, max: 10_080 }),
			k: fc.integer({ min: 2, max: 10 }),
			min: fc.option(fc.nat(), { nil: null }),
		})
		fc.assert(
			fc.property(policy, ({ ack, k, min }) => {
				const p = { ...EMERGENCY, ackDeadlineMinutes: ack, broadcastCount: k, minQuantity: min }
				expect(diffPolicies(p, { ...p })).toEqual([])
			}),
		)
	})

	test('property: changing one deadline yields exactly that change, and swapping sides swaps from and to', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 10_080 }), fc.integer({ min: 1, max: 10_080 }), (a, b) => {
				fc.pre(a !== b)
				const before = { ...EMERGENCY, ackDeadlineMinutes: a }
				const after = { ...EMERGENCY, ackDeadlineMinutes: b }
				const [change, ...rest] = diffPolicies(before, after)
				expect(rest).toEqual([])
				expect(change?.field).toBe('ackDeadlineMinutes')
				const [back] = diffPolicies(after, before)
				expect(back).toEqual({ ...change, from: change?.to, to: change?.from })
			}),
		)
	})
})

test('describeRouting', () => {
	expect(describeRouting({ routingMode: 'broadcast', broadcastCount: 3 })).toBe('Broadcast to 3')
	expect(describeRouting({ routingMode: 'cascade', broadcastCount: 1 })).toBe('Cascade')
})
