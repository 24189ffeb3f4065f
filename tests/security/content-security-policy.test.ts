// The production HTTP front (app/server/http.ts) over the real routes: every page carries a
// Content-Security-Policy under which only scripts with this response's nonce run (no
// 'unsafe-inline', no 'unsafe-eval'), and every script the page itself contains has that nonce,
// so the policy costs the app nothing and an injected script gets nowhere.
import { type AddressInfo } from 'node:net'
import { type Server } from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { createHttpApp } from '#app/server/http.ts'
import { createTestBuild } from './app-build.ts'
import { createSecurityWorld, type SecurityWorld } from './world.ts'

let world: SecurityWorld
let server: Server
let origin: string

beforeAll(async () => {
	world = await createSecurityWorld()
	const { build } = await createTestBuild()
	server = createHttpApp({ mode: 'production', build }).listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => {})
})

function directives(csp: string): Map<string, string[]> {
	return new Map(
		csp
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((parts) => parts[0])
			.map(([name, ...values]) => [name!, values]),
	)
}

describe.each([
	{ page: '/login', actor: 'anonymous' },
	{ page: '/buyer/suppliers', actor: 'buyer' },
	{ page: '/supplier', actor: 'supplierB' },
	{ page: '/audit/audit-trail', actor: 'auditor' },
] as const)('$page as $actor', ({ page, actor }) => {
	test('scripts run only by this response’s nonce, and every script of the page has it', async () => {
		const cookie = world.cookies[actor]
		const response = await fetch(`${origin}${page}`, { headers: cookie ? { cookie } : {} })
		expect(response.status).toBe(200)
		const csp = response.headers.get('content-security-policy') ?? ''
		const policy = directives(csp)
		const scriptSrc = policy.get('script-src') ?? []
		const nonce = /^'nonce-([A-Za-z0-9+/=]{16,})'$/.exec(
			scriptSrc.find((v) => v.startsWith("'nonce-")) ?? '',
		)?.[1]

		expect(nonce).toBeDefined()
		expect(scriptSrc).toEqual(["'self'", `'nonce-${nonce}'`])
		expect(policy.get('default-src')).toEqual(["'self'"])
		expect(policy.get('object-src')).toEqual(["'none'"])
		expect(policy.get('base-uri')).toEqual(["'self'"])
		expect(policy.get('frame-ancestors')).toEqual(["'none'"])

		const html = await response.text()
		const scripts = html.match(/<script\b[^>]*>/g) ?? []
		expect(scripts.length).toBeGreaterThan(0)
		expect(scripts.filter((tag) => !tag.includes(` nonce="${nonce}"`))).toEqual([])
	})
})

test('each response gets a nonce of its own', async () => {
	const nonces = await Promise.all(
		[1, 2, 3].map(async () => {
			const response = await fetch(`${origin}/login`)
			await response.body?.cancel()
			return /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1]
		}),
	)
	expect(new Set(nonces).size).toBe(3)
})
