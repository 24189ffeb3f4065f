import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import autocannon from 'autocannon'
import { ensureProductionBuild } from '#app/server/production-build.ts'
import { type Database } from '#db/client.ts'
import { startEmbeddedPostgres } from '#db/embedded.ts'
import { DEMO_PASSWORD } from '#db/seed-data.ts'
import { seedHttpData } from './http-seed.ts'
import { machineLoad } from './timing.ts'
import { SERVER_NODE_FLAGS } from '#app/server/node-flags.ts'

const CONNECTIONS = 50
// BENCH_HTTP_SECONDS shortens a run while working on it; the figures to report use the default.
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS) || 20
const DATABASE = 'procura_bench_http'
const PAGES = [
	{ name: 'supplier inbox', path: '/supplier/orders', login: 'supplier@procura.test' },
	{ name: 'buyer order list', path: '/buyer/orders', login: 'buyer@procura.test' },
	{ name: 'auditor scorecard list', path: '/audit/scorecards', login: 'auditor@procura.test' },
] as const
const TARGETS = { ratio: 0.2, p99Ms: 100, rssMb: 400 }

type Run = {
	reqPerSec: number
	p50: number
	p99: number
	errors: number
	requests: number
	peakRssMb: number
}

/**
 * `npm run bench -- http`: the production build serving the demo data scaled to 1,000 suppliers and
 * 100,000 orders (bench/http-seed.ts, in its own database procura_bench_http on the bench server),
 * started as a child process like `npm start`; autocannon (50 connections, 20 s) against each role's
 * main list with that role's session, and against a bare Node server doing one primary-key lookup per
 * request on the same database. Prints req/s, latency, errors, the server's peak RSS and each page's
 * throughput as a share of the bare server's.
 */
export async function benchHttp(db: Database) {
	const root = process.cwd()
	// Its own embedded cluster, not the shared bench one: another benchmark run at the same time may
	// stop that one under the app server. With BENCH_DATABASE_URL, a database beside the bench's.
	const embedded = process.env.BENCH_DATABASE_URL
		? undefined
		: await startEmbeddedPostgres({ dataDir: path.resolve('.data/bench-http-postgres'), database: DATABASE })
	try {
		await runOn(root, embedded?.url ?? databaseUrlBeside(db, DATABASE))
	} finally {
		await embedded?.stop()
	}
}

async function runOn(root: string, url: string) {
	const counts = await seedHttpData(url)
	ensureProductionBuild(root, (line) => console.log(line))

	const results: (Run & { name: string; path: string })[] = []
	const bare = await startChild(
		'bare',
		['bench/http-bare.ts'],
		{ DATABASE_URL: url },
		'bare server listening',
	)
	try {
		await warmUp(bare.origin, '/', {})
		results.push({ name: 'bare Node + 1 pk lookup', path: '/', ...(await load(bare, '/', {})) })
	} finally {
		await bare.stop()
	}

	const app = await startChild(
		'procura',
		[...SERVER_NODE_FLAGS, ...profileFlags(), 'app/server/start.ts'],
		{ DATABASE_URL: url, NODE_ENV: 'production', PROCURA_SEED: 'false' },
		'Procura is serving',
	)
	try {
		for (const page of PAGES) {
			const headers = { cookie: await logIn(app.origin, page.login) }
			await warmUp(app.origin, page.path, headers)
			results.push({ name: page.name, path: page.path, ...(await load(app, page.path, headers)) })
		}
	} finally {
		await app.stop()
	}

	const bareRate = results[0]!.reqPerSec
	console.log(
		`${counts.suppliers} suppliers, ${counts.orders} orders (${counts.mine} of the demo supplier's, ` +
			`${counts.inbox} in its inbox); ${CONNECTIONS} connections × ${SECONDS} s per target; ${machineLoad()} at the end`,
	)
	console.table(
		results.map((r, i) => ({
			target: r.name,
			path: r.path,
			'req/s': Math.round(r.reqPerSec),
			'p50 ms': r.p50,
			'p99 ms': r.p99,
			errors: r.errors,
			'peak RSS MB': r.peakRssMb,
			'vs bare': i === 0 ? '' : `${((r.reqPerSec / bareRate) * 100).toFixed(1)} %`,
		})),
	)
	for (const r of results.slice(1)) {
		const misses = [
			r.reqPerSec / bareRate < TARGETS.ratio
				? `${((r.reqPerSec / bareRate) * 100).toFixed(1)} % of bare`
				: null,
			r.p99 > TARGETS.p99Ms ? `p99 ${r.p99} ms` : null,
			r.errors > 0 ? `${r.errors} errors` : null,
			r.peakRssMb > TARGETS.rssMb ? `RSS ${r.peakRssMb} MB` : null,
		].filter(Boolean)
		console.log(`${r.name}: ${misses.length ? `misses ${misses.join(', ')}` : 'meets every target'}`)
	}
	console.log(
		`targets: each page ≥ ${TARGETS.ratio * 100} % of the bare server, p99 ≤ ${TARGETS.p99Ms} ms, no errors, RSS ≤ ${TARGETS.rssMb} MB`,
	)
}

/**
 * BENCH_HTTP_PROFILE=<dir>: the app server writes a V8 CPU profile of its whole run (all three pages)
 * into <dir> when it stops; open it in Chrome's DevTools or speedscope.
 */
function profileFlags() {
	const dir = process.env.BENCH_HTTP_PROFILE
	return dir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : []
}

/** The URL of `database` on the server `db` is connected to. */
function databaseUrlBeside(db: Database, database: string) {
	const o = db.$client.options
	const auth = `${encodeURIComponent(o.user)}:${encodeURIComponent(String(o.pass ?? ''))}`
	return `postgres://${auth}@${o.host[0]}:${o.port[0]}/${database}`
}

type Child = { origin: string; pid: number; stop: () => Promise<void> }

/** Starts `node --import tsx <script>` on a free port and waits for `ready` in its output. */
async function startChild(
	name: string,
	args: string[],
	env: Record<string, string>,
	ready: string,
): Promise<Child> {
	const port = await freePort()
	const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...args], {
		cwd: process.cwd(),
		env: { ...process.env, ...env, PORT: String(port) },
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	const log: string[] = []
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
	await new Promise<void>((resolve, reject) => {
		const onData = (chunk: Buffer) => {
			const text = chunk.toString()
			log.push(text)
			if (process.env.BENCH_HTTP_LOG) process.stdout.write(`[${name}] ${text}`)
			if (text.includes(ready)) resolve()
		}
		child.stdout!.on('data', onData)
		child.stderr!.on('data', onData)
		child.once('exit', (code) =>
			reject(new Error(`${name} exited (${code}) before it was ready:\n${log.join('')}`)),
		)
		setTimeout(() => reject(new Error(`${name} not ready after 120 s:\n${log.join('')}`)), 120_000).unref()
	})
	return {
		origin: `http://localhost:${port}`,
		pid: child.pid!,
		stop: async () => {
			child.kill('SIGTERM')
			await exited
		},
	}
}

function freePort() {
	return new Promise<number>((resolve, reject) => {
		const server = createServer()
		server.once('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number }
			server.close(() => resolve(port))
		})
	})
}

/** Logs in through the login form as a browser would (same-origin POST) and returns the Cookie header. */
async function logIn(origin: string, email: string) {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
	})
	const cookie = response.headers
		.getSetCookie()
		.map((c) => c.split(';')[0])
		.join('; ')
	if (response.status !== 302 || !cookie)
		throw new Error(`Login as ${email}: ${response.status}, no session cookie`)
	return cookie
}

/** A few hundred requests first (JIT, prepared statements, pages in cache), checking the page answers 200. */
async function warmUp(origin: string, pagePath: string, headers: Record<string, string>) {
	const check = await fetch(origin + pagePath, { headers, redirect: 'manual' })
	if (check.status !== 200) throw new Error(`${pagePath} answered ${check.status}, not 200`)
	await check.text()
	await autocannon({ url: origin + pagePath, headers, connections: 10, amount: 300 })
}

async function load(target: Child, pagePath: string, headers: Record<string, string>): Promise<Run> {
	let peakKb = 0
	const sample = () => (peakKb = Math.max(peakKb, rssKb(target.pid)))
	const sampler = setInterval(sample, 100)
	try {
		const result = await autocannon({
			url: target.origin + pagePath,
			headers,
			connections: CONNECTIONS,
			duration: SECONDS,
		})
		sample()
		return {
			reqPerSec: result.requests.average,
			p50: result.latency.p50,
			p99: result.latency.p99,
			errors: result.non2xx + result.errors + result.timeouts,
			requests: result.requests.total,
			peakRssMb: Math.round(peakKb / 1024),
		}
	} finally {
		clearInterval(sampler)
	}
}

function rssKb(pid: number) {
	try {
		const status = readFileSync(path.join('/proc', String(pid), 'status'), 'utf8')
		return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
	} catch {
		return 0
	}
}
