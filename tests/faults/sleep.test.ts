// The machine sleeps: the server process is frozen (SIGSTOP) while the deadlines of its open offers
// pass, then thawed (SIGCONT). Its timers fire late; the expiry job must then take every overdue
// offer once, oldest deadline first, and leave each order with a deadline and an owner.
import fs from 'node:fs/promises'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, expect, test } from 'vitest'
import { stopLeftoverServer } from '#db/embedded.ts'
import { ordersWithoutDeadlineOrOwner } from './order-invariants.ts'
import { PortalClient } from './portal-client.ts'
import { freePort, type ServerProcess, startServer } from './server-process.ts'

const dataDir = path.resolve(`.data/faults-sleep-${process.pid}`)
let server: ServerProcess | undefined

afterAll(async () => {
	server?.kill('SIGCONT')
	await server?.stop()
	await server?.saveOutput('sleep')
	await stopLeftoverServer(dataDir, () => {})
	await fs.rm(dataDir, { recursive: true, force: true })
})

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('after a sleep, the offers that fell due meanwhile expire oldest deadline first, each once', async () => {
	server = await startServer({
		port: await freePort(),
		env: { DATABASE_URL: '', SMTP_URL: '', PROCURA_DATA_DIR: dataDir },
		args: ['--reset-database'],
	})
	const running = server
	const sql = postgres(running.databaseUrl, { max: 2, onnotice: () => {} })
	try {
		const buyer = await new PortalClient(running.origin, 'buyer@procura.test').login()
		const [ids] = await sql<{ orderClassId: string; categoryId: string }[]>`
			select (select id from order_classes where key = 'standard') as "orderClassId",
				(select id from categories where key = 'it-support') as "categoryId"`
		const orderIds: string[] = []
		for (let i = 0; i < 8; i++) {
			const answer = await buyer.post('/buyer/orders/new', {
				...ids!,
				quantity: '1',
				unit: 'tickets',
				description: `Placed before the sleep ${i}`,
				neededBy: new Date(Date.now() + 21 * 86_400_000).toISOString(),
				region: 'EU-West',
			})
			expect(answer.status).toBe(302)
			orderIds.push(answer.location!.split('/').pop()!)
		}
		const open = await sql<{ id: string }[]>`
			select id from order_offers where response = 'pending' and order_id in ${sql(orderIds)} order by md5(id::text)`
		expect(open).toHaveLength(8)

		running.kill('SIGSTOP')
		// Asleep: the deadlines pass, in an order unrelated to the order the offers were made in.
		for (const [i, offer] of open.entries())
			await sql`update order_offers set expires_at = now() - ${`${open.length - i} minutes`}::interval where id = ${offer.id}`
		await sleep(1_000)
		running.kill('SIGCONT')
		const thawedAt = Date.now()

		const overdue = open.map((o) => o.id)
		const deadline = Date.now() + 60_000
		while (
			(await sql`select 1 from order_offers where id in ${sql(overdue)} and response = 'pending'`).length >
				0 &&
			Date.now() < deadline
		)
			await sleep(200)
		const processedAfterMs = Date.now() - thawedAt
		const expiries = await sql<{ offer_id: string }[]>`
			select data->>'offerId' as offer_id from order_events
			where type = 'offer_expired' and data->>'offerId' in ${sql(overdue)} order by id`
		// `open` is in deadline order: the first got the oldest deadline.
		expect(expiries.map((e) => e.offer_id)).toEqual(overdue)
		expect(await ordersWithoutDeadlineOrOwner(sql)).toEqual([])
		expect(running.exited()).toBe(false)
		expect((await buyer.get('/buyer/orders')).status).toBe(200)
		console.log(JSON.stringify({ faultTest: 'sleep', overdueOffers: overdue.length, processedAfterMs }))
	} finally {
		await sql.end()
	}
})
