import { describe, expect, test } from 'vitest'
import { contentSecurityPolicy, isCrossSiteRequest } from './request-guards.ts'

describe('isCrossSiteRequest', () => {
	test('a POST from another site is cross-site', () => {
		expect(
			isCrossSiteRequest({ method: 'POST', origin: 'https://evil.example', host: 'localhost:3000' }),
		).toBe(true)
	})
	test('a POST from the same host is not', () => {
		expect(
			isCrossSiteRequest({ method: 'POST', origin: 'http://localhost:3000', host: 'localhost:3000' }),
		).toBe(false)
	})
	test('a different port is a different origin', () => {
		expect(
			isCrossSiteRequest({ method: 'POST', origin: 'http://localhost:4000', host: 'localhost:3000' }),
		).toBe(true)
	})
	test('GET is never blocked and a missing Origin passes', () => {
		expect(
			isCrossSiteRequest({ method: 'GET', origin: 'https://evil.example', host: 'localhost:3000' }),
		).toBe(false)
		expect(isCrossSiteRequest({ method: 'POST', origin: null, host: 'localhost:3000' })).toBe(false)
	})
	test('an opaque or malformed Origin is refused', () => {
		expect(isCrossSiteRequest({ method: 'DELETE', origin: 'null', host: 'localhost:3000' })).toBe(true)
		expect(isCrossSiteRequest({ method: 'PUT', origin: 'not a url', host: 'localhost:3000' })).toBe(true)
	})
})

describe('contentSecurityPolicy', () => {
	test('production scripts run only with the nonce, and framing is refused', () => {
		const csp = contentSecurityPolicy({ nonce: 'abc', isDevelopment: false })
		expect(csp).toContain("script-src 'self' 'nonce-abc'")
		expect(csp).toContain("frame-ancestors 'none'")
		expect(csp.split(';').find((d) => d.includes('script-src'))).not.toContain('unsafe-inline')
	})
})
