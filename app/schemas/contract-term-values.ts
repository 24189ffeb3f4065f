// The terms editor's values: a stored term as editable text, a new empty row, and the price of what
// is typed so far for the live preview. Amounts go through strings, never through floats.
import { type TermInput, type TermPolicy } from '#app/domain/contracts/contract-terms.ts'
import { parseMoney } from '#app/domain/pricing/money.ts'
import { type PricedTerm, type PriceTier } from '#app/domain/pricing/price-for.ts'
import { parsePercent, parseWholeNumber, type TermFormValues } from './contract-terms.ts'

/**
 * Only the price of a typed term, for the live preview: it prices whatever reads as numbers, even while
 * other fields (an SLA, say) still have problems. Null when the price itself cannot be read yet.
 */
export function readTermPricing(
	raw: Pick<TermFormValues, 'priceMode' | 'unitPriceMinor' | 'priceTiers' | 'prioritySurchargeBps'>,
	currency: string,
): PricedTerm | null {
	const surcharge =
		(raw.prioritySurchargeBps ?? '').trim() === '' ? 0 : parsePercent(raw.prioritySurchargeBps)
	if (surcharge === null) return null
	if (raw.priceMode !== 'tiers') {
		const unitPriceMinor = parseMoney(raw.unitPriceMinor ?? '')
		return unitPriceMinor === null
			? null
			: { currency, unitPriceMinor, priceTiers: [], prioritySurchargeBps: surcharge }
	}
	const tiers = (raw.priceTiers ?? []).map((t) => ({
		minQuantity: parseWholeNumber(t?.minQuantity ?? ''),
		unitPriceMinor: parseMoney(t?.unitPriceMinor ?? ''),
	}))
	if (tiers.length === 0 || tiers.some((t) => t.minQuantity === null || t.unitPriceMinor === null))
		return null
	return { currency, unitPriceMinor: null, priceTiers: tiers as PriceTier[], prioritySurchargeBps: surcharge }
}

/** 1250 → "12.50", through strings so no float ever holds the amount. */
function hundredths(n: number) {
	const digits = String(n).padStart(3, '0')
	return `${digits.slice(0, -2)}.${digits.slice(-2)}`
}

/** The editor's values for a stored term (e.g. to counter a proposal starting from its terms). */
export function termToFormValues(term: TermInput): TermFormValues {
	const percent = (bps: number) => (bps === 0 ? '' : hundredths(bps).replace(/\.?0+$/, ''))
	const money = hundredths
	return {
		orderClassId: term.orderClassId,
		categoryId: term.categoryId ?? '',
		priceMode: term.priceTiers.length > 0 ? 'tiers' : 'flat',
		unitPriceMinor: term.unitPriceMinor === null ? '' : money(term.unitPriceMinor),
		priceTiers: term.priceTiers.map((t) => ({
			minQuantity: String(t.minQuantity),
			unitPriceMinor: money(t.unitPriceMinor),
		})),
		ackSlaMinutes: String(term.ackSlaMinutes),
		deliverySlaHours: String(term.deliverySlaHours),
		prioritySurchargeBps: percent(term.prioritySurchargeBps),
		penaltyPerBreachBps: percent(term.penaltyPerBreachBps),
		guaranteed24x7: term.guaranteed24x7,
		volumeCommitmentPerMonth:
			term.volumeCommitmentPerMonth === null ? '' : String(term.volumeCommitmentPerMonth),
	}
}

/** A new, empty term row; SLAs start at the class policy when a class is given. */
export function emptyTermValues(orderClassId = '', policy?: TermPolicy): TermFormValues {
	return {
		orderClassId,
		categoryId: '',
		priceMode: policy?.minQuantity ? 'tiers' : 'flat',
		unitPriceMinor: '',
		priceTiers: policy?.minQuantity ? [{ minQuantity: String(policy.minQuantity), unitPriceMinor: '' }] : [],
		ackSlaMinutes: policy ? String(policy.ackDeadlineMinutes) : '',
		deliverySlaHours: policy ? String(policy.deliveryTargetHours) : '',
		prioritySurchargeBps: '',
		penaltyPerBreachBps: '',
		guaranteed24x7: policy?.requires24x7 ?? false,
		volumeCommitmentPerMonth: '',
	}
}
