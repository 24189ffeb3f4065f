import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema/index.ts'

export type Database = ReturnType<typeof createDatabase>
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
/** A database handle or an open transaction: model functions accept either. */
export type Executor = Database | Transaction

export function createDatabase(url: string, { max = 10 }: { max?: number } = {}) {
	const client = postgres(url, { max, onnotice: () => {} })
	return drizzle({ client, schema, casing: 'snake_case' })
}

let shared: Database | undefined

/**
 * The process-wide database handle. The URL is read on first use, so the start
 * script can start the embedded server and set DATABASE_URL before anything queries.
 */
export function getDb(): Database {
	if (!shared) {
		const url = process.env.DATABASE_URL
		if (!url) throw new Error('DATABASE_URL is not set: start Procura with `npm start`, which provides one.')
		shared = createDatabase(url)
	}
	return shared
}

export async function closeDb() {
	if (shared) await shared.$client.end({ timeout: 5 })
	shared = undefined
}
