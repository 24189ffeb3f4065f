// A database outage under load: the production server runs on a database of the machine's
// PostgreSQL (TEST_DATABASE_URL's server), three HTTP clients keep sending pages, client-side data
// requests, order placements and CSV downloads, and the test stops that PostgreSQL for 10 seconds.
// Every request gets an answer; during the outage it is a 503 with Retry-After and a page that says
// the database is unavailable (never a 500); the process stays up, its jobs log and retry, and
// within 5 seconds of the database's return it serves normally again, without a restart.
import postgres from 'postgres'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { startSmtpPeer, type SmtpPeer } from '#tests/jobs/smtp-peer.ts'
import { isAcceptingConnections, startMachinePostgres, stopMachinePostgres } from './machine-postgres.ts'
import { type Answer, PortalClient } from './portal-client.ts'
import { freePort, type ServerProcess, startServer } from './server-process.ts'

const serverUrl = process.env.TEST_DATABASE_URL
if (!serverUrl) throw new Error('The fault tests stop the PostgreSQL at TEST_DATABASE_URL: set it.')
const database = `procura_faults_${process.pid}`
const databaseUrl = (() => {
	const url = new URL(serverUrl)
	url.pathname = `/${database}`
	return url.toString()
})()

let smtp: SmtpPeer
let server: ServerProcess | undefined

beforeAll(async () => {
	smtp = await startSmtpPeer()
})

afterAll(async () => {
	// Whatever happened, the machine's PostgreSQL is running again before anything else.
	await startMachinePostgres(serverUrl)
	await server?.stop()
	await server?.saveOutput('database-outage')
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
	await admin.unsafe(`drop database if exists ${database} with (force)`).finally(() => admin.end())
	await smtp.close()
})

type Kind = 'page' | 'data' | 'action' | 'resource'
type Sent = { kind: Kind; startedAt: number; endedAt: number; answer: Answer | null; error?: string }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('PostgreSQL stopped for 10 s under load: 503 pages meanwhile, the same process serves again within 5 s of its return', async () => {
	server = await startServer({
		port: await freePort(),
		env: { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url },
		args: ['--reset-database'],
	})
	const running = server
	const buyer = await new PortalClient(running.origin, 'buyer@procura.test').login()
	const auditor = await new PortalClient(running.origin, 'auditor@procura.test').login()
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
	const [ids] = await sql<{ orderClassId: string; categoryId: string }[]>`
		select (select id from order_classes where key = 'standard') as "orderClassId",
			(select id from categories where key = 'it-support') as "categoryId"`
	await sql.end()
	const orderForm = () => ({
		...ids!,
		quantity: '1',
		unit: 'tickets',
		description: 'Placed during the outage test',
		neededBy: new Date(Date.now() + 21 * 86_400_000).toISOString(),
		region: 'EU-West',
	})
	const send: Record<Kind, (signal: AbortSignal) => Promise<Answer>> = {
		page: (signal) => buyer.get('/buyer/orders', signal),
		data: (signal) => buyer.get('/buyer/orders.data', signal),
		action: (signal) => buyer.post('/buyer/orders/new', orderForm(), signal),
		resource: (signal) => auditor.get('/audit/audit-trail.csv', signal),
	}

	const sent: Sent[] = []
	let loadRunning = true
	const kinds = Object.keys(send) as Kind[]
	const loops = [0, 1, 2].map(async (worker) => {
		for (let i = worker; loadRunning; i++) {
			const kind = kinds[i % kinds.length]!
			const startedAt = Date.now()
			try {
				const answer = await send[kind](AbortSignal.timeout(30_000))
				sent.push({ kind, startedAt, endedAt: Date.now(), answer })
			} catch (error) {
				sent.push({ kind, startedAt, endedAt: Date.now(), answer: null, error: String(error) })
			}
			await sleep(25)
		}
	})

	await sleep(2_000)
	const stopping = Date.now()
	let down = 0
	let starting = 0
	let back = 0
	let recovered: number | null = null
	try {
		await stopMachinePostgres()
		down = Date.now()
		expect(await isAcceptingConnections(serverUrl)).toBe(false)
		await sleep(Math.max(0, stopping + 10_000 - Date.now()))
	} finally {
		starting = Date.now()
		await startMachinePostgres(serverUrl)
		back = Date.now()
		if (!down) down = starting
	}
	// Served normally again within 5 s of the database accepting connections.
	for (const deadline = back + 5_000; recovered === null && Date.now() < deadline; ) {
		const answer = await send.page(AbortSignal.timeout(Math.max(1, deadline - Date.now()))).catch(() => null)
		if (answer?.status === 200) recovered = Date.now()
		else await sleep(100)
	}
	await sleep(3_000)
	loadRunning = false
	await Promise.all(loops)

	expect(running.exited(), `the server exited:\n${running.lines().slice(-40).join('\n')}`).toBe(false)
	expect(recovered, 'a page was served within 5 s of the database coming back').not.toBeNull()
	// Every request is answered. The one exception is a CSV download already streaming when the
	// database went away: its 200 was sent, so the transfer is cut off rather than finished as if whole.
	const unanswered = sent.filter((s) => s.answer === null)
	expect(unanswered.filter((s) => !(s.kind === 'resource' && s.startedAt < down))).toEqual([])
	expect(unanswered.every((s) => /terminated/.test(s.error ?? ''))).toBe(true)
	const answered = sent.filter((s) => s.answer !== null)
	expect(answered.filter((s) => s.answer!.status >= 500 && s.answer!.status !== 503)).toEqual([])

	// While it was down (from the stop's end to the start's beginning): 503, Retry-After, and a page
	// that says what happened.
	const duringOutage = answered.filter((s) => s.startedAt > down && s.endedAt < starting)
	expect(duringOutage.length).toBeGreaterThan(20)
	expect(new Set(duringOutage.map((s) => s.kind))).toEqual(new Set(kinds))
	const unlike503 = duringOutage.filter(
		({ kind, answer }) =>
			answer!.status !== 503 ||
			answer!.retryAfter !== '5' ||
			!(
				kind === 'page' || kind === 'action'
					? /<h1>The database is unavailable<\/h1>/
					: /database is unavailable/
			).test(answer!.body),
	)
	expect(
		unlike503.map(({ kind, startedAt, endedAt, answer }) => ({
			kind,
			status: answer!.status,
			retryAfter: answer!.retryAfter,
			startedAfterDownMs: startedAt - down,
			endedAfterDownMs: endedAt - down,
			body: answer!.body.slice(0, 300),
		})),
	).toEqual([])

	// Once it was back: everything as usual, for every kind of request.
	const afterRecovery = answered.filter((s) => s.startedAt > recovered!)
	expect(new Set(afterRecovery.map((s) => s.kind))).toEqual(new Set(kinds))
	expect(afterRecovery.filter((s) => s.answer!.status !== (s.kind === 'action' ? 302 : 200))).toEqual([])

	expect(running.events('request.failed')).toEqual([])

	// The jobs said the database was unavailable, kept retrying, and work again: every email queued
	// (during the load, and by the orders placed since the recovery) goes out over SMTP.
	expect(running.events('outbox.database_unavailable').length).toBeGreaterThan(0)
	const check = postgres(databaseUrl, { max: 1, onnotice: () => {} })
	try {
		const [queued] = await check<{ n: number }[]>`
			select count(*)::int as n from outbox_emails where created_at > ${new Date(recovered!)}`
		expect(queued!.n).toBeGreaterThan(0)
		await expect
			.poll(
				async () =>
					(
						await check<{ n: number }[]>`
							select count(*)::int as n from outbox_emails
							where delivered_via is distinct from 'mailbox' and not (status = 'sent' and delivered_via = 'smtp')`
					)[0]!.n,
				{ timeout: 90_000, interval: 250 },
			)
			.toBe(0)
	} finally {
		await check.end()
	}
	await expect.poll(() => running.events('outbox.recovered').length, { timeout: 10_000 }).toBeGreaterThan(0)
	expect(running.lines().filter((l) => l.includes('.run_failed'))).toEqual([])
	const smtpMessages = smtp.all().length
	console.log(
		JSON.stringify({
			faultTest: 'database-outage',
			requests: sent.length,
			duringOutage: duringOutage.length,
			outageMs: starting - down,
			startTookMs: back - starting,
			recoveredAfterMs: recovered! - back,
			jobOutageLines: running
				.lines()
				.filter((l) => l.includes('.database_unavailable"') && !l.includes('request.')).length,
			smtpMessages,
		}),
	)
})
