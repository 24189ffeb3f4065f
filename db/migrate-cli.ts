// `npm run db:migrate`: migrates DATABASE_URL, or the embedded server's database when unset.
import path from 'node:path'
import { startEmbeddedPostgres } from './embedded.ts'
import { migrateDatabase } from './migrate.ts'

const embedded = process.env.DATABASE_URL
	? undefined
	: await startEmbeddedPostgres({ dataDir: path.resolve('.data/postgres'), database: 'procura', log: console.log })
try {
	await migrateDatabase(process.env.DATABASE_URL ?? embedded!.url)
	console.log('Migrations applied.')
} finally {
	await embedded?.stop()
}
