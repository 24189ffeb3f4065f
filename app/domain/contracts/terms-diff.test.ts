import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { describeTermChanges, termLabel, type DiffableTerm } from './terms-diff.ts'

function term(overrides: Partial<DiffableTerm> = {}): DiffableTerm {
	return {
		orderClassId: 'standard',
		orderClassName: 'Standard',
		categoryId: null,
		categoryName: null,
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

const bulk = (tiers: DiffableTerm['priceTiers']) =>
	term({
		orderClassId: 'bulk',
		orderClassName: 'Bulk',
		categoryId: 'data-entry',
		categoryName: 'Data entry',
		unitPriceMinor: null,
		priceTiers: tiers,
	})
const emergency = (overrides: Partial<DiffableTerm> = {}) =>
	term({ orderClassId: 'emergency', orderClassName: 'Emergency', ackSlaMinutes: 30, ...overrides })

describe('describeTermChanges', () => {
	test('a tier price change reads as one line with the old and new price', () => {
		const before = [
			bulk([
				{ minQuantity: 500, unitPriceMinor: 1000 },
				{ minQuantity: 1000, unitPriceMinor: 900 },
			]),
		]
		const after = [
			bulk([
				{ minQuantity: 500, unitPriceMinor: 1000 },
				{ minQuantity: 1000, unitPriceMinor: 850 },
			]),
		]
		expect(describeTermChanges(before, after, 'EUR')).toEqual([
			'Bulk · Data entry: tier from 1,000 units €9.00 → €8.50',
		])
	})

	test('added and removed tiers are named by their threshold', () => {
		const before = [
			bulk([
				{ minQuantity: 500, unitPriceMinor: 1000 },
				{ minQuantity: 1000, unitPriceMinor: 900 },
			]),
		]
		const after = [
			bulk([
				{ minQuantity: 500, unitPriceMinor: 1000 },
				{ minQuantity: 5000, unitPriceMinor: 800 },
			]),
		]
		expect(describeTermChanges(before, after, 'EUR')).toEqual([
			'Bulk · Data entry: added tier from 5,000 units at €8.00',
			'Bulk · Data entry: removed tier from 1,000 units (€9.00)',
		])
	})

	test('every field change gets its own line, in a fixed order', () => {
		const before = [emergency()]
		const after = [
			emergency({
				unitPriceMinor: 1400,
				ackSlaMinutes: 20,
				deliverySlaHours: 4,
				prioritySurchargeBps: 1250,
				guaranteed24x7: true,
				penaltyPerBreachBps: 750,
				volumeCommitmentPerMonth: 2000,
			}),
		]
		expect(describeTermChanges(before, after, 'EUR')).toEqual([
			'Emergency · any category: unit price €15.00 → €14.00',
			'Emergency · any category: acknowledgement SLA 30 min → 20 min',
			'Emergency · any category: delivery SLA 48 h → 4 h',
			'Emergency · any category: priority surcharge 0 % → 12.5 %',
			'Emergency · any category: 24x7 guarantee added',
			'Emergency · any category: penalty per breach 5 % → 7.5 %',
			'Emergency · any category: volume commitment none → 2,000 units/month',
		])
		expect(describeTermChanges(after, before, 'EUR')).toContain(
			'Emergency · any category: 24x7 guarantee dropped',
		)
	})

	test('terms are matched by class and category: new ones are added, missing ones removed', () => {
		const urgentIt = term({
			orderClassId: 'urgent',
			orderClassName: 'Urgent',
			categoryId: 'it',
			categoryName: 'IT support',
		})
		expect(describeTermChanges([term()], [urgentIt], 'EUR')).toEqual([
			'Added Urgent · IT support',
			'Removed Standard · any category',
		])
	})

	test('switching from a flat price to tiers shows both sides of the switch', () => {
		const before = [term()]
		const after = [term({ unitPriceMinor: null, priceTiers: [{ minQuantity: 1, unitPriceMinor: 1400 }] })]
		expect(describeTermChanges(before, after, 'EUR')).toEqual([
			'Standard · any category: unit price €15.00 → none',
			'Standard · any category: added tier from 1 unit at €14.00',
		])
	})

	test('labels use "any category" for a term without one', () => {
		expect(termLabel({ orderClassName: 'Bulk', categoryName: null })).toBe('Bulk · any category')
	})

	const termArb = fc.record({
		orderClassId: fc.constantFrom('standard', 'urgent', 'bulk'),
		orderClassName: fc.constant('Class'),
		categoryId: fc.constantFrom(null, 'a', 'b'),
		categoryName: fc.constant(null),
		unitPriceMinor: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
		priceTiers: fc.uniqueArray(
			fc.record({
				minQuantity: fc.integer({ min: 1, max: 10_000 }),
				unitPriceMinor: fc.integer({ min: 1, max: 10_000 }),
			}),
			{ selector: (t) => t.minQuantity, maxLength: 4 },
		),
		ackSlaMinutes: fc.integer({ min: 1, max: 3000 }),
		deliverySlaHours: fc.integer({ min: 1, max: 400 }),
		prioritySurchargeBps: fc.integer({ min: 0, max: 10_000 }),
		penaltyPerBreachBps: fc.integer({ min: 0, max: 10_000 }),
		guaranteed24x7: fc.boolean(),
		volumeCommitmentPerMonth: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: null }),
	})
	const termsArb = fc.uniqueArray(termArb, {
		selector: (t) => `${t.orderClassId}|${t.categoryId}`,
		maxLength: 5,
	})

	test('property: a version compared with itself has no changes', () => {
		fc.assert(fc.property(termsArb, (terms) => describeTermChanges(terms, terms, 'EUR').length === 0))
	})

	test('property: a different version always has at least one change line', () => {
		fc.assert(
			fc.property(termsArb, termsArb, (a, b) => {
				const normalise = (ts: DiffableTerm[]) =>
					JSON.stringify(
						ts
							.map((t) => ({
								...t,
								priceTiers: [...t.priceTiers].sort((x, y) => x.minQuantity - y.minQuantity),
							}))
							.sort((x, y) =>
								`${x.orderClassId}|${x.categoryId}`.localeCompare(`${y.orderClassId}|${y.categoryId}`),
							),
					)
				const changes = describeTermChanges(a, b, 'EUR')
				return normalise(a) === normalise(b) ? changes.length === 0 : changes.length > 0
			}),
		)
	})

	test('property: each added or removed term is named exactly once', () => {
		fc.assert(
			fc.property(termsArb, termsArb, (a, b) => {
				const keys = (ts: DiffableTerm[]) => new Set(ts.map((t) => `${t.orderClassId}|${t.categoryId}`))
				const [ka, kb] = [keys(a), keys(b)]
				const added = [...kb].filter((k) => !ka.has(k)).length
				const removed = [...ka].filter((k) => !kb.has(k)).length
				const changes = describeTermChanges(a, b, 'EUR')
				return (
					changes.filter((c) => c.startsWith('Added ')).length === added &&
					changes.filter((c) => c.startsWith('Removed ')).length === removed
				)
			}),
		)
	})
})
