import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { afterAll, expect, test } from 'vitest'
import { EmbeddedPostgresError, isAlive, startEmbeddedPostgres } from '#db/embedded.ts'

const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'procura-embedded-'))
// The server runs as the postgres system user, which must be able to enter the directory.
await fs.chmod(scratch, 0o755)
afterAll(() => fs.rm(scratch, { recursive: true, force: true }))

async function query(url: string) {
	const sql = postgres(url, { max: 1, onnotice: () => {} })
	try {
		const [row] = await sql<{ answer: number }[]>`select 42 as answer`
		return row?.answer
	} finally {
		await sql.end()
	}
}

test('the embedded server plans for data in memory (random_page_cost 1.1), a given server keeps its own', async () => {
	const sql = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} })
	try {
		const [row] = await sql<{ setting: string; source: string }[]>`
			select setting, source from pg_settings where name = 'random_page_cost'`
		// The suite runs on an embedded server unless TEST_DATABASE_URL names one (CI: the machine's).
		if (process.env.TEST_DATABASE_URL) expect(row!.source).not.toBe('command line')
		else expect(row).toEqual({ setting: '1.1', source: 'command line' })
	} finally {
		await sql.end()
	}
})

test('a server left running by a crashed process is stopped and a new one starts on the same data', async () => {
	const dataDir = path.join(scratch, 'crashed')
	// node itself, not the tsx wrapper: SIGKILL must hit the process that started the server.
	const child = spawn(process.execPath, ['--import', 'tsx', 'tests/db/start-embedded.fixture.ts', dataDir], {
		stdio: ['ignore', 'pipe', 'inherit'],
	})
	await new Promise<{ port: number }>((resolve, reject) => {
		child.stdout.once('data', (chunk: Buffer) => resolve(JSON.parse(chunk.toString())))
		child.once('exit', (code) => reject(new Error(`fixture exited with ${code}`)))
	})
	child.kill('SIGKILL')
	await new Promise((resolve) => child.once('exit', resolve))
	const orphanPid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])
	expect(isAlive(orphanPid), 'the crash left the server running').toBe(true)

	const logged: string[] = []
	const server = await startEmbeddedPostgres({ dataDir, database: 'procura', log: (l) => logged.push(l) })
	try {
		expect(logged.join('\n')).toContain(`left running by an earlier run`)
		expect(isAlive(orphanPid)).toBe(false)
		expect(server.port).not.toBe(5432)
		expect(await query(server.url)).toBe(42)
	} finally {
		await server.stop()
	}
}, 60_000)

test('a server that cannot start says why, with what PostgreSQL logged', async () => {
	const dataDir = path.join(scratch, 'broken')
	const server = await startEmbeddedPostgres({ dataDir, database: 'procura' })
	await server.stop()
	// A cluster whose configuration PostgreSQL rejects.
	await fs.appendFile(path.join(dataDir, 'postgresql.conf'), '\nshared_buffers = nonsense\n')

	const failure = await startEmbeddedPostgres({ dataDir, database: 'procura' }).then(
		() => null,
		(error: unknown) => error,
	)
	expect(failure).toBeInstanceOf(EmbeddedPostgresError)
	expect((failure as Error).message).toMatch(/could not start/)
	expect((failure as Error).message).toContain('shared_buffers')
}, 60_000)

test('a caller can give the embedded server more settings (a benchmark its pg_stat_statements)', async () => {
	const server = await startEmbeddedPostgres({
		dataDir: path.join(scratch, 'settings'),
		database: 'procura',
		settings: { work_mem: '7MB' },
	})
	const sql = postgres(server.url, { max: 1, onnotice: () => {} })
	try {
		const rows = await sql<{ name: string; setting: string; source: string }[]>`
			select name, setting, source from pg_settings where name in ('work_mem', 'random_page_cost') order by name`
		expect(rows).toEqual([
			{ name: 'random_page_cost', setting: '1.1', source: 'command line' },
			{ name: 'work_mem', setting: '7168', source: 'command line' },
		])
	} finally {
		await sql.end()
		await server.stop()
	}
}, 60_000)
