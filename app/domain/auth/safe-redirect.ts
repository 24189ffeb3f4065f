const DEFAULT_REDIRECT = '/'
// A placeholder origin: the target is safe only if resolving it against this origin stays on it.
const BASE = 'http://procura.invalid'

/**
 * Returns `to` when it is a same-site relative path, else `fallback`. Rejects
 * protocol-relative (`//evil`), backslash tricks (`/\evil`, which browsers read
 * as `//evil`), absolute URLs, and control characters (`/\t/evil` parses as `//evil`).
 */
export function safeRedirect(to: unknown, fallback: string = DEFAULT_REDIRECT): string {
	if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//')) return fallback
	// eslint-disable-next-line no-control-regex
	if (/[\\\u0000-\u001f\u007f]/.test(to)) return fallback
	try {
		const url = new URL(to, BASE)
		if (url.origin !== BASE) return fallback
		return `${url.pathname}${url.search}${url.hash}`
	} catch {
		return fallback
	}
}
