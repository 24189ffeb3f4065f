// Which failures mean "the database cannot be reached right now" (as opposed to a bug or a bad query):
// those get a 503 page in the HTTP front and a quiet retry in the jobs.

/** Socket-level codes from Node and postgres.js's own connection codes. */
const CONNECTION_CODES = new Set([
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN',
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
])

/**
 * SQLSTATEs of a server that is going away or not accepting connections yet:
 * admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting
 * down, in recovery), and class 08 (connection exceptions).
 */
function isUnavailableSqlState(code: string) {
	return code === '57P01' || code === '57P02' || code === '57P03' || /^08[0-9A-Z]{3}$/.test(code)
}

/**
 * True when `error` — or what it wraps (drizzle's DrizzleQueryError keeps the
 * driver's error as `cause`; a failed connect to a name with several addresses
 * is an AggregateError) — says the database is unreachable.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
	const seen = new Set<unknown>()
	const pending: unknown[] = [error]
	while (pending.length > 0) {
		const current = pending.pop()
		if (typeof current !== 'object' || current === null || seen.has(current)) continue
		seen.add(current)
		const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown }
		if (typeof code === 'string' && (CONNECTION_CODES.has(code) || isUnavailableSqlState(code))) return true
		pending.push(cause)
		if (Array.isArray(errors)) pending.push(...(errors as unknown[]))
	}
	return false
}

/** The code that made `error` count as unavailable, for a log line (no message: it may quote SQL). */
export function databaseErrorCode(error: unknown): string | undefined {
	for (let current: unknown = error, depth = 0; current && depth < 5; depth++) {
		const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown }
		if (typeof code === 'string') return code
		current = cause ?? (Array.isArray(errors) ? errors[0] : undefined)
	}
	return undefined
}
