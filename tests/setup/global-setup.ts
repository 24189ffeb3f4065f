import { existsSync } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { isAlive, startEmbeddedPostgres, stopLeftoverServer, type EmbeddedServer } from '#db/embedded.ts'
import { migrateDatabase } from '#db/migrate.ts'
import { databasePrefix, templateDatabase, withDatabase } from './test-database.ts'

declare module 'vitest' {
	export interface ProvidedContext {
		testServerUrl: string
		testRunId: string
	}
}

const EMBEDDED_ROOT = path.resolve('.data/test-postgres')

/**
 * One PostgreSQL for the whole run — TEST_DATABASE_URL when set, otherwise an
 * embedded server of this run's own — with a migrated template database that
 * every worker clones. Names carry the run id (this process's pid), so two
 * runs at once on one machine never drop each other's databases.
 */
export default async function setup(project: TestProject) {
	const runId = String(process.pid)
	let embedded: EmbeddedServer | undefined
	let serverUrl = process.env.TEST_DATABASE_URL
	if (!serverUrl) {
		await removeDeadRuns()
		embedded = await startEmbeddedPostgres({ dataDir: path.join(EMBEDDED_ROOT, `run-${runId}`), database: 'postgres' })
		serverUrl = embedded.url
	}

	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
	try {
		await dropDatabasesOfDeadRuns(admin)
		await admin.unsafe(`create database ${templateDatabase(runId)}`)
	} finally {
		await admin.end()
	}
	await migrateDatabase(withDatabase(serverUrl, templateDatabase(runId)))

	project.provide('testServerUrl', serverUrl)
	project.provide('testRunId', runId)
	return async () => {
		if (embedded) {
			await embedded.stop()
			await fs.rm(path.join(EMBEDDED_ROOT, `run-${runId}`), { recursive: true, force: true })
			return
		}
		const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} })
		try {
			await dropDatabases(cleanup, (name) => name.startsWith(databasePrefix(runId)))
		} finally {
			await cleanup.end()
		}
	}
}

async function removeDeadRuns() {
	if (!existsSync(EMBEDDED_ROOT)) return
	for (const entry of await fs.readdir(EMBEDDED_ROOT)) {
		const pid = Number(/^run-(\d+)$/.exec(entry)?.[1])
		if (!pid || isAlive(pid)) continue
		const dir = path.join(EMBEDDED_ROOT, entry)
		await stopLeftoverServer(dir, () => {})
		await fs.rm(dir, { recursive: true, force: true })
	}
}

async function dropDatabasesOfDeadRuns(admin: postgres.Sql) {
	await dropDatabases(admin, (name) => {
		const pid = Number(/^procura_t(\d+)_/.exec(name)?.[1])
		return pid > 0 && !isAlive(pid)
	})
}

async function dropDatabases(admin: postgres.Sql, shouldDrop: (name: string) => boolean) {
	const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like 'procura_t%'`
	for (const { datname } of rows) {
		if (shouldDrop(datname)) await admin.unsafe(`drop database if exists "${datname}" with (force)`)
	}
}
