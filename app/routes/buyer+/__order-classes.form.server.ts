// Turning a model's AppError into the answer a catalogue form (order classes, categories) shows.
import { data } from '@remix-run/node'
import { isAppError } from '#app/utils/app-error.ts'

/**
 * A broken rule or a duplicate key is a validation failure: 400, with the message
 * next to its field (or above the form). A conflict with a newer save answers 409
 * above the form. Missing rows and refusals become 404/403 pages; anything else is
 * a real error.
 */
export function formFailure<Values, Extra extends Record<string, unknown> = Record<never, never>>(
	error: unknown,
	defaultValues: Values,
	extra: Extra = {} as Extra,
) {
	if (!isAppError(error)) throw error
	if (error.code === 'NOT_FOUND') throw new Response('Not found', { status: 404 })
	if (error.code === 'FORBIDDEN') throw new Response(error.message, { status: 403 })
	const conflict = error.code === 'CONFLICT' && !error.field
	const errors = { [error.field ?? 'root']: { type: 'server', message: error.message } }
	return data({ ...extra, errors, defaultValues, conflict }, { status: conflict ? 409 : 400 })
}
