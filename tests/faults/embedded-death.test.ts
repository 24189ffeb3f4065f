// The embedded PostgreSQL dies under load (SIGKILL to its postmaster): the app notices, logs it,
// starts it again on the same port and data, and serves as before; meanwhile requests get the 503
// page, never a 500, and the process never exits.
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, expect, test } from 'vitest'
import { stopLeftoverServer } from '#db/embedded.ts'
import { type Answer, PortalClient } from './portal-client.ts'
import { freePort, type ServerProcess, startServer } from './server-process.ts'

const dataDir = path.resolve(`.data/faults-embedded-${process.pid}`)
let server: ServerProcess | undefined

afterAll(async () => {
	await server?.stop()
	await server?.saveOutput('embedded-death')
	await stopLeftoverServer(dataDir, () => {})
	await fs.rm(dataDir, { recursive: true, force: true })
})

const postmasterPid = () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

test('the embedded server killed under load is started again by the app, which serves as before', async () => {
	server = await startServer({
		port: await freePort(),
		env: { DATABASE_URL: '', SMTP_URL: '', PROCURA_DATA_DIR: dataDir },
		args: ['--reset-database'],
	})
	const running = server
	const buyer = await new PortalClient(running.origin, 'buyer@procura.test').login()

	const answers: (Answer | null)[] = []
	let loadRunning = true
	const loops = [0, 1].map(async () => {
		while (loadRunning) {
			answers.push(await buyer.get('/buyer/orders', AbortSignal.timeout(30_000)).catch(() => null))
			await sleep(25)
		}
	})
	await sleep(1_000)
	const killed = postmasterPid()
	const killedAt = Date.now()
	process.kill(killed, 'SIGKILL')

	const restarted = `The embedded PostgreSQL is running again on port`
	const deadline = Date.now() + 60_000
	while (!running.lines().some((l) => l.includes(restarted)) && Date.now() < deadline) await sleep(100)
	let servedAgain = false
	while (!servedAgain && Date.now() < deadline) {
		servedAgain = (await buyer.get('/buyer/orders')).status === 200
		if (!servedAgain) await sleep(100)
	}
	const servedAgainAfterMs = Date.now() - killedAt
	await sleep(1_000)
	loadRunning = false
	await Promise.all(loops)

	expect(running.exited()).toBe(false)
	expect(servedAgain).toBe(true)
	const log = running.lines().join('\n')
	expect(log).toContain(`The embedded PostgreSQL (pid ${killed}) exited unexpectedly (signal SIGKILL)`)
	expect(log).toContain(restarted)
	expect(postmasterPid()).not.toBe(killed)
	expect(answers.filter((a) => a === null)).toEqual([])
	const statuses = new Set(answers.map((a) => a!.status))
	expect([...statuses].sort()).toEqual([200, 503])
	for (const a of answers.filter((a) => a!.status === 503)) {
		expect(a!.retryAfter).toBe('5')
		expect(a!.body).toContain('<h1>The database is unavailable</h1>')
	}
	expect(running.events('request.failed')).toEqual([])
	console.log(
		JSON.stringify({
			faultTest: 'embedded-death',
			requests: answers.length,
			answered503: answers.filter((a) => a!.status === 503).length,
			servedAgainAfterMs,
		}),
	)
})
