import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'

const MIGRATIONS_FOLDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

/** Applies every pending migration in db/migrations; safe to run at every start. */
export async function migrateDatabase(url: string) {
	const client = postgres(url, { max: 1, onnotice: () => {} })
	try {
		await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER })
	} finally {
		await client.end()
	}
}
