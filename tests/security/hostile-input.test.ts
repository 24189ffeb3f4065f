// Hostile input (issue 7): every action of the app, as a caller it lets in and with real ids in the
// URL, gets random and malformed bodies built from the fields its own schema reads
// (action-forms.ts, schema-fields.ts, hostile-payloads.ts). Each body is sent twice: to the action
// alone (what it answers) and through Remix's request handler (the page a browser gets). Whatever
// the body, the answer is never a 5xx; a refusal is a 4xx whose data carries a message (field errors
// or a form error), whose page is the whole document, and which changes nothing; a body the action
// may accept (action-forms.ts `accepts`) gets a redirect into the app and changes only the tables
// listed for it. Nothing may log an error.
// Reproduce a failure with HOSTILE_SEED=<seed printed> (and HOSTILE_RUNS to run more).
import { createRequestHandler, type ActionFunctionArgs } from '@remix-run/node'
import { matchPath } from '@remix-run/react'
import { eq, inArray } from 'drizzle-orm'
import fc from 'fast-check'
import { afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { categories, orderClasses, scorecardDisputes, suppliers, users } from '#db/schema/index.ts'
import { buildRequest, callRoute, uniqueIp, type RouteResult } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { ACTION_FORMS, type ActionForm } from './action-forms.ts'
import { createTestBuild, listAppRoutes, loadRouteModules, type AppRoute } from './app-build.ts'
import {
	describePayload,
	payloadArb,
	payloadRequest,
	type KnownValues,
	type Payload,
} from './hostile-payloads.ts'
import { RULES, type Rule } from './route-rules.ts'
import { formVariants } from './schema-fields.ts'
import { createSecurityWorld, snapshotDatabase, type Actor, type SecurityWorld } from './world.ts'

const RUNS = Number(process.env.HOSTILE_RUNS ?? 25)
const SEED = process.env.HOSTILE_SEED ? Number(process.env.HOSTILE_SEED) : undefined

const routes = await listAppRoutes()
const modules = await loadRouteModules(routes)
const withAction = routes.filter((r) => 'action' in modules[r.id]!)

// The login throttle counts failures per address: this file's own, so no other file is throttled.
const context = { cspNonce: 'test-nonce', clientIp: uniqueIp() }
let world: SecurityWorld
let known: KnownValues
let handle: (request: Request) => Promise<Response>
let errors: unknown[][] = []

beforeAll(async () => {
	world = await createSecurityWorld()
	const { build } = await createTestBuild()
	const handler = createRequestHandler(build, 'production')
	handle = (request) => handler(request, context)
	known = await knownValues(world)
	// A first read may store defaults (the scorecard policy does): every action's page once, first.
	for (const route of withAction) {
		const { path, actor } = targetOf(route)
		const response = await handle(buildRequest(path, { cookie: world.cookies[actor] }))
		await response.text()
	}
}, 120_000)

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => {})
	vi.spyOn(console, 'warn').mockImplementation(() => {})
	// A 5xx logs its error: kept and reported with the body that caused it.
	errors = []
	vi.mocked(console.error).mockImplementation((...args: unknown[]) => void errors.push(args))
})

afterEach(async () => {
	// An accepted body may retire the world's class or category, block a supplier or disable a
	// colleague: put them back, so every action meets the world it was written for.
	const db = getDb()
	await db.update(categories).set({ retiredAt: null }).where(eq(categories.id, world.category.id))
	await db.update(orderClasses).set({ retiredAt: null }).where(eq(orderClasses.id, world.cls.id))
	await db
		.update(suppliers)
		.set({ status: 'active' })
		.where(inArray(suppliers.id, [world.supplierA.id, world.supplierB.id]))
	await db.update(users).set({ disabledAt: null }).where(eq(users.id, world.colleagueOfB.id))
})

test('every action of the app has a form entry, and every entry an action', () => {
	const ids = withAction.map((r) => r.id).sort()
	expect(ids.length).toBeGreaterThan(20)
	expect(ids.filter((id) => !(id in ACTION_FORMS))).toEqual([])
	expect(Object.keys(ACTION_FORMS).filter((id) => !ids.includes(id))).toEqual([])
})

test('the fields come from the schemas: intents, nested rows and terms', () => {
	const fieldsOf = (id: string) =>
		formVariants(ACTION_FORMS[id]!.schema(world)).flatMap((v) => v.fields.map((f) => f.path.join('.')))
	const intents = (id: string) => formVariants(ACTION_FORMS[id]!.schema(world)).map((v) => v.intent)
	expect(intents('routes/supplier+/orders.$orderId')).toEqual([
		'accept',
		'decline',
		'start',
		'post-update',
		'deliver',
		'resume',
		'acknowledge-change',
	])
	const withoutFields = Object.keys(ACTION_FORMS).filter((id) => fieldsOf(id).length === 0)
	// logout reads no body.
	expect(withoutFields).toEqual(['routes/_auth+/logout'])
	expect(fieldsOf('routes/buyer+/contracts.$contractId')).toContain('terms.#.priceTiers.#.unitPriceMinor')
	expect(fieldsOf('routes/supplier+/capabilities')).toContain('rows.#.leadTimeHours')
	expect(fieldsOf('routes/admin+/scorecard-policy')).toContain('weightsByClassKey.*.onTime')
	expect(fieldsOf('routes/buyer+/orders.new')).toEqual(
		expect.arrayContaining(['neededBy', 'preferredSupplierId']),
	)
})

describe.each(withAction)('$id', (route) => {
	test('hostile bodies: never a 5xx; a refusal is a 4xx with a message and changes nothing', async () => {
		const form = ACTION_FORMS[route.id]!
		const { path, actor, params, rule } = targetOf(route)
		const action = modules[route.id]!.action as (args: ActionFunctionArgs) => unknown
		const arbitrary = payloadArb(formVariants(form.schema(world)), {
			known: { ...known, ...form.known?.(world) },
			recordKeys: [world.cls.key, 'standard', 'emergency'],
			extraFields: form.alsoReads?.map((r) => r.field),
		})
		let before = await snapshotDatabase()
		const found = new WeakMap<Payload, string[]>()
		const details = await fc.check(
			fc.asyncProperty(arbitrary, async (payload) => {
				errors = []
				const problems: string[] = []
				const cookie = () => cookieFor(actor, rule)
				try {
					const alone = await callRoute(action, payloadRequest(path, await cookie(), payload), {
						params,
						context,
					})
					const page = await handle(payloadRequest(path, await cookie(), payload))
					const html = await page.text()
					const after = await snapshotDatabase()
					const changed = Object.keys(after).filter((t) => after[t] !== before[t])
					before = after
					const answer = { status: page.status, location: page.headers.get('location'), html }
					problems.push(...judge(form, alone, answer, changed))
				} catch (error) {
					// The action alone threw something that is not a Response: the server would answer 500.
					problems.push(`action threw: ${error instanceof Error ? error.stack : String(error)}`)
					before = await snapshotDatabase()
				}
				if (errors.length)
					problems.push(`logged errors: ${errors.map((e) => e.map(String).join(' ')).join('\n')}`)
				found.set(payload, problems)
				return problems.length === 0
			}),
			{ numRuns: RUNS, seed: SEED, endOnFailure: !!process.env.HOSTILE_NO_SHRINK },
		)
		const counterexample = details.counterexample?.[0]
		expect(
			details.failed,
			counterexample
				? `POST ${path} as ${actor}: reproduce with HOSTILE_SEED=${details.seed} (path ${details.counterexamplePath})\n` +
						`${describePayload(counterexample)}\n${found.get(counterexample)?.join('\n') ?? String(details.errorInstance)}`
				: String(details.errorInstance ?? ''),
		).toBe(false)
		expect(details.numRuns).toBe(RUNS)
	}, 120_000)
})

type Answer = { status: number; location: string | null; html: string }

/** What is wrong with the two answers to one body, and with what it changed. */
function judge(form: ActionForm, alone: RouteResult, page: Answer, changed: string[]): string[] {
	const problems: string[] = []
	const accepted = (a: { status: number; location: string | null }) =>
		a.status === 302 && a.location !== null && /^\/(?!\/)/.test(a.location)
	for (const [how, answer] of [
		['action', alone],
		['page', page],
	] as const) {
		if (answer.status >= 500) problems.push(`${how}: ${answer.status}`)
		else if (answer.status < 400 && !(form.accepts && accepted(answer)))
			problems.push(`${how}: ${answer.status} → ${answer.location ?? ''} for a body it should refuse`)
	}
	const refused = alone.status >= 400 && alone.status < 500
	if (refused) {
		const messages = messagesOf(alone.data)
		if (messages.length === 0)
			problems.push(`action: ${alone.status} without a message: ${JSON.stringify(alone.data)}`)
		if (page.status < 400 || page.status >= 500)
			problems.push(`page: ${page.status} where the action refused`)
		// The page is the whole document (the form with its errors, or the error page), not an empty body.
		else if (!page.html.includes('</html>')) problems.push(`page: ${page.status} is not a whole page`)
	}
	const mayChange = new Set([
		...(accepted(alone) || accepted(page) ? (form.accepts?.tables ?? []) : []),
		...Object.keys(form.refusalWrites ?? {}),
	])
	const unexpected = changed.filter((t) => !mayChange.has(t))
	if (unexpected.length)
		problems.push(`changed ${unexpected.join(', ')} (answers ${alone.status}, ${page.status})`)
	return problems
}

/** The messages in an action's data: `message`/`error` strings, and every string under `errors`. */
function messagesOf(value: unknown, key: string | null = null, inErrors = false): string[] {
	if (typeof value === 'string')
		return value.trim() !== '' &&
			(key === null || key === 'message' || key === 'error' || (inErrors && key !== 'type'))
			? [value]
			: []
	if (value && typeof value === 'object')
		return Object.entries(value).flatMap(([k, v]) => messagesOf(v, k, inErrors || k === 'errors'))
	return []
}

/** The URL (real ids of the world) and the caller the route's rule lets in, preferring the role it is for. */
function targetOf(route: AppRoute) {
	const rule = RULES[route.id]!
	const path = rule.path(world)
	const target = { path, bare: false }
	const preference: Actor[] = ['buyer', 'supplierB', 'supplierA', 'admin', 'auditor', 'anonymous']
	const actor = preference.find((a) => !rule.outcome(a, 'POST', target).refused)!
	const params = matchPath({ path: route.pattern, end: true }, path.split('?')[0]!)!.params as Record<
		string,
		string
	>
	return { path, actor, params, rule }
}

async function cookieFor(actor: Actor, rule: Rule) {
	const userId = world.userIds[actor]
	// Logging out ends the session it carries: each request brings one of its own.
	return rule.ownSession && userId ? sessionCookieFor(userId) : world.cookies[actor]
}

/** Values the forms accept, by field name, taken from the world (the fuzz mixes them with garbage). */
async function knownValues(w: SecurityWorld): Promise<KnownValues> {
	const db = getDb()
	const [dispute] = await db
		.select({ id: scorecardDisputes.id, version: scorecardDisputes.version })
		.from(scorecardDisputes)
		.where(eq(scorecardDisputes.supplierId, w.supplierB.id))
	const [admin] = await db.select({ email: users.email }).from(users).where(eq(users.id, w.userIds.admin!))
	const soon = new Date(Date.now() + 10 * 86_400_000).toISOString()
	const words = ['Because the hostile input test says so']
	const versions = ['0', '1', '2']
	return {
		expectedVersion: [...versions, String(dispute?.version ?? 1)],
		expectedLockVersion: [String(w.contract.lockVersion), ...versions],
		basedOnVersion: versions,
		revision: ['', 'stale'],
		orderId: [w.orderId, ''],
		offerId: [w.offerId],
		orderClassId: [w.cls.id],
		categoryId: [w.category.id, ''],
		supplierId: [w.supplierB.id, w.supplierA.id],
		preferredSupplierId: [w.supplierA.id, ''],
		versionId: [w.contractVersionId],
		basedOnVersionId: [w.contractVersionId],
		disputeId: dispute ? [dispute.id] : [],
		// Not the callers themselves: disabling one would lock the fuzz out of its own actions.
		userId: [w.colleagueOfB.id],
		ownerUserId: [w.userIds.buyer!],
		capabilityId: ['', w.capabilityOfB],
		month: [w.month, '2000-01', '9999-12'],
		neededBy: [soon, soon.slice(0, 16), '0000-01-01T00:00Z', '9999-12-31T23:59'],
		quantity: ['12', '1,200', ''],
		deliveredQuantity: ['1', '12'],
		region: ['EU-West', ''],
		regions: ['EU-West', '["EU-West"]'],
		timeZone: ['Europe/London', 'UTC', 'europe/london'],
		currency: ['EUR', 'eur', ''],
		reason: words,
		resolution: words,
		comment: words,
		changeNote: words,
		note: [...words, ''],
		declineReason: words,
		name: ['Hostile input test'],
		title: ['Hostile input test'],
		userName: ['Hostile input test'],
		label: ['Hostile'],
		description: ['Hostile input test description', ''],
		unit: ['units'],
		key: ['hostile-key', ''],
		email: ['fuzz@procura.test', admin?.email ?? ''],
		contactEmail: ['fuzz@procura.test'],
		userEmail: ['fuzz@procura.test'],
		contactPhone: ['+44 20 7946 0000', ''],
		password: ['correct horse battery staple 42'],
		confirmPassword: ['correct horse battery staple 42'],
		redirectTo: ['/', '/buyer', '//evil.example', 'https://evil.example/x'],
		website: [''],
		priorityRank: ['1', '999'],
		ackDeadlineMinutes: ['30', '120'],
		deliveryTargetHours: ['24', '120'],
		minQuantity: ['1', ''],
		approvalThreshold: ['', '10,000.50'],
		broadcastCount: ['', '2'],
		weightPrice: ['25'],
		weightSpeed: ['25'],
		weightReliability: ['25'],
		weightCapacity: ['25'],
		minOrders: ['5'],
		minScore: ['0', '50'],
		reviewAboveMinor: ['', '100'],
		excludedClassKeys: [w.cls.key],
		unitPriceMinor: ['12.50'],
		ackSlaMinutes: ['30'],
		deliverySlaHours: ['24'],
		prioritySurchargeBps: ['10'],
		penaltyPerBreachBps: ['5'],
		volumeCommitmentPerMonth: ['100', ''],
		weeklyCapacity: ['10'],
		capacityUnit: ['units'],
		leadTimeHours: ['4'],
		exceptionNote: [''],
		rowCount: ['1', '2', '0'],
	}
}
