import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { rankCandidates, type RoutingOrder, type SupplierCandidate } from './rank-candidates.ts'

const NOW = new Date('2026-11-22T09:00:00Z')
const IN_A_WEEK = new Date('2026-11-29T09:00:00Z')

const emergencyOrder: RoutingOrder = {
	quantity: 10,
	region: 'EU-West',
	neededBy: new Date('2026-11-22T17:00:00Z'),
	className: 'Emergency',
	minQuantity: null,
	requires24x7: true,
	contractRequired: true,
	weights: { price: 10, speed: 45, reliability: 40, capacity: 5 },
}

function supplier(name: string, overrides: Partial<SupplierCandidate> = {}): SupplierCandidate {
	return {
		supplierId: `id-${name}`,
		supplierName: name,
		status: 'active',
		standingExclusion: null,
		capability: {
			regions: ['EU-West'],
			weeklyCapacity: 100,
			capacityUnit: 'units',
			leadTimeHours: 2,
			available24x7: true,
			paused: false,
		},
		usedCapacity: 0,
		term: {
			termId: `term-${name}`,
			currency: 'EUR',
			unitPriceMinor: 5000,
			priceTiers: [],
			prioritySurchargeBps: 2000,
			ackSlaMinutes: 15,
			guaranteed24x7: true,
		},
		reliabilityScore: 80,
		medianResponseMinutes: 10,
		...overrides,
	}
}

describe('rankCandidates', () => {
	test('each hard rule excludes with its own reason, and the rest are ranked', () => {
		const base = supplier('Base')
		const suppliers = [
			supplier('Ranked'),
			supplier('On hold', { status: 'on_hold' }),
			supplier('Probation', { standingExclusion: 'probation for emergency' }),
			supplier('Incapable', { capability: null }),
			supplier('Paused', { capability: { ...base.capability!, paused: true } }),
			supplier('Far away', { capability: { ...base.capability!, regions: ['APAC'] } }),
			supplier('Full', { usedCapacity: 95 }),
			supplier('No contract', { term: null }),
			supplier('Office hours', { capability: { ...base.capability!, available24x7: false } }),
			supplier('Slow', { capability: { ...base.capability!, leadTimeHours: 48 } }),
		]
		const decision = rankCandidates(emergencyOrder, suppliers, NOW)
		expect(decision.candidates.map((c) => c.supplierName)).toEqual(['Ranked'])
		expect(Object.fromEntries(decision.excluded.map((e) => [e.supplierName, e.rule]))).toEqual({
			'On hold': 'supplier_not_active',
			Probation: 'standing',
			Incapable: 'no_capability',
			Paused: 'capability_paused',
			'Far away': 'region',
			Full: 'capacity',
			'No contract': 'no_contract',
			'Office hours': 'not_24x7',
			Slow: 'lead_time',
		})
		expect(decision.excluded.find((e) => e.rule === 'standing')?.reason).toBe(
			'Standing: probation for emergency',
		)
		expect(decision.excluded.find((e) => e.rule === 'capacity')?.reason).toBe(
			'Only 5 units left this week; needs 10',
		)
	})

	test('a bulk quantity below the term’s first tier is excluded on price', () => {
		const bulk: RoutingOrder = {
			...emergencyOrder,
			className: 'Bulk',
			minQuantity: 500,
			requires24x7: false,
			quantity: 600,
			neededBy: IN_A_WEEK,
		}
		const tiered = supplier('Tiered', {
			capability: { ...supplier('x').capability!, weeklyCapacity: 5000 },
			term: {
				...supplier('x').term!,
				unitPriceMinor: null,
				priceTiers: [{ minQuantity: 1000, unitPriceMinor: 900 }],
				prioritySurchargeBps: 0,
			},
		})
		expect(rankCandidates(bulk, [tiered], NOW).excluded[0]).toMatchObject({ rule: 'price' })
	})

	test('the weights decide: emergency favours the fast and reliable, bulk the cheap', () => {
		const fastReliableExpensive = supplier('Fast', {
			term: { ...supplier('x').term!, unitPriceMinor: 9000 },
			reliabilityScore: 95,
			medianResponseMinutes: 5,
		})
		const slowCheap = supplier('Cheap', {
			term: { ...supplier('x').term!, unitPriceMinor: 3000 },
			reliabilityScore: 60,
			medianResponseMinutes: 120,
			capability: { ...supplier('x').capability!, leadTimeHours: 6 },
		})
		expect(
			rankCandidates(emergencyOrder, [slowCheap, fastReliableExpensive], NOW).candidates[0]?.supplierName,
		).toBe('Fast')
		const priceFirst = {
			...emergencyOrder,
			neededBy: IN_A_WEEK,
			weights: { price: 70, speed: 10, reliability: 10, capacity: 10 },
		}
		expect(
			rankCandidates(priceFirst, [fastReliableExpensive, slowCheap], NOW).candidates[0]?.supplierName,
		).toBe('Cheap')
	})

	test('one-time orders may go to capable suppliers without a contract, priced neutrally', () => {
		const oneTime = {
			...emergencyOrder,
			className: 'One-time',
			contractRequired: false,
			requires24x7: false,
			neededBy: IN_A_WEEK,
		}
		const decision = rankCandidates(oneTime, [supplier('Uncontracted', { term: null })], NOW)
		expect(decision.candidates[0]).toMatchObject({ priceMinor: null, components: { price: 0.5 } })
		expect(decision.candidates[0]?.reasons[0]).toContain('No contract price')
	})
})

const arbitrarySupplier = (i: number) =>
	fc
		.record({
			status: fc.constantFrom('active', 'active', 'active', 'on_hold', 'blocked', 'invited') as fc.Arbitrary<
				SupplierCandidate['status']
			>,
			excluded: fc.boolean(),
			regions: fc.subarray(['EU-West', 'APAC', 'North America'], { minLength: 1 }),
			weeklyCapacity: fc.integer({ min: 1, max: 500 }),
			used: fc.integer({ min: 0, max: 500 }),
			lead: fc.integer({ min: 1, max: 200 }),
			always: fc.boolean(),
			price: fc.option(fc.integer({ min: 100, max: 100_000 }), { nil: null }),
			reliability: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
			response: fc.option(fc.integer({ min: 1, max: 600 }), { nil: null }),
		})
		.map(
			(r): SupplierCandidate =>
				supplier(`S${i}`, {
					status: r.status,
					standingExclusion: r.excluded && i % 3 === 0 ? 'probation for emergency' : null,
					capability: {
						regions: r.regions,
						weeklyCapacity: r.weeklyCapacity,
						capacityUnit: 'units',
						leadTimeHours: r.lead,
						available24x7: r.always,
						paused: false,
					},
					usedCapacity: r.used,
					term:
						r.price === null ? null : { ...supplier('x').term!, termId: `t${i}`, unitPriceMinor: r.price },
					reliabilityScore: r.reliability,
					medianResponseMinutes: r.response,
				}),
		)

const supplierLists = fc
	.integer({ min: 1, max: 12 })
	.chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbitrarySupplier(i))))
const orders = fc
	.record({
		quantity: fc.integer({ min: 1, max: 300 }),
		region: fc.constantFrom('EU-West', 'APAC', 'North America'),
		hours: fc.integer({ min: 1, max: 400 }),
		requires24x7: fc.boolean(),
		contractRequired: fc.boolean(),
		w: fc.tuple(fc.nat(100), fc.nat(100), fc.nat(100)),
	})
	.map(({ quantity, region, hours, requires24x7, contractRequired, w }): RoutingOrder => {
		const [a, b, c] = [...w].sort((x, y) => x - y) as [number, number, number]
		return {
			quantity,
			region,
			neededBy: new Date(NOW.getTime() + hours * 3_600_000),
			className: 'Test',
			minQuantity: null,
			requires24x7,
			contractRequired,
			weights: { price: a, speed: b - a, reliability: c - b, capacity: 100 - c },
		}
	})

describe('rankCandidates properties', () => {
	test('a supplier breaking a hard rule never ranks; every supplier is either ranked or excluded', () => {
		fc.assert(
			fc.property(orders, supplierLists, (order, suppliers) => {
				const { candidates, excluded } = rankCandidates(order, suppliers, NOW)
				expect(candidates.length + excluded.length).toBe(suppliers.length)
				const rankedIds = new Set(candidates.map((c) => c.supplierId))
				for (const s of suppliers) {
					const breaks =
						s.status !== 'active' ||
						s.standingExclusion !== null ||
						!s.capability!.regions.includes(order.region) ||
						s.capability!.weeklyCapacity - s.usedCapacity < order.quantity ||
						(order.contractRequired && s.term === null) ||
						(order.requires24x7 && !s.capability!.available24x7) ||
						s.capability!.leadTimeHours * 3_600_000 > order.neededBy.getTime() - NOW.getTime()
					expect(rankedIds.has(s.supplierId), s.supplierName).toBe(!breaks)
				}
				expect(candidates.map((c) => c.rank)).toEqual(candidates.map((_, i) => i + 1))
			}),
		)
	})

	test('raising only one supplier’s price never improves its rank', () => {
		fc.assert(
			fc.property(
				orders,
				supplierLists,
				fc.nat(),
				fc.integer({ min: 1, max: 50_000 }),
				(order, suppliers, pick, raise) => {
					const before = rankCandidates(order, suppliers, NOW).candidates
					const target = before[pick % Math.max(1, before.length)]
					const original = suppliers.find((s) => s.supplierId === target?.supplierId)
					if (!target || !original?.term) return
					const raised = suppliers.map((s) =>
						s === original
							? { ...s, term: { ...s.term!, unitPriceMinor: s.term!.unitPriceMinor! + raise } }
							: s,
					)
					const after = rankCandidates(order, raised, NOW).candidates.find(
						(c) => c.supplierId === target.supplierId,
					)
					expect(after!.rank).toBeGreaterThanOrEqual(target.rank)
				},
			),
		)
	})

	test('deterministic: the input order does not matter and scores stay within 0..100', () => {
		fc.assert(
			fc.property(orders, supplierLists, (order, suppliers) => {
				const forward = rankCandidates(order, suppliers, NOW)
				const backward = rankCandidates(order, [...suppliers].reverse(), NOW)
				expect(backward.candidates).toEqual(forward.candidates)
				for (const c of forward.candidates) {
					expect(c.score).toBeGreaterThanOrEqual(0)
					expect(c.score).toBeLessThanOrEqual(100)
				}
			}),
		)
	})
})
