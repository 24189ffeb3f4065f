import { expect, test } from '#tests/playwright-utils.ts'

test('every page carries the security headers and no X-Powered-By', async ({ request }) => {
	const response = await request.get('/login')
	const headers = response.headers()
	expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
	expect(headers['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/)
	expect(headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/)
	expect(headers['x-content-type-options']).toBe('nosniff')
	expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
	expect(headers['cache-control']).toBe('no-store')
	expect(headers['x-powered-by']).toBeUndefined()
})

test('a POST whose Origin is another site answers 403', async ({ request }) => {
	const response = await request.post('/login', {
		headers: { Origin: 'https://evil.example' },
		form: { email: 'buyer@procura.test', password: 'procura-demo' },
		maxRedirects: 0,
	})
	expect(response.status()).toBe(403)
})

test('authenticated pages are never cached', async ({ page, loginAs }) => {
	await loginAs('buyer')
	const response = await page.goto('/buyer')
	expect(response?.headers()['cache-control']).toBe('no-store')
})
