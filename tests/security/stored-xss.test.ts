// Stored input is text on every page: supplier B's name, its colleague's name, the order's
// description, the contract's title, the dispute's comment, the category's and the class's names carry markup
// (world.ts), and every HTML page any caller may see, rendered through the real route components
// and entry.server, shows it escaped. The data Remix streams into the page inside <script>
// elements is covered too: a name holding `</script>` must not end them.
import { beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { buildRequest } from '#tests/utils/route.ts'
import { createTestHandler, listAppRoutes } from './app-build.ts'
import { RULES } from './route-rules.ts'
import { ACTORS, createSecurityWorld, SCRIPT_TAG, XSS_TAG, type SecurityWorld } from './world.ts'

const routes = await listAppRoutes()
let world: SecurityWorld
let handle: (request: Request) => Promise<Response>

beforeAll(async () => {
	world = await createSecurityWorld()
	handle = (await createTestHandler()).handle
})

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => {})
})

/** React's escaping of the payloads' tags, as they show in text and attributes. */
const ESCAPED = ['&lt;img src=x onerror=alert(1)&gt;', '&lt;script&gt;alert(2)&lt;/script&gt;'] as const

/**
 * Pages that must show the stored markup (escaped), so the test cannot pass by showing nothing:
 * where B's name, the order's description, the contract's title, the dispute's comment or the colleague's name appear.
 */
const MUST_SHOW = [
	'routes/admin+/users._index',
	'routes/audit+/disputes',
	'routes/audit+/orders.$orderId',
	'routes/audit+/scorecards.$supplierId._index',
	'routes/buyer+/contracts.$contractId',
	'routes/buyer+/disputes._index',
	'routes/buyer+/orders.$orderId',
	'routes/buyer+/orders._index',
	'routes/buyer+/suppliers.$supplierId',
	'routes/buyer+/suppliers._index',
	'routes/supplier+/_index',
	'routes/supplier+/contracts.$contractId',
	'routes/supplier+/orders.$orderId',
	'routes/supplier+/team.$userId',
]

test('every HTML page shows stored markup as text', async () => {
	const shownOn: Record<(typeof ESCAPED)[number], Set<string>> = {
		[ESCAPED[0]]: new Set(),
		[ESCAPED[1]]: new Set(),
	}
	const raw: string[] = []
	let pages = 0
	for (const route of routes) {
		const rule = RULES[route.id]
		if (!rule || rule.layout) continue
		const path = rule.path(world)
		for (const actor of ACTORS) {
			if (rule.outcome(actor, 'GET', { path, bare: false }).status !== 200) continue
			const response = await handle(buildRequest(path, { cookie: world.cookies[actor] }))
			expect(response.status, `${path} as ${actor}`).toBe(200)
			if (!response.headers.get('content-type')?.includes('text/html')) {
				await response.body?.cancel()
				continue
			}
			pages++
			const html = await response.text()
			for (const tag of [XSS_TAG, SCRIPT_TAG])
				if (html.includes(tag)) raw.push(`${route.id} as ${actor}: ${tag}`)
			for (const escaped of ESCAPED) if (html.includes(escaped)) shownOn[escaped].add(route.id)
		}
	}
	expect(raw).toEqual([])
	expect(pages).toBeGreaterThan(50)
	expect([...shownOn[ESCAPED[0]]]).toEqual(expect.arrayContaining(MUST_SHOW))
	// The colleague's name (team page) and the class's name hold the `</script>` payload.
	expect([...shownOn[ESCAPED[1]]]).toEqual(
		expect.arrayContaining(['routes/supplier+/team.$userId', 'routes/buyer+/orders.$orderId']),
	)
})
