export const APP_ERROR_CODES = ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'RULE_VIOLATION'] as const
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

/** One problem with one field of a larger input, e.g. path ['terms', 2, 'ackSlaMinutes']. */
export type AppErrorIssue = { path: (string | number)[]; message: string }

/**
 * A failure the caller can explain to a person: models throw it, routes turn
 * it into a status and a message. `message` is safe to show to the user.
 */
export class AppError extends Error {
	readonly code: AppErrorCode
	/** The form field the message belongs to, when there is one. */
	readonly field?: string
	/** Every problem found, each on its own field, when one input had several (e.g. contract terms). */
	readonly issues?: readonly AppErrorIssue[]

	constructor(
		code: AppErrorCode,
		{ message, field, issues }: { message: string; field?: string; issues?: readonly AppErrorIssue[] },
	) {
		super(message)
		this.name = 'AppError'
		this.code = code
		this.field = field
		this.issues = issues
	}

	/** The same list as `issues`, under the name some callers expect. */
	get details(): readonly AppErrorIssue[] | undefined {
		return this.issues
	}
}

const STATUS: Record<AppErrorCode, number> = {
	NOT_FOUND: 404,
	FORBIDDEN: 403,
	CONFLICT: 409,
	RULE_VIOLATION: 422,
}

export function statusForAppError(code: AppErrorCode): number {
	return STATUS[code]
}

export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
	return error instanceof AppError && (code === undefined || error.code === code)
}

/**
 * An error's issues as messages per dotted field name ('terms.2.ackSlaMinutes'),
 * the shape react-hook-form's field names use.
 */
export function issuesByField(error: AppError): Record<string, string[]> {
	const byField: Record<string, string[]> = {}
	for (const issue of error.issues ?? []) {
		const key = issue.path.join('.')
		;(byField[key] ??= []).push(issue.message)
	}
	return byField
}
