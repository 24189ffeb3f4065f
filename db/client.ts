import { drizzle } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema/index.ts'

export type Database = ReturnType<typeof createDatabase>
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0]
/** A database handle or an open transaction: model functions accept either. */
export type Executor = Database | Transaction

/**
 * Seconds before a pooled connection tries again after failing to connect. postgres.js's default
 * grows to 10-20 s within a few seconds of an outage, so the pool would sit out that long after the
 * database is back; capped at 1 s, it is back within a second and an outage costs a refused
 * connect per connection per second.
 */
export function reconnectDelaySeconds(failures: number) {
	return Math.min(0.05 * 2 ** failures, 1)
}

export function createDatabase(url: string, { max = 10 }: { max?: number } = {}) {
	const client = postgres(url, {
		max,
		onnotice: () => {},
		backoff: reconnectDelaySeconds,
		// A server that drops packets instead of refusing would otherwise hold each request 30 s.
		connect_timeout: 10,
	})
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
