// The mutations on the order pages, one `intent` per button; every one that changes an order carries the
// version the page was rendered with, so a change made meanwhile is refused instead of overwritten.
import { type FieldErrors } from 'react-hook-form'
import { z } from 'zod'
import { REGIONS } from '#app/domain/regions.ts'
import { type AppError } from '#app/utils/app-error.ts'
import { type LocalTimeReader, neededBySchema, readLocalAsUtc, wholeNumber } from './order.ts'

const RELOAD = 'Reload the page and try again.'
const ExpectedVersion = z.coerce
	.number({ error: RELOAD })
	.int(RELOAD)
	.min(0, RELOAD)
	.max(2_147_483_647, RELOAD)
const Id = z.uuid({ error: RELOAD })

/** A reason of 3..500 characters, as the models require (app/domain/orders/order-events.ts). */
function reason(what: string) {
	return z
		.string({ error: `Give ${what}.` })
		.trim()
		.min(3, `Give ${what} (at least 3 characters).`)
		.max(500, `Keep ${what} under 500 characters.`)
}

const optionalQuantity = z
	.union([z.string(), z.number()])
	.optional()
	.transform((v) => (typeof v === 'string' ? v.trim() || undefined : v))
	.pipe(wholeNumber('Enter the quantity as a whole number, or leave it empty to keep it.').optional())

function optionalNeededBy(readLocal: LocalTimeReader) {
	return z
		.union([z.string(), z.date()])
		.optional()
		.transform((v) => (typeof v === 'string' ? v.trim() || undefined : v))
		.pipe(neededBySchema(readLocal, 'Enter a date and time, or leave it empty to keep it.').optional())
}

/** Every mutation on the buyer's order page. */
export function buildBuyerOrderActionSchema(readLocal: LocalTimeReader = readLocalAsUtc) {
	return z.discriminatedUnion('intent', [
		z.object({
			intent: z.literal('approve'),
			expectedVersion: ExpectedVersion,
			reason: z.string().trim().max(500, 'Keep the note under 500 characters.').optional(),
		}),
		z.object({
			intent: z.literal('reject'),
			expectedVersion: ExpectedVersion,
			reason: reason('the reason for rejecting'),
		}),
		z.object({ intent: z.literal('close'), expectedVersion: ExpectedVersion }),
		z.object({
			intent: z.literal('request-rework'),
			expectedVersion: ExpectedVersion,
			reason: reason('what needs rework'),
		}),
		z
			.object({
				intent: z.literal('change'),
				expectedVersion: ExpectedVersion,
				quantity: optionalQuantity,
				neededBy: optionalNeededBy(readLocal),
				reason: reason('the reason for the change'),
			})
			.refine((d) => d.quantity !== undefined || d.neededBy !== undefined, {
				path: ['quantity'],
				message: 'Enter a new quantity or a new needed-by time.',
			}),
		z.object({
			intent: z.literal('cancel'),
			expectedVersion: ExpectedVersion,
			reason: reason('the reason for cancelling'),
		}),
		z.object({
			intent: z.literal('assign'),
			expectedVersion: ExpectedVersion,
			supplierId: z.uuid({ error: 'Choose a supplier.' }),
			reason: reason('the reason for choosing this supplier'),
		}),
		z
			.object({
				intent: z.literal('reroute'),
				expectedVersion: ExpectedVersion,
				quantity: optionalQuantity,
				neededBy: optionalNeededBy(readLocal),
				region: z
					.string()
					.optional()
					.transform((r) => r || undefined)
					.pipe(z.enum(REGIONS, { error: 'Choose a region.' }).optional()),
			})
			.refine((d) => d.quantity !== undefined || d.neededBy !== undefined || d.region !== undefined, {
				path: ['quantity'],
				message: 'Change the quantity, the needed-by time or the region before routing again.',
			}),
	])
}
export type BuyerOrderAction = z.output<ReturnType<typeof buildBuyerOrderActionSchema>>
export const BUYER_ORDER_INTENTS = [
	'approve',
	'reject',
	'close',
	'request-rework',
	'change',
	'cancel',
	'assign',
	'reroute',
] as const

/** Every mutation on the supplier's inbox and order page. */
export const SupplierOrderActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('accept'), expectedVersion: ExpectedVersion, offerId: Id }),
	z.object({
		intent: z.literal('decline'),
		expectedVersion: ExpectedVersion,
		offerId: Id,
		declineReason: reason('the reason for declining'),
	}),
	z.object({ intent: z.literal('start'), expectedVersion: ExpectedVersion }),
	z.object({
		intent: z.literal('post-update'),
		expectedVersion: ExpectedVersion,
		note: z
			.string({ error: 'Write the update.' })
			.trim()
			.min(1, 'Write the update.')
			.max(2000, 'Keep the update under 2,000 characters.'),
	}),
	z.object({
		intent: z.literal('deliver'),
		expectedVersion: ExpectedVersion,
		deliveredQuantity: wholeNumber('Enter the delivered quantity as a whole number, at least 1.'),
	}),
	z.object({ intent: z.literal('resume'), expectedVersion: ExpectedVersion }),
	z.object({ intent: z.literal('acknowledge-change'), expectedVersion: ExpectedVersion }),
])
export type SupplierOrderAction = z.output<typeof SupplierOrderActionSchema>
export const SUPPLIER_ORDER_INTENTS = [
	'accept',
	'decline',
	'start',
	'post-update',
	'deliver',
	'resume',
	'acknowledge-change',
] as const

/** The exception queue's mutations. */
export const ExceptionActionSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('assign'),
		exceptionId: Id,
		ownerUserId: z.uuid({ error: 'Choose a buyer.' }),
	}),
	z.object({
		intent: z.literal('resolve'),
		exceptionId: Id,
		resolution: z
			.string({ error: 'Say how it was resolved.' })
			.trim()
			.min(3, 'Say how it was resolved (at least 3 characters).')
			.max(1000, 'Keep the resolution under 1,000 characters.'),
	}),
])
export type ExceptionAction = z.output<typeof ExceptionActionSchema>
export const EXCEPTION_INTENTS = ['assign', 'resolve'] as const

/** What a failed action sends back: which form (and row) it was, errors by field, what was typed. */
export type ActionFailure = {
	intent: string | null
	/** The offer or exception the form was about, when a page has one form per row. */
	targetId: string | null
	errors: Record<string, string>
	values: Record<string, string>
	message?: string
}

const TARGET_KEYS = ['offerId', 'exceptionId'] as const
const SAFE_VALUE = /^[\w-]+$/

/**
 * Turns validation errors into a failure for the form that was submitted: messages on the fields that
 * have them, the rest (a bad version or id, an unknown intent) as one message on top of that form.
 */
export function actionFailure(
	intents: readonly string[],
	errors: FieldErrors | Record<string, { message?: unknown } | undefined>,
	values: Record<string, unknown>,
	fieldNames: readonly string[],
): ActionFailure {
	const intent = typeof values.intent === 'string' && intents.includes(values.intent) ? values.intent : null
	const targetKey = TARGET_KEYS.find((k) => typeof values[k] === 'string')
	const target = targetKey ? String(values[targetKey]) : null
	const byField: Record<string, string> = {}
	let message: string | undefined
	for (const [key, error] of Object.entries(errors)) {
		const text = (error as { message?: unknown } | undefined)?.message
		if (typeof text !== 'string' || !text) continue
		if (fieldNames.includes(key)) byField[key] ??= text
		else message ??= text
	}
	const kept: Record<string, string> = {}
	for (const name of fieldNames) {
		if (typeof values[name] === 'string') kept[name] = (values[name] as string).slice(0, 5000)
	}
	return {
		intent,
		targetId: target && SAFE_VALUE.test(target) ? target.slice(0, 64) : null,
		errors: byField,
		values: kept,
		message:
			intent === null ? 'That action is not available on this page. Reload it and try again.' : message,
	}
}

/** A model's refusal (rule violation, conflict) as a failure of the form that was submitted. */
export function actionFailureFromAppError(
	intents: readonly string[],
	error: AppError,
	values: Record<string, unknown>,
	fieldNames: readonly string[],
): ActionFailure {
	const onField = error.field && fieldNames.includes(error.field)
	const errors: Record<string, { message: string }> = onField
		? { [error.field!]: { message: error.message } }
		: {}
	for (const issue of error.issues ?? []) {
		const key = String(issue.path[0] ?? '')
		if (fieldNames.includes(key)) errors[key] ??= { message: issue.message }
	}
	const failure = actionFailure(intents, errors, values, fieldNames)
	return onField ? failure : { ...failure, message: error.message }
}
