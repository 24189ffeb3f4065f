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

/** The form error for a body with a value PostgreSQL cannot store (see hasUnstorableText). */
export const UNSTORABLE_TEXT_MESSAGE =
	'A field contains a NUL character (U+0000), which cannot be saved. Remove it and send the form again.'

/**
 * True when a value holds U+0000: PostgreSQL text and jsonb cannot store it, so a form
 * that reached the database with one would answer 500. Refused with the other
 * unreadable bodies, before validation, by every action that reads a form.
 */
export function hasUnstorableText(formData: FormData): boolean {
	for (const value of formData.values())
		if (typeof value === 'string' && value.includes('\u0000')) return true
	return false
}

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
	const names = [...formData.keys()]
	if (names.some(isDangerousFieldName) || !isNestableFieldSet(names))
		return { success: false, errors: UNREADABLE, values: {} }
	if (hasUnstorableText(formData))
		return { success: false, errors: formErrors(UNSTORABLE_TEXT_MESSAGE), values: {} }
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

/**
 * The highest array index a field name may use (`terms.99.note`). No form has that many
 * rows; remix-hook-form would make an index of a million a sparse array that long, and
 * validating it blocks the server for minutes.
 */
export const MAX_FIELD_INDEX = 99

type NodeKind = 'value' | 'list' | 'object'

/**
 * True when the names describe one nested value as remix-hook-form builds it from
 * `rows.0.name` and `regions[]`: no name is both a value and a container (`a` and
 * `a.b`), no container both a list and an object (`a.0` and `a.b`, or a top-level
 * `0`), and indexes stay at most MAX_FIELD_INDEX. remix-hook-form throws a TypeError
 * on the first two, which would answer 500.
 */
export function isNestableFieldSet(names: Iterable<string>): boolean {
	const kinds = new Map<string, NodeKind>([['', 'object']])
	const mark = (path: string, kind: NodeKind) => {
		const seen = kinds.get(path)
		kinds.set(path, kind)
		return seen === undefined || seen === kind
	}
	// The container at `path` holds `key`: a list when the key is an index.
	const hold = (path: string, key: string) => {
		const isIndex = /^\d+$/.test(key)
		if (isIndex && Number(key) > MAX_FIELD_INDEX) return false
		return mark(path, isIndex ? 'list' : 'object')
	}
	for (const name of new Set(names)) {
		const parts = name.split('.')
		const last = parts.pop()!
		let path = ''
		for (const part of parts) {
			if (!hold(path, part)) return false
			path = `${path}.${part}`
		}
		// `regions[]` and `regions[3]` push onto the list `regions`.
		const pushed = /^(.*)\[(\d*)\]$/.exec(last)
		if (pushed) {
			const [, key, index] = pushed as unknown as [string, string, string]
			if (Number(index || 0) > MAX_FIELD_INDEX) return false
			if (!hold(path, key) || !mark(`${path}.${key}`, 'list')) return false
		} else if (!hold(path, last) || !mark(`${path}.${last}`, 'value')) return false
	}
	return true
}

/** Picks the fields that may be sent back to refill a form (never passwords). */
export function pickValues(values: FormValues, keys: readonly string[]): Record<string, string> {
	return Object.fromEntries(
		keys.flatMap((key) => (typeof values[key] === 'string' ? [[key, values[key] as string]] : [])),
	)
}
