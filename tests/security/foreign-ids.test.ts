// Ids of supplier B's data sent by supplier A in a form body rather than the URL: each gets
// exactly the answer a made-up id gets, nothing of B's shows in it, and nothing changes.
import { randomUUID } from 'node:crypto'
import { beforeAll, beforeEach, expect, test, vi } from 'vitest'
import { buildRequest } from '#tests/utils/route.ts'
import { createTestHandler } from './app-build.ts'
import { createSecurityWorld, snapshotDatabase, type SecurityWorld } from './world.ts'

let world: SecurityWorld
let handle: (request: Request) => Promise<Response>

beforeAll(async () => {
	world = await createSecurityWorld()
	handle = (await createTestHandler()).handle
})

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => {})
})

type Case = {
	path: string
	form: (id: string) => Record<string, string>
	foreignId: (w: SecurityWorld) => string
}

const CASES: Record<string, Case> = {
	"accepting B's offer from A's inbox": {
		path: '/supplier/orders',
		form: (offerId) => ({ intent: 'accept', expectedVersion: '1', offerId }),
		foreignId: (w) => w.offerId,
	},
	"disputing a scorecard figure over B's order": {
		path: '/supplier/scorecard',
		form: (orderId) => ({
			intent: 'dispute',
			orderClassId: world.cls.id,
			month: world.month,
			metric: 'responseRate',
			orderId,
			comment: 'This order was late, we say',
		}),
		foreignId: (w) => w.orderId,
	},
	"saving B's capability row as A's": {
		path: '/supplier/capabilities',
		form: (capabilityId) => ({
			rowCount: '1',
			'rows.0.capabilityId': capabilityId,
			'rows.0.categoryId': world.category.id,
			'rows.0.orderClassId': world.cls.id,
			'rows.0.weeklyCapacity': '5',
			'rows.0.capacityUnit': 'units',
			'rows.0.leadTimeHours': '1',
			'rows.0.regions': 'EU-West',
			'rows.0.exceptionNote': '',
		}),
		foreignId: (w) => w.capabilityOfB,
	},
}

test.each(Object.entries(CASES))('%s: answered like a made-up id, and nothing changes', async (_name, c) => {
	const post = async (id: string) => {
		const response = await handle(
			buildRequest(c.path, { method: 'POST', cookie: world.cookies.supplierA, form: c.form(id) }),
		)
		// The request id differs per request; the rest of the page must not.
		return { status: response.status, body: (await response.text()).replaceAll(id, '<id>') }
	}
	// The page itself first: a first read may store defaults (the scorecard policy does).
	expect((await handle(buildRequest(c.path, { cookie: world.cookies.supplierA }))).status).toBe(200)
	const before = await snapshotDatabase()
	const foreign = await post(c.foreignId(world))
	const madeUp = await post(randomUUID())
	const after = await snapshotDatabase()

	expect(foreign.status).toBeGreaterThanOrEqual(400)
	expect(foreign).toEqual(madeUp)
	expect(foreign.body).not.toContain(world.orderNumber)
	expect(foreign.body).not.toContain(world.userOfB.email)
	expect(Object.keys(before).filter((table) => before[table] !== after[table])).toEqual([])
})
