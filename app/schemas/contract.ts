// Contract forms shared by the pages (react-hook-form + zodResolver) and their actions.
import { type FieldErrors } from 'react-hook-form'
import { z } from 'zod'
import { CONTRACT_STATUSES } from '#app/domain/contracts/negotiation.ts'
import { type AppError } from '#app/utils/app-error.ts'
import { buildTermsSchema, type TermFormValues, type TermPolicies } from './contract-terms.ts'

export { CONTRACT_STATUSES, type ContractStatus } from '#app/domain/contracts/negotiation.ts'

const ISO_DATE = z.iso.date({ error: 'Enter a date as YYYY-MM-DD.' })

export const ContractHeaderSchema = z
	.object({
		supplierId: z.uuid({ error: 'Choose a supplier.' }),
		title: z
			.string({ error: 'Give the contract a title.' })
			.trim()
			.min(3, 'Give the contract a title of at least 3 characters.')
			.max(200, 'Use at most 200 characters.'),
		currency: z
			.string()
			.trim()
			.toUpperCase()
			.default('EUR')
			.transform((c) => c || 'EUR')
			.pipe(z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter currency code, like EUR.')),
		startsOn: z.string({ error: 'Enter the start date.' }).min(1, 'Enter the start date.').pipe(ISO_DATE),
		endsOn: z.string({ error: 'Enter the end date.' }).min(1, 'Enter the end date.').pipe(ISO_DATE),
	})
	// ISO dates compare correctly as strings.
	.refine((d) => d.endsOn >= d.startsOn, {
		path: ['endsOn'],
		message: 'The contract cannot end before it starts.',
	})
export type ContractHeader = z.input<typeof ContractHeaderSchema>

/** Search parameters of the contract lists; anything unreadable falls back instead of failing. */
export const ContractListQuerySchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	supplierId: z.uuid().optional().catch(undefined),
	status: z.enum(CONTRACT_STATUSES).optional().catch(undefined),
	orderClassId: z.uuid().optional().catch(undefined),
	expiring: z
		.enum(['1'])
		.optional()
		.catch(undefined)
		.transform((v) => v === '1'),
})
export type ContractListQuery = z.infer<typeof ContractListQuerySchema>

const Lock = z.coerce
	.number({ error: 'Reload the page and try again.' })
	.int('Reload the page and try again.')
	.min(0, 'Reload the page and try again.')
	.max(2_147_483_647, 'Reload the page and try again.')
const VersionId = z.uuid({ error: 'Reload the page and try again.' })
const Note = z
	.string({ error: 'Write a note for the other side.' })
	.trim()
	.min(3, 'Write a note of at least 3 characters saying what you changed and why.')
	.max(1000, 'Use at most 1,000 characters.')
const OptionalNote = z.string().trim().max(1000, 'Use at most 1,000 characters.').optional().default('')
const Reason = z
	.string({ error: 'Give the reason for terminating.' })
	.trim()
	.min(5, 'Give the reason for terminating (at least 5 characters).')
	.max(500, 'Use at most 500 characters.')

type SchemaOptions = { categoryIds?: ReadonlySet<string> }

/** Saving the buyer's draft terms (any number of terms, even none yet). */
export function buildSaveDraftSchema(policies: TermPolicies, options: SchemaOptions = {}) {
	return z.object({
		intent: z.literal('save-draft'),
		expectedLockVersion: Lock,
		terms: buildTermsSchema(policies, options),
		note: OptionalNote,
	})
}

/** Countering the other side's pending proposal: at least one term and a note. */
export function buildCounterSchema(policies: TermPolicies, options: SchemaOptions = {}) {
	return z.object({
		intent: z.literal('counter'),
		expectedLockVersion: Lock,
		basedOnVersionId: VersionId,
		terms: buildTermsSchema(policies, { ...options, minTerms: 1 }),
		note: Note,
	})
}

const SendSchema = z.object({ intent: z.literal('send'), expectedLockVersion: Lock })
const AcceptSchema = z.object({
	intent: z.literal('accept'),
	expectedLockVersion: Lock,
	versionId: VersionId,
})
const WithdrawSchema = z.object({
	intent: z.literal('withdraw'),
	expectedLockVersion: Lock,
	versionId: VersionId,
})
const StartRevisionSchema = z.object({ intent: z.literal('start-revision'), expectedLockVersion: Lock })
const TerminateSchema = z.object({
	intent: z.literal('terminate'),
	expectedLockVersion: Lock,
	reason: Reason,
})
export type TerminateForm = z.input<typeof TerminateSchema>

/** Every mutation on the buyer's contract page; the `intent` field selects one. */
export function buildBuyerContractActionSchema(policies: TermPolicies, options: SchemaOptions = {}) {
	return z.discriminatedUnion('intent', [
		buildSaveDraftSchema(policies, options),
		SendSchema,
		AcceptSchema,
		buildCounterSchema(policies, options),
		WithdrawSchema,
		StartRevisionSchema,
		TerminateSchema,
	])
}
export type BuyerContractAction = z.output<ReturnType<typeof buildBuyerContractActionSchema>>

/** Every mutation on the supplier's contract page. */
export function buildSupplierContractActionSchema(policies: TermPolicies, options: SchemaOptions = {}) {
	return z.discriminatedUnion('intent', [AcceptSchema, buildCounterSchema(policies, options), WithdrawSchema])
}
export type SupplierContractAction = z.output<ReturnType<typeof buildSupplierContractActionSchema>>

export const CONTRACT_INTENTS = [
	'save-draft',
	'send',
	'accept',
	'counter',
	'withdraw',
	'start-revision',
	'terminate',
] as const
export type ContractIntent = (typeof CONTRACT_INTENTS)[number]

/** The terms editor's form values (what is typed, before conversion). */
export type TermsFormValues = {
	intent: 'save-draft' | 'counter'
	expectedLockVersion: string
	basedOnVersionId?: string
	terms: TermFormValues[]
	note: string
}

/** What a failed contract action sends back: which form it was, its errors, and what was typed. */
export type ContractActionFailure = {
	intent: ContractIntent | null
	/** Field errors; `root` only for the terms forms (the page's other forms show `message`). */
	errors: FieldErrors
	defaultValues: Record<string, unknown>
	message?: string
}

/**
 * A model's rule violation as form errors: each issue on the field its path names (e.g.
 * terms.1.orderClassId), `field` likewise, and a message without a field on top of the form.
 */
export function appErrorToFieldErrors(error: AppError): FieldErrors {
	const errors: Record<string, unknown> = {}
	const put = (path: readonly (string | number)[], message: string) => {
		const safe = path.filter((key) => !UNSAFE_KEYS.has(String(key)))
		const target = safe.length === 0 ? ['root'] : safe
		let node = errors
		target.forEach((key, i) => {
			if (i === target.length - 1) {
				node[key] ??= { type: 'server', message }
				return
			}
			node[key] ??= typeof target[i + 1] === 'number' ? [] : {}
			node = node[key] as Record<string, unknown>
		})
	}
	for (const issue of error.issues ?? []) put(issue.path, issue.message)
	if (!error.issues?.length || error.field) put(error.field ? fieldPath(error.field) : [], error.message)
	return errors as FieldErrors
}

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

function fieldPath(field: string): (string | number)[] {
	return field
		.split('.')
		.filter((part) => part !== '')
		.map((part) => (/^\d+$/.test(part) ? Number(part) : part))
}
