// HTTP load on a running server: buyers place orders, the suppliers they are offered to accept,
// start and deliver them, as fast as the server answers. Every answer that said "done" is kept,
// so a test can check afterwards that each one is in the database.
import type postgres from 'postgres'
import { PortalClient } from './portal-client.ts'

export type Milestone = 'placed' | 'accepted' | 'in_progress' | 'delivered'

/** The order shapes the demo data routes: one supplier each, plus one nobody serves (unroutable). */
const SHAPES = [
	{ orderClass: 'standard', category: 'it-support', region: 'EU-West' },
	{ orderClass: 'standard', category: 'payroll-processing', region: 'EU-Central' },
	{ orderClass: 'standard', category: 'document-management', region: 'APAC' },
	{ orderClass: 'standard', category: 'hr-services', region: 'North America' },
	{ orderClass: 'standard', category: 'data-entry', region: 'EU-West' },
] as const

export type OrderLoad = {
	/** The buyer's logged-in client (its session cookie outlives the server process). */
	buyer: PortalClient
	/** The furthest step the server confirmed (a redirect to the order) for each order. */
	confirmed: Map<string, Milestone>
	/** Answers that were neither a success nor an expected refusal, by status. */
	unexpected: { status: number; path: string; body: string }[]
	/** How many requests got no answer at all (the server went away mid-request). */
	unanswered: () => number
	count(milestone: Milestone): number
	/** Stops starting new work and waits for the workers to finish what they are doing. */
	stop(): Promise<void>
}

type Ids = { classes: Map<string, string>; categories: Map<string, string> }

/**
 * Starts `workers` loops. Each places an order as the buyer, then — for two
 * orders in three — answers its pending offer as the supplier's first user and
 * takes it to delivered. The third stays offered, so there are open deadlines.
 */
export async function startOrderLoad({
	origin,
	sql,
	workers = 4,
}: {
	origin: string
	sql: postgres.Sql
	workers?: number
}): Promise<OrderLoad> {
	const ids: Ids = {
		classes: new Map(
			(await sql<{ id: string; key: string }[]>`select id, key from order_classes`).map((r) => [r.key, r.id]),
		),
		categories: new Map(
			(await sql<{ id: string; key: string }[]>`select id, key from categories`).map((r) => [r.key, r.id]),
		),
	}
	const supplierLogins = new Map<string, Promise<PortalClient>>()
	const supplierClient = (supplierId: string) => {
		let client = supplierLogins.get(supplierId)
		if (!client) {
			client = sql<{ email: string }[]>`
				select email from users where supplier_id = ${supplierId} and disabled_at is null order by email limit 1`.then(
				([row]) => new PortalClient(origin, row!.email).login(),
			)
			supplierLogins.set(supplierId, client)
		}
		return client
	}
	const buyer = await new PortalClient(origin, 'buyer@procura.test').login()

	const confirmed = new Map<string, Milestone>()
	const unexpected: OrderLoad['unexpected'] = []
	let unanswered = 0
	let stopped = false
	let sequence = 0

	const version = async (orderId: string) =>
		String((await sql<{ version: number }[]>`select version from orders where id = ${orderId}`)[0]!.version)

	/** Sends one form; true when the server redirected to the order (done), false when it refused. */
	async function step(client: PortalClient, path: string, fields: Record<string, string>, orderId?: string) {
		const answer = await client.post(path, fields)
		const done = answer.status === 302 && (orderId ? answer.location?.endsWith(orderId) : true)
		if (!done && answer.status !== 409)
			unexpected.push({ status: answer.status, path, body: answer.body.slice(0, 300) })
		return done ? answer : null
	}

	async function oneOrder(n: number) {
		const shape = SHAPES[n % SHAPES.length]!
		const placed = await step(buyer, '/buyer/orders/new', {
			orderClassId: ids.classes.get(shape.orderClass)!,
			categoryId: ids.categories.get(shape.category)!,
			quantity: '2',
			unit: 'units',
			description: `Fault-test order ${n}`,
			neededBy: new Date(Date.now() + 21 * 86_400_000).toISOString(),
			region: shape.region,
		})
		const orderId = placed?.location?.match(/\/buyer\/orders\/([0-9a-f-]{36})$/)?.[1]
		if (!orderId) return
		confirmed.set(orderId, 'placed')
		if (n % 3 === 2) return

		const [offer] = await sql<{ id: string; supplier_id: string }[]>`
			select id, supplier_id from order_offers where order_id = ${orderId} and response = 'pending' limit 1`
		if (!offer) return
		const supplier = await supplierClient(offer.supplier_id)
		const path = `/supplier/orders/${orderId}`
		if (
			!(await step(
				supplier,
				path,
				{ intent: 'accept', offerId: offer.id, expectedVersion: await version(orderId) },
				orderId,
			))
		)
			return
		confirmed.set(orderId, 'accepted')
		if (!(await step(supplier, path, { intent: 'start', expectedVersion: await version(orderId) }, orderId)))
			return
		confirmed.set(orderId, 'in_progress')
		const fields = { intent: 'deliver', deliveredQuantity: '2', expectedVersion: await version(orderId) }
		if (!(await step(supplier, path, fields, orderId))) return
		confirmed.set(orderId, 'delivered')
	}

	const loops = Array.from({ length: workers }, async () => {
		while (!stopped) {
			try {
				await oneOrder(sequence++)
			} catch {
				// No answer (the server died mid-request) or the test's own query failed with it.
				unanswered++
				await new Promise((resolve) => setTimeout(resolve, 50))
			}
		}
	})

	return {
		buyer,
		confirmed,
		unexpected,
		unanswered: () => unanswered,
		count: (milestone) => [...confirmed.values()].filter((m) => m === milestone).length,
		async stop() {
			stopped = true
			await Promise.all(loops)
		},
	}
}
