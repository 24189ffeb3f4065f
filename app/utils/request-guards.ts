const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * True when a state-changing request comes from another site: its Origin names
 * a different host than the one it was sent to. Requests without an Origin
 * (curl, some older browsers) pass; SameSite=Lax cookies cover those.
 */
export function isCrossSiteRequest({
	method,
	origin,
	host,
}: {
	method: string
	origin?: string | null
	host?: string | null
}) {
	if (SAFE_METHODS.has(method.toUpperCase()) || !origin) return false
	if (origin === 'null' || !host) return true
	try {
		return new URL(origin).host.toLowerCase() !== host.toLowerCase()
	} catch {
		return true
	}
}

/** The Content-Security-Policy for a page rendered with `nonce`; scripts only by nonce in production. */
export function contentSecurityPolicy({ nonce, isDevelopment }: { nonce: string; isDevelopment: boolean }) {
	return [
		"default-src 'self'",
		isDevelopment ? "script-src 'self' 'unsafe-inline'" : `script-src 'self' 'nonce-${nonce}'`,
		// React's style={} attributes are inline styles; scripts stay strict.
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data:",
		isDevelopment ? "connect-src 'self' ws:" : "connect-src 'self'",
		"font-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors 'none'",
	].join('; ')
}
