import { afterAll } from 'vitest'
import { closeDb } from '#db/client.ts'
import { createTestDatabase } from './test-database.ts'

// Each worker gets its own database cloned from the migrated template, so
// test files in different workers never see each other's rows.
const workerDatabase = await createTestDatabase(`w${process.env.VITEST_POOL_ID ?? '0'}`)
process.env.DATABASE_URL = workerDatabase.url

afterAll(async () => {
	await closeDb()
})
