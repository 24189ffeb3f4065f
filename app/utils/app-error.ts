export const APP_ERROR_CODES = ['NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'RULE_VIOLATION'] as const
export type AppErrorCode = (typeof APP_ERROR_CODES)[number]

/**
 * A failure the caller can explain to a person: models throw it, routes turn
 * it into a status and a message. `message` is safe to show to the user.
 */
export class AppError extends Error {
	readonly code: AppErrorCode
	/** The form field the message belongs to, when there is one. */
	readonly field?: string

	constructor(code: AppErrorCode, { message, field }: { message: string; field?: string }) {
		super(message)
		this.name = 'AppError'
		this.code = code
		this.field = field
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
