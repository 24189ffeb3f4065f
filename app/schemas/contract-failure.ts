// What a failed contract action sends back to its page, built the same way for both portals.
import { type FieldErrors } from 'react-hook-form'
import { type AppError } from '#app/utils/app-error.ts'
import { typedTermValues } from './contract-terms.ts'
import {
	appErrorToFieldErrors,
	CONTRACT_INTENTS,
	type ContractActionFailure,
	type ContractIntent,
} from './contract.ts'

const TERMS_INTENTS: ReadonlySet<ContractIntent> = new Set(['save-draft', 'counter'])

function submittedIntent(values: Record<string, unknown>): ContractIntent | null {
	const intent = values.intent
	return (CONTRACT_INTENTS as readonly unknown[]).includes(intent) ? (intent as ContractIntent) : null
}

const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : '')

/** What the person typed, in the shape their form reads back; nothing else is echoed. */
function typedValues(
	intent: ContractIntent | null,
	values: Record<string, unknown>,
): Record<string, unknown> {
	if (intent === 'terminate') return { reason: text(values.reason, 2000) }
	if (intent === null || !TERMS_INTENTS.has(intent)) return {}
	return {
		expectedLockVersion: text(values.expectedLockVersion, 20),
		...(intent === 'counter' ? { basedOnVersionId: text(values.basedOnVersionId, 64) } : {}),
		terms: typedTermValues(values.terms),
		note: text(values.note, 5000),
	}
}

/**
 * A failure for the form that was submitted. The terms forms show their errors in place (top-level
 * ones as `root`); the page's one-button forms show `message`, so a `root` never lands in another form.
 */
export function contractActionFailure(
	errors: FieldErrors,
	values: Record<string, unknown>,
): ContractActionFailure {
	const intent = submittedIntent(values)
	const defaultValues = typedValues(intent, values)
	if (intent !== null && TERMS_INTENTS.has(intent)) return { intent, errors, defaultValues }
	const { root, ...fieldErrors } = errors
	if (intent === 'terminate' && 'reason' in fieldErrors) {
		return { intent, errors: { reason: fieldErrors.reason }, defaultValues, message: root?.message }
	}
	const message =
		intent === null
			? 'That action is not available on this page. Reload it and try again.'
			: (firstMessage(errors) ?? 'This could not be done: reload the page and try again.')
	return { intent, errors: {}, defaultValues, message }
}

/** The first message anywhere in a tree of field errors (depth-first). */
function firstMessage(node: unknown, depth = 0): string | undefined {
	if (!node || typeof node !== 'object' || depth > 8) return undefined
	const message = (node as { message?: unknown }).message
	if (typeof message === 'string' && message) return message
	for (const child of Object.values(node)) {
		const found = firstMessage(child, depth + 1)
		if (found) return found
	}
	return undefined
}

/** The same for a model's refusal (rule violation, conflict, forbidden). */
export function contractActionFailureFromAppError(
	error: AppError,
	values: Record<string, unknown>,
): ContractActionFailure {
	return contractActionFailure(appErrorToFieldErrors(error), values)
}
