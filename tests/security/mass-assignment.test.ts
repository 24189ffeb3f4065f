// Mass assignment: a form that carries fields of its own choosing (`supplierId`, `role`, `status`,
// `version`, an `id`, …) gets exactly what the same form without them gets. Two halves:
//  - every action reads its body through a zod object schema, which keeps only the fields it
//    declares (parseSubmission, or validateValues over values read field by field), and no schema
//    passes unknown keys through;
//  - for each action where such a field would mean something, a valid form with them added
//    through the real request handler: the stored rows show none of them.
// Prototype pollution through field names: tests/routes/form-pollution.test.ts proves the parser
// refuses them; the last test here sends them to every action.
import { randomUUID } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { and, desc, eq } from 'drizzle-orm'
import { beforeAll, beforeEach, describe, expect, test, vi } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'
import { getOptionalUser } from '#app/utils/auth.server.ts'
import { categories, orders, scorecardDisputes, suppliers, userInvitations, users } from '#db/schema/index.ts'
import { TEST_PASSWORD } from '#tests/factories/users.ts'
import { buildRequest, uniqueEmail } from '#tests/utils/route.ts'
import { cookieHeaderFrom } from '#tests/utils/session.ts'
import { createTestHandler, listAppRoutes, loadRouteModules } from './app-build.ts'
import { RULES } from './route-rules.ts'
import { ACTORS, createSecurityWorld, snapshotDatabase, type SecurityWorld } from './world.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')

let world: SecurityWorld
let handle: (request: Request) => Promise<Response>

beforeAll(async () => {
	world = await createSecurityWorld()
	handle = (await createTestHandler()).handle
})

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => {})
})

/** The fields an attacker would add; each case adds them to a form that does not declare them. */
function pollution(w: SecurityWorld): Record<string, string> {
	return {
		id: randomUUID(),
		supplierId: w.supplierB.id,
		assignedSupplierId: w.supplierB.id,
		role: 'admin',
		status: 'closed',
		version: '999',
		number: 'PO-FORGED',
		disabledAt: '',
		retiredAt: new Date().toISOString(),
		createdAt: '2000-01-01T00:00:00Z',
	}
}

async function post(path: string, cookie: string | null, form: Record<string, string>) {
	return handle(buildRequest(path, { method: 'POST', cookie, form }))
}

describe('every action reads only the fields its schema declares', () => {
	const routeFiles = readdirSync(path.join(ROOT, 'app/routes'), { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name))
		.map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)))

	// The two forms read field by field before validation: each reader names its fields.
	const FIELD_BY_FIELD: Record<string, string> = {
		'app/routes/supplier+/capabilities.tsx':
			'capabilityValuesFrom reads rows.<i>.<field> for the schema; `revision` is the optimistic check',
		'app/routes/supplier+/profile.tsx': 'supplierProfileValuesFrom reads the six profile fields by name',
	}

	test('no route reads the body around parseSubmission, except the readers named here', () => {
		const raw = routeFiles.filter((file) =>
			/\brequest\.formData\(\)/.test(readFileSync(path.join(ROOT, file), 'utf8')),
		)
		expect(raw.sort()).toEqual(Object.keys(FIELD_BY_FIELD).sort())
	})

	test('every action of the manifest is one of those or calls parseSubmission', async () => {
		const routes = await listAppRoutes()
		const modules = await loadRouteModules(routes)
		const withAction = routes.filter((r) => 'action' in modules[r.id]!)
		expect(withAction.length).toBeGreaterThan(20)
		// The action's module, or the shared server helper it hands the request to.
		const parses = (file: string) => {
			const source = readFileSync(path.join(ROOT, 'app', file), 'utf8')
			const helpers = [...source.matchAll(/from '(\.{1,2}\/[^']+\.server\.ts)'/g)].map((m) =>
				readFileSync(path.resolve(ROOT, 'app', path.dirname(file), m[1]!), 'utf8'),
			)
			const helpersByAlias = [...source.matchAll(/from '#app\/(routes\/[^']+\.server\.ts)'/g)].map((m) =>
				readFileSync(path.join(ROOT, 'app', m[1]!), 'utf8'),
			)
			return [source, ...helpers, ...helpersByAlias].some((s) => s.includes('parseSubmission('))
		}
		const unchecked = withAction
			.filter((r) => !(`app/${r.file}` in FIELD_BY_FIELD) && !parses(r.file))
			.map((r) => r.id)
		// logout reads no body at all.
		expect(unchecked).toEqual(['routes/_auth+/logout'])
	})

	test('no schema lets unknown keys through', () => {
		const schemaFiles = readdirSync(path.join(ROOT, 'app'), { recursive: true, withFileTypes: true })
			.filter((e) => e.isFile() && /\.(ts|tsx)$/.test(e.name) && !e.name.includes('.test.'))
			.map((e) => path.join(e.parentPath, e.name))
		const loose = schemaFiles.filter((file) =>
			/\.passthrough\(|\.loose\(|z\.looseObject\(|\.catchall\(/.test(readFileSync(file, 'utf8')),
		)
		expect(loose.map((f) => path.relative(ROOT, f))).toEqual([])
	})
})

describe('added fields change nothing', () => {
	test("a supplier's profile form saves its own profile only", async () => {
		const db = getDb()
		const [b] = await db.select().from(suppliers).where(eq(suppliers.id, world.supplierB.id))
		const response = await post('/supplier/profile', world.cookies.supplierA, {
			...pollution(world),
			name: 'Supplier A Renamed',
			contactEmail: 'desk@a.example',
			contactPhone: '+49 30 1234567',
			regions: 'EU-West',
			timeZone: 'Europe/Berlin',
		})
		expect(response.status).toBe(302)
		const [a] = await db.select().from(suppliers).where(eq(suppliers.id, world.supplierA.id))
		expect(a).toMatchObject({ name: 'Supplier A Renamed', status: 'active' })
		expect(await db.select().from(suppliers).where(eq(suppliers.id, world.supplierB.id))).toEqual([b])
	})

	test('a dispute is raised open, at version 1, for the session’s supplier', async () => {
		const response = await post('/supplier/scorecard', world.cookies.supplierA, {
			...pollution(world),
			intent: 'dispute',
			orderClassId: world.cls.id,
			month: world.month,
			metric: 'responseRate',
			orderId: '',
			comment: 'Our response rate is higher than this',
		})
		expect(response.status).toBe(302)
		const rows = await getDb()
			.select()
			.from(scorecardDisputes)
			.where(
				and(
					eq(scorecardDisputes.orderClassId, world.cls.id),
					eq(scorecardDisputes.comment, 'Our response rate is higher than this'),
				),
			)
		expect(rows).toEqual([
			expect.objectContaining({
				supplierId: world.supplierA.id,
				status: 'open',
				version: 1,
				resolution: null,
			}),
		])
	})

	test('accepting an offer assigns the order to the session’s supplier, as accepted, one version on', async () => {
		const db = getDb()
		const [before] = await db.select().from(orders).where(eq(orders.id, world.orderId))
		const response = await post('/supplier/orders', world.cookies.supplierB, {
			...pollution(world),
			supplierId: world.supplierA.id,
			assignedSupplierId: world.supplierA.id,
			intent: 'accept',
			expectedVersion: String(before!.version),
			offerId: world.offerId,
		})
		expect(response.status).toBe(302)
		const [after] = await db.select().from(orders).where(eq(orders.id, world.orderId))
		expect(after).toMatchObject({
			status: 'accepted',
			assignedSupplierId: world.supplierB.id,
			version: before!.version + 1,
			number: before!.number,
		})
	})

	test('an order placed with extra fields is numbered, versioned and routed as any other', async () => {
		const description = `Mass assignment ${randomUUID()}`
		const response = await post('/buyer/orders/new', world.cookies.buyer, {
			...pollution(world),
			orderClassId: world.cls.id,
			categoryId: world.category.id,
			quantity: '12',
			unit: 'payslips',
			description,
			neededBy: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16),
			region: 'EU-West',
			preferredSupplierId: '',
			justification: '',
		})
		expect(response.status).toBe(302)
		const [order] = await getDb().select().from(orders).where(eq(orders.description, description))
		expect(order).toBeDefined()
		expect(order!.number).not.toBe('PO-FORGED')
		expect(order!.status).not.toBe('closed')
		expect(order!.assignedSupplierId).toBeNull()
		expect(order!.createdAt.getTime()).toBeGreaterThan(Date.now() - 60_000)
	})

	test('an invited supplier starts invited, and its first user is a supplier user', async () => {
		const name = `Invited ${randomUUID().slice(0, 8)}`
		const userEmail = uniqueEmail('first')
		const response = await post('/buyer/suppliers/new', world.cookies.buyer, {
			...pollution(world),
			name,
			regions: JSON.stringify(['EU-West']),
			contactEmail: uniqueEmail('contact'),
			contactPhone: '+44 20 7946 0000',
			timeZone: 'europe/london',
			userName: 'Fiona First',
			userEmail,
		})
		expect(response.status).toBe(302)
		const db = getDb()
		const [supplier] = await db.select().from(suppliers).where(eq(suppliers.name, name))
		expect(supplier).toMatchObject({ status: 'invited' })
		const [invitation] = await db.select().from(userInvitations).where(eq(userInvitations.email, userEmail))
		expect(invitation).toMatchObject({ role: 'supplier', supplierId: supplier!.id })
	})

	test('a new category is active, with an id of its own', async () => {
		const forgedId = randomUUID()
		const form = {
			...pollution(world),
			id: forgedId,
			name: `Category ${randomUUID().slice(0, 8)}`,
			key: '',
			description: '',
		}
		const response = await post('/buyer/categories/new', world.cookies.buyer, form)
		expect(response.status).toBe(302)
		const [category] = await getDb().select().from(categories).where(eq(categories.name, form.name))
		expect(category).toMatchObject({ retiredAt: null })
		expect(category!.id).not.toBe(forgedId)
	})

	test('an invitation for a buyer carries no supplier, and no other role than the one chosen', async () => {
		const email = uniqueEmail('invited-buyer')
		const response = await post('/admin/users/new', world.cookies.admin, {
			...pollution(world),
			role: 'buyer',
			supplierId: world.supplierB.id,
			email,
			name: 'Ben Buyer',
		})
		expect(response.status).toBe(302)
		const [invitation] = await getDb()
			.select()
			.from(userInvitations)
			.where(and(eq(userInvitations.email, email)))
			.orderBy(desc(userInvitations.createdAt))
		expect(invitation).toMatchObject({ role: 'buyer', supplierId: null, revokedAt: null, acceptedAt: null })
	})

	test('logging in with a role and a supplier in the form starts the account’s own session', async () => {
		const [account] = await getDb().select().from(users).where(eq(users.id, world.userIds.supplierA!))
		const response = await post('/login', null, {
			...pollution(world),
			email: account!.email,
			password: TEST_PASSWORD,
			redirectTo: '',
		})
		expect(response.status).toBe(302)
		expect(response.headers.get('location')).toBe('/supplier')
		const user = await getOptionalUser(
			buildRequest('/', { cookie: cookieHeaderFrom(response.headers.get('set-cookie')) }),
		)
		expect(user).toMatchObject({ id: account!.id, role: 'supplier', supplierId: world.supplierA.id })
	})
})

test('field names that reach Object.prototype are refused by every action, and change nothing', async () => {
	const routes = await listAppRoutes()
	const modules = await loadRouteModules(routes)
	const polluting = {
		'__proto__.polluted': 'yes',
		'constructor.prototype.polluted': 'yes',
		'rows[__proto__][polluted]': 'yes',
	}
	const answers: string[] = []
	// A first read stores the scorecard policy's defaults: done before the snapshot.
	expect(
		(await handle(buildRequest('/admin/scorecard-policy', { cookie: world.cookies.admin }))).status,
	).toBe(200)
	const before = await snapshotDatabase()
	for (const route of routes) {
		// logout reads no body (see above).
		if (!('action' in modules[route.id]!) || route.id === 'routes/_auth+/logout') continue
		const rule = RULES[route.id]!
		const target = { path: rule.path(world), bare: false }
		const actor = ACTORS.find((a) => !rule.outcome(a, 'POST', target).refused)!
		const response = await post(target.path, world.cookies[actor], polluting)
		await response.body?.cancel()
		answers.push(`${route.id} as ${actor}: ${response.status}`)
	}
	const after = await snapshotDatabase()
	expect(({} as Record<string, unknown>).polluted).toBeUndefined()
	expect(answers.length).toBeGreaterThan(20)
	expect(answers.filter((a) => !a.endsWith(': 400'))).toEqual([])
	expect(Object.keys(before).filter((table) => before[table] !== after[table])).toEqual([])
})
