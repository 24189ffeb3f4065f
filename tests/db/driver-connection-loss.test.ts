// postgres.js 3.4.9 as patched by db/patches (porsager/postgres#1208, #1154): a connection that
// dies under an open transaction must neither take the process down (a write queued for after the
// close used to throw from a timer, beyond any try/catch) nor leave its pool slot unable to send
// again (the queued-write state survived the close, so the reconnect's startup message was never
// flushed and the slot hung until the connect timeout).
import { afterEach, beforeEach, expect, test } from 'vitest'
import { createDatabase } from '#db/client.ts'
import { startTcpProxy, type TcpProxy } from '#tests/utils/tcp-proxy.ts'

let relay: TcpProxy
let uncaught: unknown[]
const onUncaught = (error: unknown) => uncaught.push(error)

beforeEach(async () => {
	const target = new URL(process.env.DATABASE_URL!)
	relay = await startTcpProxy({ host: target.hostname, port: Number(target.port) })
	uncaught = []
	process.on('uncaughtException', onUncaught)
})

afterEach(async () => {
	process.off('uncaughtException', onUncaught)
	await relay.close()
})

function relayedPool() {
	const url = new URL(process.env.DATABASE_URL!)
	url.host = `127.0.0.1:${relay.port}`
	return createDatabase(url.toString(), { max: 1 })
}

test('a transaction whose connection dies rejects, and the process and the pool live on', async () => {
	const db = relayedPool()
	try {
		const failed = db.$client
			.begin(async (tx) => {
				await tx`select 1`
				void relay.cut()
				await tx`select pg_sleep(0.2)`
			})
			.then(
				() => null,
				(error: { code?: string }) => error.code,
			)
		expect(await failed).toMatch(/CONNECTION_(CLOSED|DESTROYED)|ECONNRESET/)
		// Give a write queued for after the close its turn to run.
		await new Promise((resolve) => setTimeout(resolve, 100))
		expect(uncaught).toEqual([])

		await relay.restore()
		const [row] = await db.$client`select 42 as answer`.then(
			(rows) => rows,
			() => [],
		)
		// With the one pool slot poisoned, this would wait for the connect timeout and fail.
		expect(row).toEqual({ answer: 42 })
	} finally {
		await db.$client.end({ timeout: 1 })
	}
}, 30_000)
