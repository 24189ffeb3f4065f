/**
 * `npm start`: builds when the build is missing or stale, starts the embedded
 * PostgreSQL unless DATABASE_URL is set, migrates, seeds demo data into an
 * empty database, runs the background jobs and serves the app.
 * Flags: --dev (Vite dev server), --reset-database (drop and recreate first;
 * used by the e2e run on its own embedded data directory).
 */
import crypto from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { type ServerBuild } from '@remix-run/node'
import { startEmbeddedPostgres, type EmbeddedServer } from '#db/embedded.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { resetDatabase } from '#db/reset.ts'
import { DEMO_LOGINS, DEMO_PASSWORD } from '#db/seed.ts'
import { seedDemoDataIfEmpty } from '#db/seed.ts'
import { createHttpApp } from './http.ts'
import { ensureProductionBuild } from './production-build.ts'

const root = process.cwd()
const isDev = process.argv.includes('--dev')
const shouldReset = process.argv.includes('--reset-database')
process.env.NODE_ENV ??= isDev ? 'development' : 'production'

function say(line: string) {
	console.log(`[procura] ${line}`)
}

function ensureSessionSecret() {
	if (process.env.SESSION_SECRET) return
	// A fresh clone has no secret: make one per checkout and keep it, so restarts keep sessions.
	const file = path.join(root, '.data', 'session-secret')
	if (!existsSync(file)) {
		mkdirSync(path.dirname(file), { recursive: true })
		writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 })
	}
	process.env.SESSION_SECRET = readFileSync(file, 'utf8').trim()
}

async function ensureDatabase(): Promise<EmbeddedServer | undefined> {
	if (process.env.DATABASE_URL) {
		say(`Using the PostgreSQL at DATABASE_URL (${new URL(process.env.DATABASE_URL).host})`)
		return undefined
	}
	const dataDir = path.resolve(process.env.PROCURA_DATA_DIR ?? path.join(root, '.data/postgres'))
	const embedded = await startEmbeddedPostgres({ dataDir, database: 'procura', log: say })
	say(
		`Embedded PostgreSQL running on port ${embedded.port} (data in ${path.relative(root, dataDir) || dataDir})`,
	)
	process.env.DATABASE_URL = embedded.url
	return embedded
}

async function main() {
	ensureSessionSecret()
	const serverBundle = isDev ? undefined : ensureProductionBuild(root, say)
	const embedded = await ensureDatabase()
	const url = process.env.DATABASE_URL!
	if (shouldReset) await resetDatabase(url)
	await migrateDatabase(url)
	const seeded = process.env.PROCURA_SEED === 'false' ? false : await seedDemoDataIfEmpty(url)
	if (seeded) say('Seeded demo data into the empty database')

	let app
	if (isDev) {
		const vite = await import('vite')
		const devServer = await vite.createServer({ server: { middlewareMode: true } })
		app = createHttpApp({
			mode: 'development',
			build: () => devServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>,
			devMiddleware: devServer.middlewares,
		})
	} else {
		const build = (await import(pathToFileURL(serverBundle!).href)) as ServerBuild
		app = createHttpApp({ mode: 'production', build, clientDir: path.join(root, 'build/client') })
	}

	const { startOutboxWorker } = await import('#app/jobs/outbox-delivery.server.ts')
	const { startHousekeeping } = await import('#app/jobs/housekeeping.server.ts')
	const { startContractExpiryJob } = await import('#app/jobs/contract-expiry.server.ts')
	const { startOfferExpiryJob } = await import('#app/jobs/offer-expiry.server.ts')
	const { startScorecardJob } = await import('#app/jobs/scorecards.server.ts')
	const { startAuditChainJob } = await import('#app/jobs/audit-chain.server.ts')
	const jobs = [
		startAuditChainJob(),
		startOutboxWorker(),
		startHousekeeping(),
		startContractExpiryJob(),
		startOfferExpiryJob(),
		startScorecardJob(),
	]

	const port = Number(process.env.PORT ?? 3000)
	const server = app.listen(port, () => {
		say(`Procura is serving http://localhost:${port}`)
		say(`Demo logins (password "${DEMO_PASSWORD}"): ${DEMO_LOGINS.join(', ')}`)
		say(
			process.env.SMTP_URL
				? 'Emails go out over SMTP_URL'
				: 'Emails land in the local mailbox at /admin/mailbox',
		)
	})

	let stopping = false
	async function shutdown(signal: string) {
		if (stopping) return
		stopping = true
		say(`${signal}: shutting down`)
		server.close()
		await Promise.all(jobs.map((job) => job.stop()))
		const { closeDb } = await import('#db/client.ts')
		await closeDb()
		await embedded?.stop()
		process.exit(0)
	}
	process.on('SIGINT', () => void shutdown('SIGINT'))
	process.on('SIGTERM', () => void shutdown('SIGTERM'))
}

main().catch((error: unknown) => {
	console.error(`[procura] Could not start: ${error instanceof Error ? error.message : String(error)}`)
	process.exit(1)
})
