// A crash under load: the production server (embedded PostgreSQL, real SMTP peer) takes order
// placements, acceptances, starts and deliveries from four HTTP clients and is killed with SIGKILL
// in the middle of it. While it is down, the deadlines of the offers it left open pass. Started
// again on the same data, it must have kept every answer it gave, leave no order without a
// deadline and an owner, expire the overdue offers at once (oldest deadline first, each once) and
// deliver every email, none lost.
import fs from 'node:fs/promises'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { isAlive, stopLeftoverServer } from '#db/embedded.ts'
import { startSmtpPeer, type SmtpPeer } from '#tests/jobs/smtp-peer.ts'
import { type Milestone, startOrderLoad } from './order-load.ts'
import { ordersWithoutDeadlineOrOwner } from './order-invariants.ts'
import { freePort, type ServerProcess, startServer } from './server-process.ts'

const dataDir = path.resolve(`.data/faults-crash-${process.pid}`)
let smtp: SmtpPeer
const servers: ServerProcess[] = []

beforeAll(async () => {
	smtp = await startSmtpPeer()
})

afterAll(async () => {
	for (const [i, server] of servers.entries()) {
		await server.stop()
		await server.saveOutput(`crash-${i + 1}`)
	}
	// A failed run can leave the first server's embedded PostgreSQL behind.
	await stopLeftoverServer(dataDir, () => {})
	await fs.rm(dataDir, { recursive: true, force: true })
	await smtp.close()
})

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
}

/** Statuses an order can be in once the server confirmed `milestone` (later steps may have committed unanswered). */
const AT_LEAST: Record<Milestone, string[]> = {
	placed: ['in_review', 'offered', 'unroutable', 'accepted', 'in_progress', 'delivered'],
	accepted: ['accepted', 'in_progress', 'delivered'],
	in_progress: ['in_progress', 'delivered'],
	delivered: ['delivered'],
}

test('kill -9 under load, start again: nothing confirmed is lost, overdue offers expire in order, every email goes out', async () => {
	const port = await freePort()
	const env = { DATABASE_URL: '', SMTP_URL: smtp.url, PROCURA_DATA_DIR: dataDir }
	const first = await startServer({ port, env, args: ['--reset-database'] })
	servers.push(first)

	let sql = postgres(first.databaseUrl, { max: 4, onnotice: () => {} })
	const load = await startOrderLoad({ origin: first.origin, sql })
	await waitFor(
		'orders to be placed and delivered',
		() => load.count('delivered') >= 4 && load.confirmed.size >= 24,
		60_000,
	)
	first.kill('SIGKILL')
	expect(await first.exit).toEqual({ code: null, signal: 'SIGKILL' })
	await load.stop()
	expect(load.unexpected).toEqual([])

	// The crash left the embedded server running; the offers' deadlines pass while the app is down,
	// in an order unrelated to the order the offers were made in.
	const leftover = Number((await fs.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0])
	expect(isAlive(leftover)).toBe(true)
	const open = await sql<{ id: string }[]>`
		select id from order_offers where response = 'pending' and order_id in ${sql([...load.confirmed.keys()])}
		order by md5(id::text)`
	expect(open.length).toBeGreaterThanOrEqual(3)
	for (const [i, offer] of open.entries())
		await sql`update order_offers set expires_at = now() - ${`${open.length - i} minutes`}::interval where id = ${offer.id}`
	const overdue = await sql<{ id: string; expires_at: Date }[]>`
		select id, expires_at from order_offers where id in ${sql(open.map((o) => o.id))} order by expires_at`
	await sql.end()

	const second = await startServer({ port, env })
	servers.push(second)
	expect(second.lines().join('\n')).toContain(
		`Stopping the embedded PostgreSQL (pid ${leftover}) left running by an earlier run`,
	)
	sql = postgres(second.databaseUrl, { max: 2, onnotice: () => {} })
	try {
		// Every answer the first server gave is in the database.
		const rows = await sql<{ id: string; status: string }[]>`
			select id, status from orders where id in ${sql([...load.confirmed.keys()])}`
		const statusOf = new Map(rows.map((r) => [r.id, r.status]))
		const lost = [...load.confirmed].filter(
			([id, milestone]) => !AT_LEAST[milestone].includes(statusOf.get(id) ?? 'missing'),
		)
		expect(lost).toEqual([])

		// The overdue offers expire on start, oldest deadline first, each exactly once.
		await waitFor(
			'the overdue offers to expire',
			async () =>
				(
					await sql`select 1 from order_offers where id in ${sql(overdue.map((o) => o.id))} and response = 'pending'`
				).length === 0,
			30_000,
		)
		const expiries = await sql<{ offer_id: string }[]>`
			select data->>'offerId' as offer_id from order_events
			where type = 'offer_expired' and data->>'offerId' in ${sql(overdue.map((o) => o.id))} order by id`
		expect(expiries.map((e) => e.offer_id)).toEqual(overdue.map((o) => o.id))

		// No order is left without a deadline and an owner.
		expect(await ordersWithoutDeadlineOrOwner(sql)).toEqual([])

		// Every email goes out; the one in flight at the kill may arrive twice, with the same Message-ID.
		await waitFor(
			'the outbox to drain',
			async () => (await sql`select 1 from outbox_emails where status = 'pending'`).length === 0,
			60_000,
		)
		// (The demo data's history is marked delivered to the mailbox when seeded; the rest went over SMTP.)
		const outbox = await sql<{ message_id: string; status: string; delivered_via: string | null }[]>`
			select message_id, status, delivered_via from outbox_emails where delivered_via is distinct from 'mailbox'`
		expect(outbox.length).toBeGreaterThan(0)
		expect(outbox.filter((r) => r.status !== 'sent' || r.delivered_via !== 'smtp')).toEqual([])
		const arrivals = new Map<string, number>()
		for (const mail of smtp.all())
			arrivals.set(mail.messageId ?? '', (arrivals.get(mail.messageId ?? '') ?? 0) + 1)
		expect(outbox.filter((r) => !arrivals.has(r.message_id))).toEqual([])
		expect([...arrivals.keys()].filter((id) => !outbox.some((r) => r.message_id === id))).toEqual([])
		const duplicates = [...arrivals].filter(([, n]) => n > 1)
		expect(duplicates.length).toBeLessThanOrEqual(1)
		expect(duplicates.every(([, n]) => n === 2)).toBe(true)

		// The sessions are kept too: the buyer's cookie from before the crash still opens the portal.
		expect((await load.buyer.get('/buyer/orders')).status).toBe(200)
		console.log(
			JSON.stringify({
				faultTest: 'crash',
				confirmed: Object.fromEntries(
					(['placed', 'accepted', 'in_progress', 'delivered'] as const).map((m) => [m, load.count(m)]),
				),
				unanswered: load.unanswered(),
				overdueOffersExpiredOnStart: overdue.length,
				emailsOverSmtp: outbox.length,
				duplicateDeliveries: duplicates.length,
			}),
		)
	} finally {
		await sql.end()
	}
}, 240_000)
