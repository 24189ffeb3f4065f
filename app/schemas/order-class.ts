// Shared by the order class forms (react-hook-form + zodResolver) and their actions. Fields arrive as
// the strings a browser sends; the policy rules themselves live in app/domain/order-classes.
import { z } from 'zod'
import { isValidKey, keyFromName } from '#app/domain/order-classes/catalog-key.ts'
import { minorToInput, parseMoneyToMinor, SUPPORTED_CURRENCIES } from '#app/domain/order-classes/format.ts'
import {
	policyProblems,
	ROUTING_MODES,
	type PolicyProblem,
	type PolicyValues,
} from '#app/domain/order-classes/policy-rules.ts'

function wholeNumber(message: string) {
	// abort: a field that is not a number gets this one message, and no rule is checked against a NaN.
	return z
		.string({ error: message })
		.trim()
		.regex(/^\d{1,9}$/, { message, abort: true })
		.transform(Number)
}

/** Empty means "none" (null). */
function optionalWholeNumber(message: string) {
	return z
		.string({ error: message })
		.optional()
		.transform((text, ctx) => {
			const value = text?.trim() ?? ''
			if (value === '') return null
			if (/^\d{1,10}$/.test(value)) return Number(value)
			ctx.addIssue({ code: 'custom', message })
			return z.NEVER
		})
}

/** A checkbox: `true` from the client, "true"/"on" from a browser posting without JavaScript, absent when off. */
const Checkbox = z
	.union([z.boolean(), z.string()])
	.optional()
	.transform((value) => value === true || value === 'true' || value === 'on')

const MONEY_MESSAGES = {
	format: 'Enter an amount like 10000 or 10,000.50, or leave it empty.',
	negative: 'The approval threshold cannot be negative.',
	too_large: 'The approval threshold is too large (at most 21,474,836.47).',
} as const

/** An amount typed in major units ("10,000.50") → integer minor units, or null when left empty. */
const OptionalMoney = z
	.string({ error: MONEY_MESSAGES.format })
	.optional()
	.transform((text, ctx) => {
		if (!text?.trim()) return null
		const parsed = parseMoneyToMinor(text)
		if (parsed.ok) return parsed.minor
		ctx.addIssue({ code: 'custom', message: MONEY_MESSAGES[parsed.reason] })
		return z.NEVER
	})

const WEIGHT_MESSAGE = 'Enter a whole number from 0 to 100.'

const POLICY_SHAPE = {
	ackDeadlineMinutes: wholeNumber('Enter the acknowledgement deadline in whole minutes, like 30.'),
	deliveryTargetHours: wholeNumber('Enter the delivery target in whole hours, like 24.'),
	minQuantity: optionalWholeNumber('Enter the minimum quantity as a whole number, or leave it empty.'),
	approvalThreshold: OptionalMoney,
	currency: z.enum(SUPPORTED_CURRENCIES, { error: 'Choose one of the listed currencies.' }),
	justificationRequired: Checkbox,
	contractRequired: Checkbox,
	requires24x7: Checkbox,
	routingMode: z.enum(ROUTING_MODES, { error: 'Choose cascade or broadcast.' }),
	broadcastCount: optionalWholeNumber('Enter how many suppliers get the offer at once, from 2 to 10.'),
	weightPrice: wholeNumber(WEIGHT_MESSAGE),
	weightSpeed: wholeNumber(WEIGHT_MESSAGE),
	weightReliability: wholeNumber(WEIGHT_MESSAGE),
	weightCapacity: wholeNumber(WEIGHT_MESSAGE),
}

type PolicyFields = z.output<z.ZodObject<typeof POLICY_SHAPE>>

/** The parsed form as stored policy values. Cascade always offers to one supplier, whatever was typed. */
export function toPolicyValues(fields: PolicyFields): PolicyValues {
	// Field by field, so the rest of a form (note, intent, key) never leaks into a policy row.
	return {
		ackDeadlineMinutes: fields.ackDeadlineMinutes,
		deliveryTargetHours: fields.deliveryTargetHours,
		minQuantity: fields.minQuantity,
		approvalThresholdMinor: fields.approvalThreshold,
		currency: fields.currency,
		justificationRequired: fields.justificationRequired,
		contractRequired: fields.contractRequired,
		requires24x7: fields.requires24x7,
		routingMode: fields.routingMode,
		broadcastCount: fields.routingMode === 'cascade' ? 1 : (fields.broadcastCount ?? 0),
		weightPrice: fields.weightPrice,
		weightSpeed: fields.weightSpeed,
		weightReliability: fields.weightReliability,
		weightCapacity: fields.weightCapacity,
	}
}

// The form names the threshold in major units, the policy in minor units.
function formFieldFor(field: PolicyProblem['field']): string {
	return field === 'approvalThresholdMinor' ? 'approvalThreshold' : field
}

function addPolicyIssues(fields: PolicyFields, classKey: string, ctx: z.RefinementCtx) {
	for (const { field, message } of policyProblems(toPolicyValues(fields), { classKey })) {
		ctx.addIssue({ code: 'custom', path: [formFieldFor(field)], message })
	}
}

const Name = z
	.string({ error: 'Enter a name.' })
	.trim()
	.min(1, 'Enter a name.')
	.max(80, 'Use at most 80 characters.')
const Description = z
	.string()
	.trim()
	.max(500, 'Use at most 500 characters.')
	.optional()
	.transform((d) => d ?? '')
const PriorityRank = wholeNumber(
	'Enter the priority rank as a whole number, 1 being the most urgent.',
).refine((rank) => rank >= 1 && rank <= 999, 'The priority rank must be from 1 (most urgent) to 999.')
/** Optional: made from the name when left empty. */
export const OptionalKey = z
	.string()
	.trim()
	.toLowerCase()
	.optional()
	.refine(
		(key) => !key || isValidKey(key),
		'Use 2 to 40 lowercase letters, digits and single hyphens, like "hr-services".',
	)
const ChangeNote = z
	.string({ error: 'Say why the policy changes; the note is kept in the history.' })
	.trim()
	.min(1, 'Say why the policy changes; the note is kept in the history.')
	.max(500, 'Use at most 500 characters.')

export const KEY_HINT =
	'Lowercase letters, digits and single hyphens, like "hr-services". Made from the name if left empty.'

/** The key typed (already checked by OptionalKey), or one made from the name; an issue on `key` when unusable. */
export function resolveKey(data: { key?: string; name: string }, ctx: z.RefinementCtx): string {
	const key = data.key || keyFromName(data.name)
	// Without a name, "Enter a name" already says what to do.
	if (!isValidKey(key) && data.name.trim() !== '') {
		ctx.addIssue({
			code: 'custom',
			path: ['key'],
			message: 'Enter a key: the name has too few letters or digits to make one from.',
		})
	}
	return key
}

export const OrderClassDetailsSchema = z.object({
	name: Name,
	description: Description,
	priorityRank: PriorityRank,
})
export type OrderClassDetails = z.infer<typeof OrderClassDetailsSchema>

/** A new class with its first policy, in one form. */
export const NewOrderClassSchema = z
	.object({ ...OrderClassDetailsSchema.shape, key: OptionalKey, ...POLICY_SHAPE })
	.superRefine((data, ctx) => addPolicyIssues(data, resolveKey(data, ctx), ctx))
	.transform(({ key, ...data }) => ({ ...data, key: key || keyFromName(data.name) }))
export type NewOrderClass = z.output<typeof NewOrderClassSchema>
export type NewOrderClassInput = z.input<typeof NewOrderClassSchema>

/** A new policy version for the class `classKey` (its rules depend on the class). */
export function policyChangeSchema(classKey: string) {
	return z
		.object({ ...POLICY_SHAPE, changeNote: ChangeNote })
		.superRefine((data, ctx) => addPolicyIssues(data, classKey, ctx))
}
export type PolicyChangeInput = z.input<ReturnType<typeof policyChangeSchema>>

/** Every form on a class's page; `intent` says which one was sent. */
export function orderClassPageActionSchema(classKey: string) {
	return z.discriminatedUnion('intent', [
		OrderClassDetailsSchema.extend({ intent: z.literal('details') }),
		z
			.object({
				intent: z.literal('policy'),
				// The version the form showed; a newer one saved meanwhile makes this a conflict.
				basedOnVersion: wholeNumber('Reload the page: the form lost track of the policy version.'),
				...POLICY_SHAPE,
				changeNote: ChangeNote,
			})
			.superRefine((data, ctx) => addPolicyIssues(data, classKey, ctx)),
		z.object({ intent: z.literal('retire') }),
		z.object({ intent: z.literal('reinstate') }),
	])
}
export type OrderClassPageAction = z.output<ReturnType<typeof orderClassPageActionSchema>>

/** A policy as the form's starting values: strings for inputs, booleans for checkboxes. */
export function policyFormValues(policy: PolicyValues) {
	return {
		ackDeadlineMinutes: String(policy.ackDeadlineMinutes),
		deliveryTargetHours: String(policy.deliveryTargetHours),
		minQuantity: policy.minQuantity === null ? '' : String(policy.minQuantity),
		approvalThreshold:
			policy.approvalThresholdMinor === null ? '' : minorToInput(policy.approvalThresholdMinor),
		currency: policy.currency,
		justificationRequired: policy.justificationRequired,
		contractRequired: policy.contractRequired,
		requires24x7: policy.requires24x7,
		routingMode: policy.routingMode,
		broadcastCount: policy.routingMode === 'broadcast' ? String(policy.broadcastCount) : '',
		weightPrice: String(policy.weightPrice),
		weightSpeed: String(policy.weightSpeed),
		weightReliability: String(policy.weightReliability),
		weightCapacity: String(policy.weightCapacity),
	}
}
export type PolicyFormValues = ReturnType<typeof policyFormValues>

export const POLICY_TEXT_FIELDS = [
	'ackDeadlineMinutes',
	'deliveryTargetHours',
	'minQuantity',
	'approvalThreshold',
	'currency',
	'routingMode',
	'broadcastCount',
	'weightPrice',
	'weightSpeed',
	'weightReliability',
	'weightCapacity',
] as const
export const POLICY_CHECKBOX_FIELDS = ['justificationRequired', 'contractRequired', 'requires24x7'] as const

/**
 * What was sent, to refill the form after an error: text as typed, checkboxes as
 * booleans (so they come back ticked or not, with or without JavaScript).
 */
export function refillValues(values: Record<string, unknown>, textFields: readonly string[]) {
	const refill: Record<string, string | boolean> = {}
	for (const key of textFields) if (typeof values[key] === 'string') refill[key] = values[key] as string
	for (const key of POLICY_CHECKBOX_FIELDS) {
		const value = values[key]
		refill[key] = value === true || value === 'true' || value === 'on'
	}
	return refill
}
