// The production HTTP front over the real routes, with the app's connection pool behind a TCP relay
// that the test cuts: while "the database" is gone, documents, single-fetch data requests, actions
// and resource routes answer 503 with Retry-After and a page that says so (never 500); once the
// relay is back, the same pool serves the same requests again, without a restart.
import { type Server } from 'node:http'
import { type AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { createHttpApp } from '#app/server/http.ts'
import { closeDb, getDb } from '#db/client.ts'
import { insertUser } from '#tests/factories/users.ts'
import { createTestBuild } from '#tests/security/app-build.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { startTcpProxy, type TcpProxy } from '#tests/utils/tcp-proxy.ts'

let server: Server
let origin: string
let relay: TcpProxy
let cookies: { buyer: string; auditor: string }
const workerUrl = process.env.DATABASE_URL!

beforeAll(async () => {
	const db = getDb()
	const [buyer, auditor] = await Promise.all([
		insertUser(db, { role: 'buyer' }),
		insertUser(db, { role: 'auditor' }),
	])
	cookies = { buyer: await sessionCookieFor(buyer.id), auditor: await sessionCookieFor(auditor.id) }

	const target = new URL(workerUrl)
	relay = await startTcpProxy({ host: target.hostname, port: Number(target.port) })
	const relayed = new URL(workerUrl)
	relayed.host = `127.0.0.1:${relay.port}`
	// From here on the app's shared pool reaches the database only through the relay.
	await closeDb()
	process.env.DATABASE_URL = relayed.toString()

	const { build } = await createTestBuild()
	server = createHttpApp({ mode: 'production', build }).listen(0, '127.0.0.1')
	await new Promise((resolve) => server.once('listening', resolve))
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve))
	await closeDb()
	await relay.close()
	process.env.DATABASE_URL = workerUrl
})

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => {})
})

const requests = {
	'a page (document request)': (signal?: AbortSignal) =>
		fetch(`${origin}/buyer/orders`, { headers: { cookie: cookies.buyer }, signal }),
	'a client navigation (single-fetch data request)': (signal?: AbortSignal) =>
		fetch(`${origin}/buyer/orders.data`, { headers: { cookie: cookies.buyer }, signal }),
	'a form post (action)': (signal?: AbortSignal) =>
		fetch(`${origin}/buyer/orders/new`, {
			method: 'POST',
			headers: { cookie: cookies.buyer, 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ quantity: '5', unit: 'hours', description: 'During the outage' }),
			redirect: 'manual',
			signal,
		}),
	'a resource route (CSV)': (signal?: AbortSignal) =>
		fetch(`${origin}/audit/audit-trail.csv`, { headers: { cookie: cookies.auditor }, signal }),
}

/** Sends until a 200 comes back or `ms` have passed (a request still waiting then is abandoned). */
async function isServedWithin(ms: number, send: (signal: AbortSignal) => Promise<Response>) {
	const deadline = AbortSignal.timeout(ms)
	while (!deadline.aborted) {
		const status = await send(deadline).then(
			(r) => r.status,
			() => null,
		)
		if (status === 200) return true
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	return false
}

describe('while the database is unreachable', () => {
	beforeAll(() => relay.cut())
	afterAll(() => relay.restore())

	test.each(Object.entries(requests))('%s answers 503 with Retry-After', async (_, send) => {
		const response = await send()
		const body = await response.text()
		expect(response.status).toBe(503)
		expect(response.headers.get('retry-after')).toBe('5')
		expect(body).toMatch(/database is unavailable/i)
	})

	test('the page says what happened and what to do, in the app’s own layout', async () => {
		const html = await (await requests['a page (document request)']()).text()
		expect(html).toContain('<h1>The database is unavailable</h1>')
		expect(html).toContain('Try again in a moment')
		expect(html).not.toContain('Something went wrong')
	})

	test('each refused request is logged once as database_unavailable with its path, not as a failure', async () => {
		const log = vi.mocked(console.log)
		// A page whose root, layout and page loaders all need the database.
		await requests['a page (document request)']()
		await requests['a resource route (CSV)']()
		const lines = log.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>)
		const refused = lines.filter((l) => l.event === 'request.database_unavailable')
		expect(refused).toEqual([
			expect.objectContaining({ level: 'warn', method: 'GET', path: '/buyer/orders', code: 'ECONNREFUSED' }),
			expect.objectContaining({
				level: 'warn',
				method: 'GET',
				path: '/audit/audit-trail.csv',
				code: 'ECONNREFUSED',
			}),
		])
		expect(new Set(refused.map((l) => l.requestId)).size).toBe(2)
		expect(lines.filter((l) => l.event === 'request.failed')).toEqual([])
	})

	test('an outage that lasts keeps answering 503, never 500', async () => {
		// Two seconds of failed connects is what made postgres.js's default backoff wait 10-20 s.
		const statuses = new Set<number>()
		for (const until = Date.now() + 2_000; Date.now() < until; ) {
			const responses = await Promise.all(Object.values(requests).map((send) => send()))
			for (const response of responses) statuses.add(response.status)
		}
		expect([...statuses]).toEqual([503])
	})

	test('the healthcheck says the database is unavailable', async () => {
		const response = await fetch(`${origin}/resources/healthcheck`)
		expect(response.status).toBe(503)
	})
})

describe('once the database is back', () => {
	test('a page is served again within 5 seconds', async () => {
		expect(await isServedWithin(5_000, requests['a page (document request)'])).toBe(true)
	})

	test.each(Object.entries(requests).filter(([name]) => !name.includes('action')))(
		'%s is served by the same pool again',
		async (_, send) => {
			const response = await send()
			expect(response.status).toBe(200)
		},
	)

	test('the form post reaches its action again (which validates the incomplete form)', async () => {
		const response = await requests['a form post (action)']()
		expect(response.status).toBe(400)
	})
})
