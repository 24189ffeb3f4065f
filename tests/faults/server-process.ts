// The production server as its own process, started the way `npm start` starts it (node running
// app/server/start.ts through tsx), so a test can kill it with SIGKILL and start it again.
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, writeFile } from 'node:fs/promises'
import net, { type AddressInfo } from 'node:net'
import path from 'node:path'
import { SERVER_NODE_FLAGS } from '#app/server/node-flags.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const EMBEDDED_CREDENTIALS = 'postgres:procura-embedded'

export type ServerProcess = {
	pid: number
	origin: string
	/** The database the server uses: DATABASE_URL, or the embedded server it started. */
	databaseUrl: string
	/** Every line the server printed so far (stdout and stderr). */
	lines(): string[]
	/** The server's JSON log lines whose event is `event`. */
	events(event: string): Record<string, unknown>[]
	exited(): boolean
	/** Resolves with the exit code or signal once the process is gone. */
	exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
	kill(signal: NodeJS.Signals): void
	/** SIGTERM, and SIGKILL if it is still there after `graceMs`. */
	stop(graceMs?: number): Promise<void>
	/** Writes everything the server printed to test-results/faults/`name`.log (kept for a failed run). */
	saveOutput(name: string): Promise<string>
}

/** This process's environment without vitest's own variables (VITEST=true changes vite.config.ts). */
function withoutVitest(env: NodeJS.ProcessEnv) {
	return Object.fromEntries(
		Object.entries(env).filter(([key]) => !key.startsWith('VITEST') && key !== 'TEST' && key !== 'MODE'),
	)
}

export async function freePort(): Promise<number> {
	const probe = net.createServer().listen(0, '127.0.0.1')
	await once(probe, 'listening')
	const { port } = probe.address() as AddressInfo
	await new Promise((resolve) => probe.close(resolve))
	return port
}

/**
 * Starts the server on `port` and resolves once it serves. `env` is added to
 * this process's environment; DATABASE_URL '' means the embedded server in
 * PROCURA_DATA_DIR. Rejects (with the server's output) if it exits first.
 */
export async function startServer({
	port,
	env,
	args = [],
	timeoutMs = 180_000,
}: {
	port: number
	env: Record<string, string>
	args?: string[]
	timeoutMs?: number
}): Promise<ServerProcess> {
	// node itself, not the tsx wrapper: SIGKILL must hit the process that serves (and owns the embedded server).
	const child: ChildProcess = spawn(
		process.execPath,
		[...SERVER_NODE_FLAGS, '--import', 'tsx', 'app/server/start.ts', ...args],
		{
			cwd: ROOT,
			env: {
				...withoutVitest(process.env),
				NODE_ENV: 'production',
				PORT: String(port),
				PROCURA_SEED: 'true',
				...env,
			},
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	)
	const output: string[] = []
	let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined
	const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => {
			exitInfo = { code, signal }
			resolve(exitInfo)
		}),
	)
	let partial = ''
	const collect = (chunk: Buffer) => {
		const text = partial + chunk.toString('utf8')
		const parts = text.split('\n')
		partial = parts.pop() ?? ''
		output.push(...parts)
	}
	child.stdout?.on('data', collect)
	child.stderr?.on('data', collect)

	const serving = `Procura is serving http://localhost:${port}`
	const deadline = Date.now() + timeoutMs
	while (!output.some((l) => l.includes(serving))) {
		if (exitInfo || Date.now() > deadline) {
			if (!exitInfo) child.kill('SIGKILL')
			throw new Error(`The server did not start:\n${output.slice(-40).join('\n')}`)
		}
		await new Promise((resolve) => setTimeout(resolve, 100))
	}

	const embeddedPort = output
		.map((l) => /Embedded PostgreSQL running on port (\d+)/.exec(l)?.[1])
		.find(Boolean)
	const databaseUrl =
		env.DATABASE_URL || `postgres://${EMBEDDED_CREDENTIALS}@127.0.0.1:${embeddedPort ?? 0}/procura`

	return {
		pid: child.pid!,
		origin: `http://127.0.0.1:${port}`,
		databaseUrl,
		lines: () => [...output],
		events: (event) =>
			output.flatMap((line) => {
				if (!line.startsWith('{')) return []
				try {
					const parsed = JSON.parse(line) as Record<string, unknown>
					return parsed.event === event ? [parsed] : []
				} catch {
					return []
				}
			}),
		exited: () => exitInfo !== undefined,
		exit,
		kill: (signal) => {
			if (!exitInfo) child.kill(signal)
		},
		async saveOutput(name) {
			const file = path.join(ROOT, 'test-results/faults', `${name}.log`)
			await mkdir(path.dirname(file), { recursive: true })
			await writeFile(file, [...output, partial].join('\n'))
			return file
		},
		async stop(graceMs = 20_000) {
			if (exitInfo) return
			child.kill('SIGTERM')
			const timer = setTimeout(() => child.kill('SIGKILL'), graceMs)
			await exit
			clearTimeout(timer)
		},
	}
}
