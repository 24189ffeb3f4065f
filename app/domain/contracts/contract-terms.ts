import { MAX_UNIT_PRICE_MINOR, type PriceTier } from '#app/domain/pricing/price-for.ts'

export const MAX_TIERS = 20
export const MAX_BASIS_POINTS = 10_000

/** The terms one contract version sets for one (order class, category or any category). */
export type TermInput = {
	orderClassId: string
	categoryId: string | null
	unitPriceMinor: number | null
	priceTiers: PriceTier[]
	ackSlaMinutes: number
	deliverySlaHours: number
	prioritySurchargeBps: number
	penaltyPerBreachBps: number
	guaranteed24x7: boolean
	volumeCommitmentPerMonth: number | null
}

/** What the class's current policy demands of any contract term for it. */
export type TermPolicy = {
	className: string
	ackDeadlineMinutes: number
	deliveryTargetHours: number
	/** Set for bulk classes: tiers are required and start at or above it. */
	minQuantity: number | null
	requires24x7: boolean
}

/** A problem with one field of a term; `path` is relative to the term (e.g. ['priceTiers', 1, 'unitPriceMinor']). */
export type TermIssue = { path: (string | number)[]; message: string }

const isWhole = (n: number, min: number, max: number) => Number.isSafeInteger(n) && n >= min && n <= max

/**
 * Business rules for one term against its class policy: SLAs may be stricter
 * than the policy, never looser; bulk needs tiers from the class minimum;
 * tiers have rising thresholds and never-rising prices; emergency-style
 * classes need a 24x7 guarantee. Returns every problem, each on its field.
 */
export function validateTerm(term: TermInput, policy: TermPolicy): TermIssue[] {
	const issues: TermIssue[] = []
	const add = (path: TermIssue['path'], message: string) => issues.push({ path, message })
	const hasTiers = term.priceTiers.length > 0

	if (policy.minQuantity !== null && !hasTiers) {
		add(['priceTiers'], `${policy.className} terms need price tiers (volume pricing).`)
	} else if (!hasTiers && term.unitPriceMinor === null) {
		add(['unitPriceMinor'], 'Enter a unit price, or add price tiers.')
	} else if (hasTiers && term.unitPriceMinor !== null) {
		add(['unitPriceMinor'], 'Use either a unit price or price tiers, not both.')
	}
	if (term.unitPriceMinor !== null && !isWhole(term.unitPriceMinor, 1, MAX_UNIT_PRICE_MINOR)) {
		add(['unitPriceMinor'], 'The unit price must be more than zero and at most 1,000,000.00.')
	}

	if (term.priceTiers.length > MAX_TIERS) add(['priceTiers'], `Use at most ${MAX_TIERS} tiers.`)
	term.priceTiers.forEach((tier, i) => {
		const previous = term.priceTiers[i - 1]
		if (!isWhole(tier.minQuantity, 1, 10_000_000)) {
			add(['priceTiers', i, 'minQuantity'], 'The tier threshold must be a whole number of at least 1.')
		} else if (i === 0 && policy.minQuantity === null && tier.minQuantity !== 1) {
			add(['priceTiers', i, 'minQuantity'], 'The first tier must start at 1 unit.')
		} else if (i === 0 && policy.minQuantity !== null && tier.minQuantity < policy.minQuantity) {
			add(
				['priceTiers', i, 'minQuantity'],
				`The first tier cannot start below the ${policy.className} minimum of ${policy.minQuantity.toLocaleString('en-GB')} units.`,
			)
		} else if (previous && tier.minQuantity <= previous.minQuantity) {
			add(
				['priceTiers', i, 'minQuantity'],
				`Each tier must start above the previous one (${previous.minQuantity.toLocaleString('en-GB')}).`,
			)
		}
		if (!isWhole(tier.unitPriceMinor, 1, MAX_UNIT_PRICE_MINOR)) {
			add(
				['priceTiers', i, 'unitPriceMinor'],
				'The tier price must be more than zero and at most 1,000,000.00.',
			)
		} else if (previous && tier.unitPriceMinor > previous.unitPriceMinor) {
			add(['priceTiers', i, 'unitPriceMinor'], 'A higher tier cannot cost more per unit than a lower one.')
		}
	})

	if (!isWhole(term.ackSlaMinutes, 1, policy.ackDeadlineMinutes)) {
		add(
			['ackSlaMinutes'],
			`The acknowledgement SLA must be 1 to ${policy.ackDeadlineMinutes} minutes: it may be stricter than the ${policy.className} policy, never looser.`,
		)
	}
	if (!isWhole(term.deliverySlaHours, 1, policy.deliveryTargetHours)) {
		add(
			['deliverySlaHours'],
			`The delivery SLA must be 1 to ${policy.deliveryTargetHours} hours: it may be stricter than the ${policy.className} policy, never looser.`,
		)
	}
	if (!isWhole(term.prioritySurchargeBps, 0, MAX_BASIS_POINTS))
		add(['prioritySurchargeBps'], 'The surcharge must be between 0 and 100 %.')
	if (!isWhole(term.penaltyPerBreachBps, 0, MAX_BASIS_POINTS))
		add(['penaltyPerBreachBps'], 'The penalty must be between 0 and 100 % of the order value.')
	if (policy.requires24x7 && !term.guaranteed24x7) {
		add(['guaranteed24x7'], `${policy.className} terms must guarantee a 24x7 response.`)
	}
	if (term.volumeCommitmentPerMonth !== null && !isWhole(term.volumeCommitmentPerMonth, 1, 10_000_000)) {
		add(['volumeCommitmentPerMonth'], 'The volume commitment must be a whole number of units, or left empty.')
	}
	return issues
}

/** A contract version covers each (class, category) once; returns the indexes of repeats. */
export function duplicateTermIndexes(terms: Pick<TermInput, 'orderClassId' | 'categoryId'>[]): number[] {
	const seen = new Set<string>()
	return terms.flatMap((t, i) => {
		const key = `${t.orderClassId}|${t.categoryId ?? '*'}`
		if (seen.has(key)) return [i]
		seen.add(key)
		return []
	})
}
