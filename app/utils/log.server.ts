/**
 * Structured one-line JSON events on stdout. Callers never pass passwords or
 * session tokens; `redact` strips the usual suspects in case one slips in.
 */
export function logEvent(event: string, fields: Record<string, unknown> = {}) {
	const line = { time: new Date().toISOString(), event, ...redact(fields) }
	console.log(JSON.stringify(line))
}

export function logError(event: string, error: unknown, fields: Record<string, unknown> = {}) {
	const detail =
		error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) }
	console.log(
		JSON.stringify({ time: new Date().toISOString(), level: 'error', event, ...redact(fields), ...detail }),
	)
}

const SECRET_KEYS = /password|token|secret|cookie|authorization/i

function redact(fields: Record<string, unknown>) {
	return Object.fromEntries(
		Object.entries(fields).map(([k, v]) => [k, SECRET_KEYS.test(k) ? '[redacted]' : v]),
	)
}
