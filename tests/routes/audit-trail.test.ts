import { randomUUID } from 'node:crypto'
import { createRequestHandler, type ServerBuild } from '@remix-run/node'
import { beforeAll, describe, expect, test } from 'vitest'
import { type NewAuditEvent, recordAuditEvents } from '#app/models/audit-event.server.ts'
import * as layoutRoute from '#app/routes/audit+/_layout.tsx'
import * as csvRoute from '#app/routes/audit+/audit-trail[.csv].tsx'
import * as trailRoute from '#app/routes/audit+/audit-trail.tsx'
import * as verifyRoute from '#app/routes/audit+/verify.tsx'
import { csvResponse } from '#app/utils/csv.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser, type InsertedUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'

type TrailData = Awaited<ReturnType<typeof trailRoute.loader>>
type VerifyData = Awaited<ReturnType<typeof verifyRoute.loader>>

const BOM = '\uFEFF'

let auditor: InsertedUser
let buyer: InsertedUser
let cookies: { auditor: string; buyer: string; supplier: string }
let supplier: { id: string; name: string }
// A tricky entity id: a spreadsheet would run it as a formula, and it holds a comma and quotes.
const orderId = `=SUM(1,2)"${randomUUID()}`

beforeAll(async () => {
	const db = getDb()
	supplier = await insertSupplier(db, { name: `Trail Supplier ${randomUUID().slice(0, 8)}` })
	auditor = await insertUser(db, { role: 'auditor' })
	buyer = await insertUser(db, { role: 'buyer' })
	const supplierUser = await insertUser(db, { role: 'supplier', supplierId: supplier.id })
	cookies = {
		auditor: await sessionCookieFor(auditor.id),
		buyer: await sessionCookieFor(buyer.id),
		supplier: await sessionCookieFor(supplierUser.id),
	}
	const event = (overrides: Partial<NewAuditEvent>): NewAuditEvent => ({
		actorUserId: buyer.id,
		actorRole: 'buyer',
		action: 'order.update_posted',
		entityType: 'order',
		entityId: orderId,
		supplierId: supplier.id,
		...overrides,
	})
	await db.transaction((tx) =>
		recordAuditEvents(tx, [
			event({
				action: 'order.placed',
				after: { note: 'first, "quoted"\nsecond line' },
				occurredAt: new Date('2001-02-03T23:59:59.000Z'),
			}),
			...Array.from({ length: 50 }, (_, n) =>
				event({ after: { n }, occurredAt: new Date('2001-02-04T10:00:00.000Z') }),
			),
			event({ action: 'order.closed', actorUserId: null, actorRole: 'system', supplierId: null }),
		]),
	)
})

function trail(search: Record<string, string>, cookie: string | null = cookies.auditor) {
	return callRoute(
		trailRoute.loader,
		buildRequest(`/audit/audit-trail?${new URLSearchParams(search)}`, { cookie }),
	)
}

describe('/audit/audit-trail', () => {
	test('an auditor searches by entity, newest first, with actor emails and supplier names, 50 a page', async () => {
		const first = await trail({ entityType: 'order', entityId: orderId })
		expect(first.status).toBe(200)
		const data = first.data as TrailData
		expect(data.errors).toEqual({})
		expect(data.found?.total).toBe(52)
		expect(data.found?.more).toBe(false)
		expect(data.found?.rows).toHaveLength(50)
		expect(data.found?.rows[0]).toMatchObject({
			action: 'order.closed',
			actorUserId: null,
			actorRole: 'system',
		})
		expect(data.found?.rows[1]).toMatchObject({
			action: 'order.update_posted',
			actorEmail: buyer.email,
			supplierName: supplier.name,
			after: '{"n": 49}',
		})

		const second = (await trail({ entityType: 'order', entityId: orderId, page: '2' })).data as TrailData
		expect(second.found?.rows.map((r) => r.action)).toEqual(['order.update_posted', 'order.placed'])
		expect(second.found!.rows[1]!.seq).toBeLessThan(second.found!.rows[0]!.seq)
	})

	test('filters combine: action, actor by email or id, supplier and UTC days', async () => {
		const count = async (search: Record<string, string>) =>
			((await trail({ entityId: orderId, ...search })).data as TrailData).found?.total
		expect(await count({ action: 'order.placed' })).toBe(1)
		expect(await count({ actor: buyer.email.toUpperCase() })).toBe(51)
		expect(await count({ actor: buyer.id })).toBe(51)
		expect(await count({ supplierId: supplier.id })).toBe(51)
		// The first event is at 23:59:59 UTC on the 3rd: inside the 3rd's UTC day, outside the 4th's.
		expect(await count({ from: '2001-02-03', to: '2001-02-03' })).toBe(1)
		expect(await count({ from: '2001-02-04', to: '2001-02-04' })).toBe(50)
		expect(await count({ to: '2001-02-04' })).toBe(51)
		expect(await count({ from: '2001-02-05' })).toBe(1)
		expect(await count({ actor: auditor.email })).toBe(0)
	})

	test('no match is an empty page, not an error', async () => {
		const result = await trail({ entityId: randomUUID() })
		expect(result.status).toBe(200)
		expect((result.data as TrailData).found).toEqual({ rows: [], total: 0, more: false })
	})

	test('bad filters answer 200 with a message per field and what was typed', async () => {
		const typed = {
			entityType: 'Order!',
			actor: 'nobody',
			action: 'order.exploded',
			supplierId: 'not-a-uuid',
			from: '2026-13-01',
		}
		const result = await trail(typed)
		expect(result.status).toBe(200)
		const data = result.data as TrailData
		expect(data.found).toBeNull()
		expect(data.values).toEqual(typed)
		expect(Object.keys(data.errors).sort()).toEqual(['action', 'actor', 'entityType', 'from', 'supplierId'])

		const range = (await trail({ from: '2026-03-02', to: '2026-03-01' })).data as TrailData
		expect(range.errors).toEqual({ to: 'To must be on or after From.' })
		const unknown = (await trail({ actor: `ghost-${randomUUID()}@procura.test` })).data as TrailData
		expect(unknown.errors).toEqual({ actor: 'No user has this email address.' })
		expect(unknown.found).toBeNull()
	})
})

describe('/audit/audit-trail.csv', () => {
	/** The raw download: Response.text() would drop the BOM, as every UTF-8 decoder does by default. */
	async function download(search: Record<string, string>) {
		const response = (await csvRoute.loader({
			request: buildRequest(`/audit/audit-trail.csv?${new URLSearchParams(search)}`, {
				cookie: cookies.auditor,
			}),
			params: {},
			context: { cspNonce: '', clientIp: null },
		})) as Response
		const bytes = new Uint8Array(await response.arrayBuffer())
		return { response, bytes, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) }
	}

	test('streams the search as CSV: BOM, header, CRLF, RFC 4180 quoting, formula hardening', async () => {
		const { response, bytes, text } = await download({ entityId: orderId, action: 'order.placed' })
		expect(response.status).toBe(200)
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
		expect(response.headers.get('content-disposition')).toMatch(
			/^attachment; filename="audit-trail-\d{4}-\d\d-\d\dT\d{6}Z\.csv"$/,
		)
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
		const [header, row, end] = text.slice(1).split('\r\n')
		expect(header).toBe(
			'seq,occurred_at,actor_user_id,actor_email,actor_role,action,entity_type,entity_id,supplier_id,supplier_name,before,after,prev_hash,hash',
		)
		expect(end).toBe('')
		expect(row).toContain(`,2001-02-03T23:59:59.000Z,${buyer.id},${buyer.email},buyer,order.placed,order,`)
		expect(row).toContain(`,"'${orderId.replaceAll('"', '""')}",`)
		expect(row).toContain(',"{""note"": ""first, \\""quoted\\""\\nsecond line""}",')
	})

	test('exports every match in chain order', async () => {
		const { text } = await download({ entityId: orderId })
		const lines = text.split('\r\n').slice(1, -1)
		expect(lines).toHaveLength(52)
		const seqs = lines.map((line) => Number(line.split(',')[0]))
		expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
	})

	test('bad filters answer 400 with the messages, as text', async () => {
		const result = await callRoute(
			csvRoute.loader,
			buildRequest('/audit/audit-trail.csv?supplierId=x', { cookie: cookies.auditor }),
		)
		expect(result.status).toBe(400)
		expect(result.data).toContain('Choose a supplier from the list.')
	})
})

describe('/audit/verify', () => {
	test('shows the form only until ?run=1, then the verified chain with its head', async () => {
		const idle = await callRoute(
			verifyRoute.loader,
			buildRequest('/audit/verify', { cookie: cookies.auditor }),
		)
		expect(idle).toMatchObject({ status: 200, data: { check: null } })

		const run = await callRoute(
			verifyRoute.loader,
			buildRequest('/audit/verify?run=1', { cookie: cookies.auditor }),
		)
		const { check } = run.data as VerifyData
		expect(check).toMatchObject({ ok: true })
		expect(check!.checked).toBeGreaterThanOrEqual(52)
		expect(check!.head?.seq).toBe(check!.checked)
		expect(check!.head?.hash).toMatch(/^[0-9a-f]{64}$/)
		expect(typeof check!.durationMs).toBe('number')
	})
})

describe('access', () => {
	const urls = ['/audit/audit-trail', '/audit/audit-trail.csv', '/audit/verify?run=1']
	const loaders = [trailRoute.loader, csvRoute.loader, verifyRoute.loader]

	test('buyers and suppliers get 403; anonymous visitors are sent to log in', async () => {
		for (const cookie of [cookies.buyer, cookies.supplier]) {
			const results = await Promise.all(
				loaders.map((fn, i) => callRoute(fn, buildRequest(urls[i]!, { cookie }))),
			)
			for (const result of results) expect(result.status).toBe(403)
		}
		for (const [i, fn] of loaders.entries()) {
			const result = await callRoute(fn, buildRequest(urls[i]!))
			expect(result.status).toBe(302)
			expect(result.location).toBe(`/login?${new URLSearchParams({ redirectTo: urls[i]! })}`)
		}
	})

	test('no audit route has an action, so Remix answers a POST with 405', async () => {
		for (const module of [layoutRoute, trailRoute, csvRoute, verifyRoute])
			expect(module).not.toHaveProperty('action')
		const handle = createRequestHandler(auditPortalBuild(), 'production')
		for (const path of urls) {
			const document = await handle(
				buildRequest(path, { method: 'POST', cookie: cookies.auditor, form: { x: '1' } }),
			)
			expect(document.status).toBe(405)
		}
		// What a client-side <Form method="post"> would send under single fetch.
		const data = await handle(
			buildRequest('/audit/audit-trail.data', { method: 'POST', cookie: cookies.auditor, form: { x: '1' } }),
		)
		expect(data.status).toBe(405)
	})
})

describe('csvResponse', () => {
	test('pulls rows only as the body is read, and closes the source when the reader stops', async () => {
		let produced = 0
		let closed = false
		async function* rows() {
			try {
				for (let n = 0; n < 100_000; n++) {
					produced++
					yield [n, `row ${n}`]
				}
			} finally {
				closed = true
			}
		}
		const response = csvResponse({ filename: 'x"\r\ny.csv', header: ['n', 'text'], rows: rows() })
		expect(response.headers.get('content-disposition')).toBe('attachment; filename="x-y.csv"')
		const reader = response.body!.getReader()
		const first = new TextDecoder('utf-8', { ignoreBOM: true }).decode((await reader.read()).value)
		expect(first).toBe(`${BOM}n,text\r\n`)
		await reader.read()
		expect(produced).toBeGreaterThan(0)
		expect(produced).toBeLessThan(100_000)
		await reader.cancel()
		expect(closed).toBe(true)
	})

	test('takes a plain iterable too', async () => {
		const response = csvResponse({ filename: 'x', header: ['a'], rows: [[null], [new Date(0)], ['@x']] })
		const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
		expect(text).toBe(`${BOM}a\r\n\r\n1970-01-01T00:00:00.000Z\r\n'@x\r\n`)
	})
})

/**
 * The audit portal's routes as Remix serves them, with a root that renders
 * nothing and a document handler that only reports the status: enough to see
 * how Remix answers a request, without rendering React.
 */
function auditPortalBuild(): ServerBuild {
	const layout = 'routes/audit+/_layout'
	const route = (id: string, parentId: string | undefined, path: string, module: object) => ({
		id,
		parentId,
		path,
		module: module as ServerBuild['routes'][string]['module'],
	})
	const routes = {
		root: route('root', undefined, '', { default: () => null }),
		[layout]: route(layout, 'root', 'audit', layoutRoute),
		'routes/audit+/audit-trail': route('routes/audit+/audit-trail', layout, 'audit-trail', trailRoute),
		'routes/audit+/audit-trail[.csv]': route(
			'routes/audit+/audit-trail[.csv]',
			layout,
			'audit-trail.csv',
			csvRoute,
		),
		'routes/audit+/verify': route('routes/audit+/verify', layout, 'verify', verifyRoute),
	}
	return {
		mode: 'production',
		entry: {
			module: {
				default: (_request, status, headers) => new Response(null, { status, headers }),
				// The 405s are expected; anything else would surface as a wrong status.
				handleError: () => {},
			},
		},
		routes,
		assets: {
			entry: { imports: [], module: '' },
			routes: Object.fromEntries(
				Object.values(routes).map((r) => [
					r.id,
					{
						id: r.id,
						parentId: r.parentId,
						path: r.path,
						module: '',
						hasAction: 'action' in r.module,
						hasLoader: 'loader' in r.module,
						hasClientAction: false,
						hasClientLoader: false,
						hasErrorBoundary: 'ErrorBoundary' in r.module,
					},
				]),
			),
			url: '',
			version: 'test',
		},
		publicPath: '/',
		assetsBuildDirectory: 'build/client',
		future: {
			v3_fetcherPersist: true,
			v3_relativeSplatPath: true,
			v3_throwAbortReason: true,
			v3_singleFetch: true,
			v3_lazyRouteDiscovery: true,
			v3_routeConfig: false,
			unstable_optimizeDeps: false,
		},
		isSpaMode: false,
	} as ServerBuild
}
