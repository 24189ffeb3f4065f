import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { MAX_UNIT_PRICE_MINOR, percentageOf, priceFor, type PriceTier, type PricedTerm } from './price-for.ts'

const BULK = { name: 'Bulk', minQuantity: 500 }
const STANDARD = { name: 'Standard', minQuantity: null }

const bulkTerm: PricedTerm = {
	currency: 'EUR',
	unitPriceMinor: null,
	priceTiers: [
		{ minQuantity: 500, unitPriceMinor: 1000 },
		{ minQuantity: 1000, unitPriceMinor: 900 },
		{ minQuantity: 5000, unitPriceMinor: 800 },
	],
	prioritySurchargeBps: 0,
}

describe('priceFor', () => {
	test('graduated tiers: each band at its own price, and the explanation says so', () => {
		const quote = priceFor(bulkTerm, 1200, BULK)
		expect(quote.ok).toBe(true)
		if (!quote.ok) return
		expect(quote.bands).toEqual([
			{ fromQuantity: 1, toQuantity: 999, unitPriceMinor: 1000, amountMinor: 999_000 },
			{ fromQuantity: 1000, toQuantity: 1200, unitPriceMinor: 900, amountMinor: 180_900 },
		])
		expect(quote.tierApplied).toEqual({ minQuantity: 1000, unitPriceMinor: 900 })
		expect(quote.unitPriceMinor).toBe(900)
		expect(quote.totalMinor).toBe(1_179_900)
		expect(quote.explanation).toEqual([
			'1–999: 999 × €10.00 = €9,990.00',
			'1,000–1,200: 201 × €9.00 = €1,809.00',
			'Total €11,799.00',
		])
	})

	test('a bulk quantity below the first tier is refused with the minimum named', () => {
		const quote = priceFor(bulkTerm, 499, BULK)
		expect(quote).toMatchObject({ ok: false, reason: 'below_minimum' })
		expect(!quote.ok && quote.message).toContain('500')
	})

	test('a flat price with an emergency surcharge, rounded half up to the cent', () => {
		const term: PricedTerm = {
			currency: 'EUR',
			unitPriceMinor: 3333,
			priceTiers: [],
			prioritySurchargeBps: 1250,
		}
		const quote = priceFor(term, 3, { name: 'Emergency', minQuantity: null })
		expect(quote).toMatchObject({ ok: true, subtotalMinor: 9999, surchargeMinor: 1250, totalMinor: 11249 })
		// 9999 × 12.5 % = 1249.875 → 1250
	})

	test('invalid quantities and priceless terms are refused, not priced', () => {
		for (const quantity of [0, -1, 1.5, Number.NaN, 10_000_001]) {
			expect(priceFor(bulkTerm, quantity, STANDARD)).toMatchObject({ ok: false, reason: 'invalid_quantity' })
		}
		const priceless: PricedTerm = {
			currency: 'EUR',
			unitPriceMinor: null,
			priceTiers: [],
			prioritySurchargeBps: 0,
		}
		expect(priceFor(priceless, 5, STANDARD)).toMatchObject({ ok: false, reason: 'no_price' })
	})
})

/** Valid tier lists: thresholds strictly increasing from `first`, prices never increasing. */
function tierLists(first: number) {
	return fc
		.array(fc.record({ step: fc.integer({ min: 1, max: 5000 }), drop: fc.integer({ min: 0, max: 500 }) }), {
			minLength: 1,
			maxLength: 6,
		})
		.chain((steps) =>
			fc.integer({ min: 100 * steps.length + 1, max: MAX_UNIT_PRICE_MINOR / 100 }).map((start) => {
				let min = first
				let price = start
				return steps.map(({ step, drop }, i): PriceTier => {
					if (i > 0) {
						min += step
						price = Math.max(1, price - drop)
					}
					return { minQuantity: min, unitPriceMinor: price }
				})
			}),
		)
}

describe('priceFor properties', () => {
	const surcharge = fc.integer({ min: 0, max: 10_000 })

	test('the total never decreases when the quantity grows', () => {
		fc.assert(
			fc.property(
				tierLists(1),
				surcharge,
				fc.integer({ min: 1, max: 50_000 }),
				fc.integer({ min: 1, max: 5_000 }),
				(tiers, bps, q, more) => {
					const term: PricedTerm = {
						currency: 'EUR',
						unitPriceMinor: null,
						priceTiers: tiers,
						prioritySurchargeBps: bps,
					}
					const smaller = priceFor(term, q, STANDARD)
					const larger = priceFor(term, q + more, STANDARD)
					expect(smaller.ok && larger.ok).toBe(true)
					if (smaller.ok && larger.ok) expect(larger.totalMinor).toBeGreaterThanOrEqual(smaller.totalMinor)
				},
			),
		)
	})

	test('amounts are exact integers: bands add up to the subtotal, subtotal plus surcharge to the total', () => {
		fc.assert(
			fc.property(tierLists(1), surcharge, fc.integer({ min: 1, max: 100_000 }), (tiers, bps, q) => {
				const quote = priceFor(
					{ currency: 'EUR', unitPriceMinor: null, priceTiers: tiers, prioritySurchargeBps: bps },
					q,
					STANDARD,
				)
				if (!quote.ok) throw new Error(quote.message)
				expect(quote.bands.reduce((n, b) => n + (b.toQuantity - b.fromQuantity + 1), 0)).toBe(q)
				expect(quote.bands.reduce((n, b) => n + b.amountMinor, 0)).toBe(quote.subtotalMinor)
				expect(quote.totalMinor).toBe(quote.subtotalMinor + quote.surchargeMinor)
				for (const amount of [quote.subtotalMinor, quote.surchargeMinor, quote.totalMinor])
					expect(Number.isSafeInteger(amount)).toBe(true)
			}),
		)
	})

	test('the surcharge rounds half up, consistently with exact rational arithmetic', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10 ** 15 }), surcharge, (amount, bps) => {
				const exactTimes10000 = BigInt(amount) * BigInt(bps)
				const rounded = BigInt(percentageOf(amount, bps))
				// rounded - 0.5 <= exact < rounded + 0.5, in units of 1/10000
				expect(rounded * 10000n - 5000n <= exactTimes10000).toBe(true)
				expect(exactTimes10000 < rounded * 10000n + 5000n).toBe(true)
			}),
		)
	})

	test('for bulk, every quantity below the first tier is refused and every one from it is priced', () => {
		fc.assert(
			fc.property(tierLists(500), fc.integer({ min: 1, max: 20_000 }), (tiers, q) => {
				const quote = priceFor(
					{ currency: 'EUR', unitPriceMinor: null, priceTiers: tiers, prioritySurchargeBps: 0 },
					q,
					BULK,
				)
				expect(quote.ok).toBe(q >= 500)
			}),
		)
	})

	test('the unit price applied never rises with quantity (tiers are ordered on input)', () => {
		fc.assert(
			fc.property(
				tierLists(1),
				fc.integer({ min: 1, max: 30_000 }),
				fc.integer({ min: 1, max: 30_000 }),
				(tiers, a, b) => {
					const term: PricedTerm = {
						currency: 'EUR',
						unitPriceMinor: null,
						priceTiers: tiers,
						prioritySurchargeBps: 0,
					}
					const [low, high] = [
						priceFor(term, Math.min(a, b), STANDARD),
						priceFor(term, Math.max(a, b), STANDARD),
					]
					if (low.ok && high.ok) expect(high.unitPriceMinor).toBeLessThanOrEqual(low.unitPriceMinor)
				},
			),
		)
	})
})
