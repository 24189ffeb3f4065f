import path from 'node:path'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { startEmbeddedPostgres, type EmbeddedServer } from '#db/embedded.ts'
import { migrateDatabase } from '#db/migrate.ts'

export const TEMPLATE_DATABASE = 'procura_test_template'

declare module 'vitest' {
	export interface ProvidedContext {
		testServerUrl: string
	}
}

/**
 * One PostgreSQL for the whole run — TEST_DATABASE_URL when set, otherwise the
 * embedded server — with a migrated template database that every worker clones.
 */
export default async function setup(project: TestProject) {
	let embedded: EmbeddedServer | undefined
	let serverUrl = process.env.TEST_DATABASE_URL
	if (!serverUrl) {
		embedded = await startEmbeddedPostgres({
			dataDir: path.resolve('.data/test-postgres'),
			database: 'postgres',
		})
		serverUrl = embedded.url
	}

	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
	try {
		await dropDatabaseIfExists(admin, TEMPLATE_DATABASE)
		await admin.unsafe(`create database ${TEMPLATE_DATABASE}`)
	} finally {
		await admin.end()
	}
	await migrateDatabase(withDatabase(serverUrl, TEMPLATE_DATABASE))

	project.provide('testServerUrl', serverUrl)
	return async () => {
		await embedded?.stop()
	}
}

export function withDatabase(serverUrl: string, database: string) {
	const url = new URL(serverUrl)
	url.pathname = `/${database}`
	return url.toString()
}

export async function dropDatabaseIfExists(admin: postgres.Sql, database: string) {
	await admin.unsafe(`drop database if exists ${database} with (force)`)
}
