// The contract terms form: what people type (prices as "12.50", percentages as "12.5") and how it
// becomes a TermInput in minor units and basis points. Shared by the TermsEditor (zodResolver) and actions.
import { z } from 'zod'
import {
	MAX_TIERS,
	duplicateTermIndexes,
	validateTerm,
	type TermInput,
	type TermIssue,
	type TermPolicy,
} from '#app/domain/contracts/contract-terms.ts'
import { parseMoney } from '#app/domain/pricing/money.ts'

export const MAX_TERMS = 40
export const PRICE_MODES = ['flat', 'tiers'] as const
export type PriceMode = (typeof PRICE_MODES)[number]

/** One tier as typed: field names match TermInput's, so rule issues land on the field that caused them. */
export type TierFormValues = { minQuantity: string; unitPriceMinor: string }

/** One term as typed in the editor. */
export type TermFormValues = {
	orderClassId: string
	/** '' means any category of the class. */
	categoryId: string
	priceMode: PriceMode
	unitPriceMinor: string
	priceTiers: TierFormValues[]
	ackSlaMinutes: string
	deliverySlaHours: string
	prioritySurchargeBps: string
	penaltyPerBreachBps: string
	guaranteed24x7: boolean
	volumeCommitmentPerMonth: string
}

/** Each order class's current policy, by class id. */
export type TermPolicies = Record<string, TermPolicy>

export function termPoliciesOf(classes: readonly { id: string; policy: TermPolicy }[]): TermPolicies {
	return Object.fromEntries(classes.map((c) => [c.id, c.policy]))
}

const MAX_TEXT = 40

// Typed text arrives as a string, or as a number when a client sends JSON; anything else is treated as empty.
const Text = z.preprocess(
	(v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v : ''),
	z.string().max(MAX_TEXT, 'That is too long.'),
)
// Checked boxes arrive as true (react-hook-form), "true" or "on" (a plain form post); absent means unchecked.
const Checkbox = z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean())

const TierRawSchema = z.object({ minQuantity: Text, unitPriceMinor: Text })

const TermRawSchema = z.object({
	orderClassId: Text,
	categoryId: Text,
	priceMode: z.preprocess((v) => (v === 'tiers' ? 'tiers' : 'flat'), z.enum(PRICE_MODES)),
	unitPriceMinor: Text,
	priceTiers: z.preprocess(
		(v) => v ?? [],
		z
			.array(TierRawSchema, { error: 'The price tiers could not be read.' })
			.max(50, `Use at most ${MAX_TIERS} tiers.`),
	),
	ackSlaMinutes: Text,
	deliverySlaHours: Text,
	prioritySurchargeBps: Text,
	penaltyPerBreachBps: Text,
	guaranteed24x7: Checkbox,
	volumeCommitmentPerMonth: Text,
})

/** react-hook-form posts the whole list as one JSON string; a plain form post sends `terms.0.…` fields. */
function fromJson(value: unknown): unknown {
	if (value === undefined || value === '') return []
	if (typeof value !== 'string') return value
	try {
		return JSON.parse(value) as unknown
	} catch {
		return value
	}
}

const WHOLE = /^\d{1,9}$/
const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/

/** "1,000" or "1000" → 1000; null when it is not a whole number. */
export function parseWholeNumber(text: string): number | null {
	const cleaned = text.trim().replace(/[\s,]/g, '')
	return WHOLE.test(cleaned) ? Number(cleaned) : null
}

/** "12.5" or "12.5 %" → 1250 basis points; at most two decimals; null when unreadable. */
export function parsePercent(text: string): number | null {
	const match = PERCENT.exec(text.trim().replace(/\s*%$/, ''))
	if (!match) return null
	return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'))
}

type TermRaw = z.output<typeof TermRawSchema>

/**
 * Turns one typed term into a TermInput. Problems come back with paths relative to the term;
 * the term is null when any field could not be read.
 */
export function readTerm(raw: TermRaw): { term: TermInput | null; issues: TermIssue[] } {
	const issues: TermIssue[] = []
	const required = (
		text: string,
		path: TermIssue['path'],
		read: (t: string) => number | null,
		message: string,
	) => {
		if (text.trim() === '') issues.push({ path, message })
		const value = read(text)
		if (value === null && text.trim() !== '') issues.push({ path, message })
		return value
	}
	const optional = (
		text: string,
		path: TermIssue['path'],
		read: (t: string) => number | null,
		message: string,
	) => (text.trim() === '' ? null : required(text, path, read, message))

	if (raw.orderClassId === '') issues.push({ path: ['orderClassId'], message: 'Choose an order class.' })
	let unitPriceMinor: number | null = null
	let priceTiers: TermInput['priceTiers'] = []
	if (raw.priceMode === 'flat') {
		unitPriceMinor = required(
			raw.unitPriceMinor,
			['unitPriceMinor'],
			parseMoney,
			'Enter a unit price, like 12.50.',
		)
	} else if (raw.priceTiers.length === 0) {
		issues.push({ path: ['priceMode'], message: 'Add at least one price tier, or choose a flat unit price.' })
	} else {
		priceTiers = raw.priceTiers.map((tier, i) => ({
			minQuantity:
				required(
					tier.minQuantity,
					['priceTiers', i, 'minQuantity'],
					parseWholeNumber,
					'Enter a whole number of units, like 1000.',
				) ?? 0,
			unitPriceMinor:
				required(
					tier.unitPriceMinor,
					['priceTiers', i, 'unitPriceMinor'],
					parseMoney,
					'Enter a unit price, like 9.50.',
				) ?? 0,
		}))
	}
	const ackSlaMinutes = required(
		raw.ackSlaMinutes,
		['ackSlaMinutes'],
		parseWholeNumber,
		'Enter a whole number of minutes.',
	)
	const deliverySlaHours = required(
		raw.deliverySlaHours,
		['deliverySlaHours'],
		parseWholeNumber,
		'Enter a whole number of hours.',
	)
	const percentMessage = 'Enter a percentage like 12.5, with at most two decimals, or leave it empty.'
	const prioritySurchargeBps = optional(
		raw.prioritySurchargeBps,
		['prioritySurchargeBps'],
		parsePercent,
		percentMessage,
	)
	const penaltyPerBreachBps = optional(
		raw.penaltyPerBreachBps,
		['penaltyPerBreachBps'],
		parsePercent,
		percentMessage,
	)
	const volumeCommitmentPerMonth = optional(
		raw.volumeCommitmentPerMonth,
		['volumeCommitmentPerMonth'],
		parseWholeNumber,
		'Enter a whole number of units per month, or leave it empty.',
	)
	if (issues.length > 0) return { term: null, issues }
	return {
		term: {
			orderClassId: raw.orderClassId,
			categoryId: raw.categoryId === '' ? null : raw.categoryId,
			unitPriceMinor,
			priceTiers,
			ackSlaMinutes: ackSlaMinutes!,
			deliverySlaHours: deliverySlaHours!,
			prioritySurchargeBps: prioritySurchargeBps ?? 0,
			penaltyPerBreachBps: penaltyPerBreachBps ?? 0,
			guaranteed24x7: raw.guaranteed24x7,
			volumeCommitmentPerMonth,
		},
		issues,
	}
}

/**
 * Every problem of one typed term: unreadable fields first; once all fields read, the class policy's
 * rules (validateTerm). A whole-list issue about tiers is shown next to the price mode choice.
 */
export function termIssues(
	raw: TermRaw,
	policies: TermPolicies,
	categoryIds?: ReadonlySet<string>,
): { term: TermInput | null; issues: TermIssue[] } {
	const { term, issues } = readTerm(raw)
	const policy = policies[raw.orderClassId]
	if (raw.orderClassId !== '' && !policy)
		issues.push({ path: ['orderClassId'], message: 'Choose an order class from the list.' })
	if (raw.categoryId !== '' && categoryIds && !categoryIds.has(raw.categoryId)) {
		issues.push({ path: ['categoryId'], message: 'Choose a category from the list, or any category.' })
	}
	if (!term || !policy || issues.length > 0) return { term: null, issues }
	const ruleIssues = validateTerm(term, policy).map((issue) =>
		issue.path.length === 1 && issue.path[0] === 'priceTiers' ? { ...issue, path: ['priceMode'] } : issue,
	)
	return { term: ruleIssues.length > 0 ? null : term, issues: ruleIssues }
}

/**
 * The list of terms of one contract version, checked against each class's current policy and for
 * repeated (class, category) pairs; every issue lands on its nested field, e.g. terms.1.priceTiers.2.unitPriceMinor.
 */
export function buildTermsSchema(
	policies: TermPolicies,
	{ minTerms = 0, categoryIds }: { minTerms?: number; categoryIds?: ReadonlySet<string> } = {},
) {
	return z
		.preprocess(
			fromJson,
			z
				.array(TermRawSchema, { error: 'The terms could not be read. Reload the page and try again.' })
				.min(minTerms, 'Add at least one term.')
				.max(MAX_TERMS, `Use at most ${MAX_TERMS} terms.`),
		)
		.superRefine((raws, ctx) => {
			raws.forEach((raw, i) => {
				for (const issue of termIssues(raw, policies, categoryIds).issues) {
					ctx.addIssue({ code: 'custom', path: [i, ...issue.path], message: issue.message })
				}
			})
			const keys = raws.map((r) => ({ orderClassId: r.orderClassId, categoryId: r.categoryId || null }))
			for (const i of duplicateTermIndexes(keys)) {
				const first = keys.findIndex(
					(k) => k.orderClassId === keys[i]!.orderClassId && k.categoryId === keys[i]!.categoryId,
				)
				ctx.addIssue({
					code: 'custom',
					path: [i, 'categoryId'],
					message: `Term ${first + 1} already covers this class and category; change one of them.`,
				})
			}
		})
		.transform((raws) => raws.map((raw) => readTerm(raw).term!))
}

/**
 * What was posted, reduced to the editor's shape (strings and booleans only), so a failed submission
 * refills the form with exactly what the person typed and never echoes anything else.
 */
export function typedTermValues(posted: unknown): TermFormValues[] {
	const parsed = z.array(TermRawSchema).max(MAX_TERMS).safeParse(fromJson(posted))
	if (!parsed.success) return []
	return parsed.data.map((t) => ({ ...t, priceTiers: t.priceTiers.slice(0, 50) }))
}
