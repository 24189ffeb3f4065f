// Every route of the app, for every kind of caller, GET and POST: anonymous callers are sent to
// log in, the wrong role gets 403, supplier A naming supplier B's data gets 404 and changes nothing.
// Each case is asked twice: through Remix's own request handler (what a browser gets) and of the
// route's own loader or action alone (what a single-fetch data request with `_routes` runs, where
// no layout loader stands in front). A route missing from RULES fails the test, so a new route
// cannot ship without saying who may use it.
import { type LoaderFunctionArgs } from '@remix-run/node'
import { matchPath } from '@remix-run/react'
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { createTestHandler, listAppRoutes, loadRouteModules } from './app-build.ts'
import { RULES, type Method, type Outcome, type Target } from './route-rules.ts'
import { ACTORS, createSecurityWorld, snapshotDatabase, type Actor, type SecurityWorld } from './world.ts'

const routes = await listAppRoutes()
const modules = await loadRouteModules(routes)
let world: SecurityWorld
let handle: (request: Request) => Promise<Response>

beforeAll(async () => {
	world = await createSecurityWorld()
	handle = (await createTestHandler()).handle
})

beforeEach(() => {
	// Every refused request logs a line; the statuses are what this file checks.
	vi.spyOn(console, 'log').mockImplementation(() => {})
})

test('every route of the app has a rule, and every rule a route', () => {
	const ids = routes.map((r) => r.id).sort()
	expect(
		ids.filter((id) => !(id in RULES)),
		'routes without a rule: add them to RULES',
	).toEqual([])
	expect(
		Object.keys(RULES).filter((id) => !ids.includes(id)),
		'rules for routes that are gone',
	).toEqual([])
})

test('no auditor route has an action: the audit portal is read only', () => {
	const auditRoutes = routes.filter((r) => r.id.startsWith('routes/audit+/'))
	expect(auditRoutes.length).toBeGreaterThan(5)
	expect(auditRoutes.filter((r) => 'action' in modules[r.id]!).map((r) => r.id)).toEqual([])
})

describe.each(routes)('$id', (route) => {
	test('answers every caller as its rule says, and refused callers change nothing', async () => {
		const rule = RULES[route.id]
		expect(rule, `${route.id} has no rule in RULES`).toBeDefined()
		const module = modules[route.id]!
		const target: Target = {
			path: rule!.path(world),
			bare: (route.index && !route.path) || !('default' in module),
		}
		const params = matchPath({ path: route.pattern, end: true }, target.path.split('?')[0]!)?.params
		expect(params, `${target.path} does not match ${route.pattern}`).toBeDefined()
		const cases = (['GET', 'POST'] as const).flatMap((method) =>
			ACTORS.map((actor) => ({ method, actor, expected: rule!.outcome(actor, method, target) })),
		)
		// Pages the caller may see go first: a first read may store defaults (the scorecard policy does).
		const shown = cases.filter((c) => c.method === 'GET' && c.expected.status === 200)
		const rest = cases.filter((c) => !shown.includes(c))
		const mismatches: string[] = []
		const run = async ({ method, actor, expected }: (typeof cases)[number]) => {
			// Refused callers send a form that would change something; accepted ones an empty form.
			const form = method === 'POST' ? (expected.refused ? (rule!.form?.(world) ?? {}) : {}) : undefined
			const cookie = await cookieFor(actor, rule!.ownSession === true)
			const answers: [string, Outcome, Answer][] = [
				// Alone, a POST to a module without an action runs nothing: 405 whoever sends it.
				[
					'alone',
					method === 'POST' && !('action' in module) ? { status: 405, refused: true } : expected,
					await callOwn(module, method, target.path, params, cookie, form),
				],
			]
			if (!rule!.layout)
				answers.push(['through Remix', expected, await request(target.path, method, cookie, form)])
			for (const [how, want, got] of answers)
				if (got.status !== want.status || (want.location !== undefined && got.location !== want.location))
					mismatches.push(
						`${method} ${target.path} as ${actor} (${how}): expected ${describeOutcome(want)}, got ${describeOutcome(got)}`,
					)
		}

		for (const c of shown) await run(c)
		const before = await snapshotDatabase()
		for (const c of rest) await run(c)
		const after = await snapshotDatabase()

		expect(mismatches).toEqual([])
		const changed = Object.keys(before).filter((table) => before[table] !== after[table])
		expect(
			changed.filter((table) => !rule!.mayChange?.includes(table)),
			'tables changed by refused requests',
		).toEqual([])
	})
})

async function cookieFor(actor: Actor, ownSession: boolean) {
	const userId = world.userIds[actor]
	return ownSession && userId ? sessionCookieFor(userId) : world.cookies[actor]
}

type RouteFunction = (args: LoaderFunctionArgs) => unknown
type Answer = { status: number; location: string | null }

/** The route's own loader or action, alone; a POST to a module without an action is Remix's 405. */
async function callOwn(
	module: { loader?: unknown; action?: unknown },
	method: Method,
	path: string,
	params: Record<string, string | undefined> | undefined,
	cookie: string | null,
	form?: Record<string, string>,
): Promise<Answer> {
	const fn = (method === 'GET' ? module.loader : module.action) as RouteFunction | undefined
	if (!fn) return { status: method === 'GET' ? 200 : 405, location: null }
	const result = await callRoute(fn, buildRequest(path, { method, cookie, form }), {
		params: params as Record<string, string>,
	})
	return { status: result.status, location: result.location }
}

async function request(path: string, method: Method, cookie: string | null, form?: Record<string, string>) {
	const response = await handle(buildRequest(path, { method, cookie, form }))
	await response.body?.cancel()
	return { status: response.status, location: response.headers.get('location') }
}

function describeOutcome(o: { status: number; location?: string | null }) {
	return o.location ? `${o.status} → ${o.location}` : String(o.status)
}
