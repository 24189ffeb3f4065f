import { expect, test } from 'vitest'
import { DEFAULT_MIN_ORDERS, DEFAULT_STANDINGS, DEFAULT_WEIGHTS_BY_CLASS_KEY } from './score-and-standing.ts'
import { ScorecardSettingsSchema, ScorecardWeightsSchema, StandingRulesSchema } from './scorecard-settings.ts'

const messages = (result: { error?: { issues: { message: string }[] } }) =>
	result.error?.issues.map((i) => i.message) ?? []
const EVEN = { response: 1, acceptance: 1, onTime: 1, quality: 1, exception: 1 }

test('the defaults are valid settings', () => {
	const parsed = ScorecardSettingsSchema.parse({
		minOrders: DEFAULT_MIN_ORDERS,
		standings: DEFAULT_STANDINGS,
		weightsByClassKey: DEFAULT_WEIGHTS_BY_CLASS_KEY,
	})
	expect(parsed.standings).toEqual(DEFAULT_STANDINGS)
})

test('weights must be non-negative numbers with at least one above 0', () => {
	expect(messages(ScorecardWeightsSchema.safeParse({ ...EVEN, onTime: -1 }))).toEqual([
		'On-time delivery weight cannot be negative.',
	])
	expect(messages(ScorecardWeightsSchema.safeParse({ ...EVEN, quality: 'high' }))).toEqual([
		'Quality weight must be a number.',
	])
	const zeros = { response: 0, acceptance: 0, onTime: 0, quality: 0, exception: 0 }
	expect(messages(ScorecardWeightsSchema.safeParse(zeros))).toEqual(['Give at least one weight above 0.'])
	expect(ScorecardWeightsSchema.safeParse({ ...zeros, exception: 0.5 }).success).toBe(true)
})

const [preferred, approved, watch, probation] = DEFAULT_STANDINGS

test('standing thresholds must strictly descend', () => {
	const same = [preferred, { ...approved!, minScore: 85 }, probation]
	expect(messages(StandingRulesSchema.safeParse(same))).toEqual([
		'“Approved” must need a lower score than “Preferred” (85 is not below 85).',
	])
	const swapped = [watch, approved, probation]
	expect(messages(StandingRulesSchema.safeParse(swapped))).toEqual([
		'“Approved” must need a lower score than “Watch” (70 is not below 50).',
	])
})

test('thresholds lie in 0..100, the lowest standing starts at 0, keys are unique', () => {
	expect(messages(StandingRulesSchema.safeParse([{ ...preferred!, minScore: 101 }, probation]))).toEqual([
		'The minimum score must be between 0 and 100.',
	])
	expect(messages(StandingRulesSchema.safeParse([preferred, approved]))).toEqual([
		'The lowest standing (“Approved”) must start at 0, so that every score has a standing.',
	])
	expect(messages(StandingRulesSchema.safeParse([preferred, { ...probation!, key: 'preferred' }]))).toEqual([
		'The key “preferred” is used twice.',
	])
	expect(messages(StandingRulesSchema.safeParse([]))).toEqual(['Define at least one standing.'])
})

test('consequences default to none', () => {
	const [rule] = StandingRulesSchema.parse([{ key: 'ok', label: 'OK', minScore: 0, consequences: {} }])
	expect(rule!.consequences).toEqual({ excludedClassKeys: [], flagInRouting: false, reviewAboveMinor: null })
})

test('the minimum number of orders is a whole number from 1', () => {
	const settings = { standings: DEFAULT_STANDINGS, weightsByClassKey: {} }
	expect(messages(ScorecardSettingsSchema.safeParse({ ...settings, minOrders: 0 }))).toEqual([
		'A scorecard needs at least 1 order.',
	])
	expect(messages(ScorecardSettingsSchema.safeParse({ ...settings, minOrders: 2.5 }))).toEqual([
		'The minimum number of orders must be a whole number.',
	])
})
