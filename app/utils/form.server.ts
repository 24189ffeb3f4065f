import { zodResolver } from '@hookform/resolvers/zod'
import { type FieldErrors, type FieldValues } from 'react-hook-form'
import { getValidatedFormData } from 'remix-hook-form'
import { type z } from 'zod'

export type FormValues = Record<string, unknown>

export type Submission<T> =
	| { success: true; data: T; values: FormValues }
	| { success: false; errors: FieldErrors; values: FormValues }

/** Errors for the whole form rather than one field; shown above the fields. */
export function formErrors(message: string): FieldErrors {
	// RHF types `root` as GlobalError & Record<string, GlobalError>, which a literal cannot satisfy.
	return { root: { type: 'server', message } } as FieldErrors
}

const UNREADABLE = formErrors('The form could not be read. Reload the page and try again.')

/**
 * Reads the request's form and validates it with the same zod schema the
 * client uses. Values are kept as the strings the browser sent (a password
 * like "123456789012" must not turn into a number). A body that is not a form
 * at all becomes a validation failure, never a 500.
 */
export async function parseSubmission<S extends z.ZodType<FieldValues, FieldValues>>(
	request: Request,
	schema: S,
): Promise<Submission<z.output<S>>> {
	let formData: FormData
	try {
		formData = await request.formData()
	} catch {
		return { success: false, errors: UNREADABLE, values: {} }
	}
	// remix-hook-form turns dotted names into nested objects; a name such as
	// `__proto__.x` would then write to Object.prototype for the whole process.
	if ([...formData.keys()].some(isDangerousFieldName))
		return { success: false, errors: UNREADABLE, values: {} }
	const resolver = zodResolver(schema as z.ZodType<FieldValues, FieldValues>)
	const result = await getValidatedFormData<FieldValues>(formData, resolver, true)
	const values: FormValues = result.receivedValues
	if (result.errors) return { success: false, errors: result.errors, values }
	return { success: true, data: result.data as z.output<S>, values }
}

const DANGEROUS_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor'])

/** True for a form field name that would reach an object's prototype when expanded into nested values. */
export function isDangerousFieldName(name: string) {
	return name.split(/[.[\]]/).some((segment) => DANGEROUS_SEGMENTS.has(segment))
}

/** Picks the fields that may be sent back to refill a form (never passwords). */
export function pickValues(values: FormValues, keys: readonly string[]): Record<string, string> {
	return Object.fromEntries(
		keys.flatMap((key) => (typeof values[key] === 'string' ? [[key, values[key] as string]] : [])),
	)
}
