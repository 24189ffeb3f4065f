import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, expect, test } from 'vitest'
import { isAlive, startEmbeddedPostgres } from '#db/embedded.ts'

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'procura-embedded-restart-'))
// The server runs as the postgres system user, which must be able to enter the directory.
await fs.chmod(scratch, 0o755)
afterAll(() => fs.rm(scratch, { recursive: true, force: true }))

const postmasterPid = (dataDir: string) =>
	Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])

async function answers(url: string) {
	const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 2 })
	try {
		const [row] = await sql<{ answer: number }[]>`select 42 as answer`
		return row?.answer === 42
	} catch {
		return false
	} finally {
		await sql.end({ timeout: 1 })
	}
}

test('a server that dies is started again on the same port with its data, and a stopped one stays stopped', async () => {
	const dataDir = path.join(scratch, 'killed')
	const logged: string[] = []
	let restartedPid = 0
	const server = await startEmbeddedPostgres({ dataDir, database: 'procura', log: (l) => logged.push(l) })
	try {
		const sql = postgres(server.url, { max: 1, onnotice: () => {} })
		await sql`create table kept (n int)`
		await sql`insert into kept values (7)`
		await sql.end()

		const first = postmasterPid(dataDir)
		process.kill(first, 'SIGKILL')
		await expect.poll(() => answers(server.url), { timeout: 45_000, interval: 250 }).toBe(true)

		restartedPid = postmasterPid(dataDir)
		expect(restartedPid).not.toBe(first)
		expect(logged.join('\n')).toContain(`(pid ${first}) exited unexpectedly (signal SIGKILL)`)
		expect(logged.join('\n')).toContain(`running again on port ${server.port}`)
		const check = postgres(server.url, { max: 1, onnotice: () => {} })
		expect(await check`select n from kept`).toEqual([{ n: 7 }])
		await check.end()
	} finally {
		await server.stop()
	}
	expect(isAlive(restartedPid)).toBe(false)
	// Asked to stop: no restart follows.
	await new Promise((resolve) => setTimeout(resolve, 1_500))
	expect(await answers(server.url)).toBe(false)
	expect(logged.filter((l) => l.includes('exited unexpectedly'))).toHaveLength(1)
}, 90_000)
