import { formatBasisPoints, formatMoney, formatQuantity } from './money.ts'

export type PriceTier = { minQuantity: number; unitPriceMinor: number }

/** The part of a contract term that prices an order. */
export type PricedTerm = {
	currency: string
	/** A flat unit price, used when there are no tiers. */
	unitPriceMinor: number | null
	/** Graduated tiers: from `minQuantity` on, each further unit costs `unitPriceMinor`. */
	priceTiers: readonly PriceTier[]
	/** Priority surcharge in basis points (1 % = 100) of the subtotal. */
	prioritySurchargeBps: number
}

/** The part of an order class that pricing needs: bulk classes have a minimum quantity. */
export type PricingClass = { name: string; minQuantity: number | null }

export type PriceBand = {
	fromQuantity: number
	toQuantity: number
	unitPriceMinor: number
	amountMinor: number
}

export type Quote = {
	ok: true
	quantity: number
	bands: PriceBand[]
	/** The highest tier the quantity reached; null for a flat price. */
	tierApplied: PriceTier | null
	/** The price of the last unit: the applied tier's, or the flat price. */
	unitPriceMinor: number
	subtotalMinor: number
	surchargeBps: number
	surchargeMinor: number
	totalMinor: number
	explanation: string[]
}

export type QuoteRefusal = {
	ok: false
	reason: 'invalid_quantity' | 'below_minimum' | 'no_price'
	message: string
}

export const MAX_ORDER_QUANTITY = 10_000_000
export const MAX_UNIT_PRICE_MINOR = 100_000_000

/**
 * Prices `quantity` units under a contract term for an order class.
 *
 * Tiers are graduated, like tax brackets: units up to the second tier's
 * threshold cost the first tier's price, the next ones the second tier's, and
 * so on. That keeps the total strictly increasing with quantity, which an
 * "all units at the tier price" rule would not (99 × €10 > 100 × €9).
 * All amounts are integers; the surcharge is rounded half up to the minor unit.
 */
export function priceFor(term: PricedTerm, quantity: number, orderClass: PricingClass): Quote | QuoteRefusal {
	if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_ORDER_QUANTITY) {
		return {
			ok: false,
			reason: 'invalid_quantity',
			message: `The quantity must be a whole number from 1 to ${formatQuantity(MAX_ORDER_QUANTITY)}.`,
		}
	}
	const tiers = [...term.priceTiers].sort((a, b) => a.minQuantity - b.minQuantity)
	// Bulk classes refuse orders below the class minimum and below the first tier's threshold.
	const minimum = orderClass.minQuantity ? Math.max(orderClass.minQuantity, tiers[0]?.minQuantity ?? 1) : 1
	if (quantity < minimum) {
		return {
			ok: false,
			reason: 'below_minimum',
			message: `${orderClass.name} orders start at ${formatQuantity(minimum)} units; ${formatQuantity(quantity)} is below that.`,
		}
	}

	const bands = tiers.length > 0 ? graduatedBands(tiers, quantity) : flatBand(term.unitPriceMinor, quantity)
	if (!bands)
		return { ok: false, reason: 'no_price', message: 'This term has neither a unit price nor price tiers.' }

	const subtotalMinor = bands.reduce((sum, band) => sum + band.amountMinor, 0)
	const surchargeMinor = percentageOf(subtotalMinor, term.prioritySurchargeBps)
	const tierApplied =
		tiers.length > 0 ? ([...tiers].reverse().find((t) => t.minQuantity <= quantity) ?? tiers[0]!) : null
	const money = (minor: number) => formatMoney(minor, term.currency)
	const explanation = bands.map(
		(b) =>
			`${formatQuantity(b.fromQuantity)}–${formatQuantity(b.toQuantity)}: ${formatQuantity(b.toQuantity - b.fromQuantity + 1)} × ${money(b.unitPriceMinor)} = ${money(b.amountMinor)}`,
	)
	if (term.prioritySurchargeBps > 0) {
		explanation.push(
			`Priority surcharge ${formatBasisPoints(term.prioritySurchargeBps)} of ${money(subtotalMinor)} = ${money(surchargeMinor)}`,
		)
	}
	explanation.push(`Total ${money(subtotalMinor + surchargeMinor)}`)

	return {
		ok: true,
		quantity,
		bands,
		tierApplied,
		unitPriceMinor: bands.at(-1)!.unitPriceMinor,
		subtotalMinor,
		surchargeBps: term.prioritySurchargeBps,
		surchargeMinor,
		totalMinor: subtotalMinor + surchargeMinor,
		explanation,
	}
}

function graduatedBands(tiers: PriceTier[], quantity: number): PriceBand[] {
	const bands: PriceBand[] = []
	for (const [i, tier] of tiers.entries()) {
		// The first tier also covers any units below its threshold that the class allows.
		const from = i === 0 ? 1 : tier.minQuantity
		if (from > quantity) break
		const next = tiers[i + 1]
		const to = Math.min(quantity, next ? next.minQuantity - 1 : quantity)
		bands.push({
			fromQuantity: from,
			toQuantity: to,
			unitPriceMinor: tier.unitPriceMinor,
			amountMinor: (to - from + 1) * tier.unitPriceMinor,
		})
	}
	return bands
}

function flatBand(unitPriceMinor: number | null, quantity: number): PriceBand[] | null {
	if (unitPriceMinor === null) return null
	return [{ fromQuantity: 1, toQuantity: quantity, unitPriceMinor, amountMinor: unitPriceMinor * quantity }]
}

/** `bps` basis points of `amountMinor`, rounded half up; BigInt because the product can pass 2^53. */
export function percentageOf(amountMinor: number, bps: number) {
	return Number((BigInt(amountMinor) * BigInt(bps) + 5000n) / 10000n)
}
