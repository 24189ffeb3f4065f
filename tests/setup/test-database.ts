import postgres from 'postgres'
import { inject } from 'vitest'

// Every test database of run R is named procura_t<R>_…, so a run cleans up exactly its own.
export const databasePrefix = (runId: string) => `procura_t${runId}_`
export const templateDatabase = (runId: string) => `${databasePrefix(runId)}template`

export function withDatabase(serverUrl: string, database: string) {
	const url = new URL(serverUrl)
	url.pathname = `/${database}`
	return url.toString()
}

/**
 * A fresh copy of the migrated template, for a test that needs a database of
 * its own (e.g. one that inspects a whole table). Returns its URL and a drop().
 */
export async function createTestDatabase(suffix: string) {
	const serverUrl = inject('testServerUrl')
	const name = `${databasePrefix(inject('testRunId'))}${suffix}`
	const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
	try {
		await admin.unsafe(`drop database if exists ${name} with (force)`)
		await admin.unsafe(`create database ${name} template ${templateDatabase(inject('testRunId'))}`)
	} finally {
		await admin.end()
	}
	return {
		url: withDatabase(serverUrl, name),
		async drop() {
			const cleanup = postgres(serverUrl, { max: 1, onnotice: () => {} })
			await cleanup.unsafe(`drop database if exists ${name} with (force)`).finally(() => cleanup.end())
		},
	}
}
