import fc from 'fast-check'
import { expect, test } from 'vitest'
import {
	DEFAULT_MIN_ORDERS,
	DEFAULT_STANDINGS,
	DEFAULT_WEIGHTS_BY_CLASS_KEY,
	FALLBACK_WEIGHTS,
	scoreFor,
	type ScorecardWeights,
	standingFor,
	weightsForClass,
} from './score-and-standing.ts'
import { type ScorecardMetrics } from './scorecard-metrics.ts'

const NO_METRICS: ScorecardMetrics = {
	responseRate: null,
	acceptanceRate: null,
	onTimeRate: null,
	qualityRate: null,
	exceptionRate: null,
	cycleMedianMinutes: null,
	cycleP90Minutes: null,
	changeAckMedianMinutes: null,
}
const EVEN: ScorecardWeights = { response: 1, acceptance: 1, onTime: 1, quality: 1, exception: 1 }
const defaults = { minOrders: DEFAULT_MIN_ORDERS, standings: DEFAULT_STANDINGS }
const standingKey = (score: number | null, orders = 10) => {
	const outcome = standingFor(score, orders, defaults)
	return outcome.kind === 'standing' ? outcome.standing.key : outcome.kind
}

test('the score is the weighted mean of the rates, out of 100', () => {
	const metrics = {
		...NO_METRICS,
		responseRate: 1,
		acceptanceRate: 0.5,
		onTimeRate: 0.8,
		qualityRate: 0.9,
		exceptionRate: 0.1,
	}
	expect(scoreFor(metrics, EVEN)).toBe(82)
	expect(scoreFor(metrics, { ...EVEN, response: 3 })).toBe(87.1)
})

test('fewer exceptions score higher', () => {
	expect(scoreFor({ ...NO_METRICS, exceptionRate: 0 }, EVEN)).toBe(100)
	expect(scoreFor({ ...NO_METRICS, exceptionRate: 0.25 }, EVEN)).toBe(75)
})

test('missing metrics are left out and the present weights renormalised', () => {
	const weights = { response: 0.5, acceptance: 0, onTime: 0.25, quality: 0.25, exception: 0 }
	expect(scoreFor({ ...NO_METRICS, responseRate: 0.9, onTimeRate: 0.6 }, weights)).toBe(80)
})

test('no score without a weighted metric', () => {
	expect(scoreFor(NO_METRICS, EVEN)).toBeNull()
	expect(scoreFor({ ...NO_METRICS, qualityRate: 1 }, { ...EVEN, quality: 0 })).toBeNull()
})

test('rounded half up to one decimal', () => {
	expect(scoreFor({ ...NO_METRICS, onTimeRate: 0.8495 }, EVEN)).toBe(85)
	expect(scoreFor({ ...NO_METRICS, onTimeRate: 0.84949 }, EVEN)).toBe(84.9)
	expect(scoreFor({ ...NO_METRICS, onTimeRate: 2 / 3 }, EVEN)).toBe(66.7)
})

test('standing boundaries: a threshold earns the standing, a tenth below it does not', () => {
	expect(standingKey(100)).toBe('preferred')
	expect(standingKey(85)).toBe('preferred')
	expect(standingKey(84.9)).toBe('approved')
	expect(standingKey(70)).toBe('approved')
	expect(standingKey(69.9)).toBe('watch')
	expect(standingKey(50)).toBe('watch')
	expect(standingKey(49.9)).toBe('probation')
	expect(standingKey(0)).toBe('probation')
})

test('fewer orders than the minimum, or no score, is insufficient data', () => {
	expect(standingFor(95, DEFAULT_MIN_ORDERS - 1, defaults)).toEqual({
		kind: 'insufficient_data',
		reason: 'too_few_orders',
	})
	expect(standingKey(95, DEFAULT_MIN_ORDERS)).toBe('preferred')
	expect(standingFor(null, 20, defaults)).toEqual({ kind: 'insufficient_data', reason: 'no_score' })
})

test('standings given in any order; a score below every threshold gets the lowest', () => {
	const [preferred, approved] = DEFAULT_STANDINGS
	const outcome = standingFor(40, 10, { minOrders: 1, standings: [approved!, preferred!] })
	expect(outcome).toEqual({ kind: 'standing', standing: approved })
	expect(() => standingFor(40, 10, { minOrders: 1, standings: [] })).toThrow(/No standings/)
})

test('the default consequences: watch is flagged, probation is kept off urgent and emergency work', () => {
	const byKey = Object.fromEntries(DEFAULT_STANDINGS.map((s) => [s.key, s]))
	expect(byKey.watch!.consequences).toEqual({
		excludedClassKeys: [],
		flagInRouting: true,
		reviewAboveMinor: null,
	})
	expect(byKey.probation!.consequences.excludedClassKeys).toEqual(['urgent', 'emergency'])
	expect(byKey.preferred!.consequences.flagInRouting).toBe(false)
	expect(DEFAULT_STANDINGS.map((s) => s.minScore)).toEqual([85, 70, 50, 0])
})

test('emergency weighs response far above bulk; bulk weighs on-time delivery and quality', () => {
	const { emergency, bulk } = DEFAULT_WEIGHTS_BY_CLASS_KEY
	expect(emergency!.response).toBeGreaterThanOrEqual(5 * bulk!.response)
	expect(bulk!.onTime + bulk!.quality).toBeGreaterThan(2 * (emergency!.onTime + emergency!.quality))
	for (const key of ['standard', 'urgent', 'bulk', 'one-time', 'emergency']) {
		expect(
			Object.values(weightsForClass(key)).reduce((a, b) => a + b),
			key,
		).toBeCloseTo(1)
	}
})

test('a class without weights of its own gets the configured, then the default, then the fallback weights', () => {
	expect(weightsForClass('framework')).toBe(FALLBACK_WEIGHTS)
	expect(weightsForClass('emergency', {})).toBe(DEFAULT_WEIGHTS_BY_CLASS_KEY.emergency)
	expect(weightsForClass('emergency', { emergency: EVEN })).toBe(EVEN)
})

const rateArb = fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { freq: 3 })
const metricsArb = fc.record({
	responseRate: rateArb,
	acceptanceRate: rateArb,
	onTimeRate: rateArb,
	qualityRate: rateArb,
	exceptionRate: rateArb,
})
const weightArb = fc.double({ min: 0, max: 10, noNaN: true })
const weightsArb = fc.record({
	response: weightArb,
	acceptance: weightArb,
	onTime: weightArb,
	quality: weightArb,
	exception: weightArb,
})

test('a score is null or within 0..100, and a higher score never earns a lower standing', () => {
	fc.assert(
		fc.property(
			metricsArb,
			weightsArb,
			fc.double({ min: 0, max: 100, noNaN: true }),
			(rates, weights, other) => {
				const score = scoreFor({ ...NO_METRICS, ...rates }, weights)
				if (score === null) return
				expect(score).toBeGreaterThanOrEqual(0)
				expect(score).toBeLessThanOrEqual(100)
				const rank = (s: number) => DEFAULT_STANDINGS.findIndex((r) => r.key === standingKey(s))
				const [low, high] = score <= other ? [score, other] : [other, score]
				expect(rank(high)).toBeLessThanOrEqual(rank(low))
			},
		),
	)
})
