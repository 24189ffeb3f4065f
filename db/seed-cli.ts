// `npm run db:seed`: loads the demo data into DATABASE_URL, or the embedded server's database when unset.
import path from 'node:path'
import { createDatabase } from './client.ts'
import { startEmbeddedPostgres } from './embedded.ts'
import { migrateDatabase } from './migrate.ts'
import { publishDemoMonths, seedDemoData } from './seed.ts'

const embedded = process.env.DATABASE_URL
	? undefined
	: await startEmbeddedPostgres({
			dataDir: path.resolve('.data/postgres'),
			database: 'procura',
			log: console.log,
		})
const url = process.env.DATABASE_URL ?? embedded!.url
try {
	await migrateDatabase(url)
	const db = createDatabase(url, { max: 1 })
	await db.transaction((tx) => seedDemoData(tx))
	await publishDemoMonths(db)
	await db.$client.end()
	console.log('Demo data loaded (existing rows left as they were).')
} finally {
	await embedded?.stop()
}
