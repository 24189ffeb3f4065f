import { describe, expect, test } from 'vitest'
import { NewCategorySchema } from './category.ts'
import { NewOrderClassSchema, policyChangeSchema, policyFormValues, toPolicyValues } from './order-class.ts'

const EMERGENCY = {
	ackDeadlineMinutes: 30,
	deliveryTargetHours: 8,
	minQuantity: null,
	approvalThresholdMinor: 1_000_000,
	currency: 'EUR',
	justificationRequired: true,
	contractRequired: true,
	requires24x7: true,
	routingMode: 'broadcast' as const,
	broadcastCount: 3,
	weightPrice: 10,
	weightSpeed: 45,
	weightReliability: 40,
	weightCapacity: 5,
}

function issues(result: {
	success: boolean
	error?: { issues: Array<{ path: PropertyKey[]; message: string }> }
}) {
	return (result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message])
}

describe('policyChangeSchema', () => {
	test('the form values of a policy parse back to the same policy (with a note)', () => {
		const form = { ...policyFormValues(EMERGENCY), changeNote: 'Same again' }
		const parsed = policyChangeSchema('emergency').parse(form)
		expect(toPolicyValues(parsed)).toEqual(EMERGENCY)
		expect(parsed.changeNote).toBe('Same again')
	})

	test('checkboxes read true, "true" and "on" as ticked; anything else or nothing as not', () => {
		const schema = policyChangeSchema('standard')
		const base = { ...policyFormValues(EMERGENCY), changeNote: 'x' }
		for (const [value, expected] of [
			[true, true],
			['true', true],
			['on', true],
			[false, false],
			['false', false],
			[undefined, false],
			['yes please', false],
		] as const) {
			expect(schema.parse({ ...base, contractRequired: value }).contractRequired, String(value)).toBe(
				expected,
			)
		}
	})

	test('cascade always stores a count of 1, whatever was typed', () => {
		const form = {
			...policyFormValues(EMERGENCY),
			routingMode: 'cascade',
			broadcastCount: '7',
			changeNote: 'x',
		}
		expect(toPolicyValues(policyChangeSchema('urgent').parse(form)).broadcastCount).toBe(1)
	})

	test('a field that is not a number gets one message, and the rules wait until it is', () => {
		const form = {
			...policyFormValues(EMERGENCY),
			ackDeadlineMinutes: 'soon',
			weightPrice: '50',
			changeNote: 'x',
		}
		expect(issues(policyChangeSchema('emergency').safeParse(form))).toEqual([
			['ackDeadlineMinutes', 'Enter the acknowledgement deadline in whole minutes, like 30.'],
		])
	})

	test('the class key decides the class rules', () => {
		const form = { ...policyFormValues(EMERGENCY), requires24x7: false, changeNote: 'x' }
		expect(issues(policyChangeSchema('emergency').safeParse(form))).toEqual([
			['requires24x7', 'Emergency orders may only go to suppliers available 24x7.'],
		])
		expect(policyChangeSchema('urgent').safeParse(form).success).toBe(true)
	})

	test('the approval threshold is typed in major units and kept in minor units', () => {
		const form = { ...policyFormValues(EMERGENCY), approvalThreshold: '12,345.6', changeNote: 'x' }
		expect(toPolicyValues(policyChangeSchema('emergency').parse(form)).approvalThresholdMinor).toBe(1_234_560)
		const empty = { ...form, approvalThreshold: '' }
		expect(toPolicyValues(policyChangeSchema('emergency').parse(empty)).approvalThresholdMinor).toBeNull()
		expect(
			issues(policyChangeSchema('emergency').safeParse({ ...form, approvalThreshold: '12.345' })),
		).toEqual([['approvalThreshold', 'Enter an amount like 10000 or 10,000.50, or leave it empty.']])
	})
})

describe('keys', () => {
	const policy = {
		...policyFormValues({ ...EMERGENCY, routingMode: 'cascade', broadcastCount: 1 }),
		priorityRank: '3',
	}

	test('a new class without a key gets one from its name', () => {
		const parsed = NewOrderClassSchema.parse({ ...policy, name: 'Month-end Close', key: '' })
		expect(parsed.key).toBe('month-end-close')
		expect(NewOrderClassSchema.parse({ ...policy, name: 'X', key: 'Close-Fast' }).key).toBe('close-fast')
	})

	test('no name: one message on the name, none on the key', () => {
		expect(issues(NewCategorySchema.safeParse({ name: ' ' }))).toEqual([['name', 'Enter a name.']])
	})

	test('a name with nothing to make a key from asks for a key', () => {
		expect(issues(NewCategorySchema.safeParse({ name: '文書' }))).toEqual([
			['key', 'Enter a key: the name has too few letters or digits to make one from.'],
		])
		expect(NewCategorySchema.parse({ name: '文書', key: 'documents-jp' }).key).toBe('documents-jp')
	})
})
