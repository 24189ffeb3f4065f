import postgres from 'postgres'
import { afterAll, inject } from 'vitest'
import { closeDb } from '#db/client.ts'
import { dropDatabaseIfExists, TEMPLATE_DATABASE, withDatabase } from './global-setup.ts'

// Each worker gets its own database cloned from the migrated template, so
// test files in different workers never see each other's rows.
const serverUrl = inject('testServerUrl')
const workerDatabase = `procura_test_${process.env.VITEST_POOL_ID ?? '0'}`

const admin = postgres(serverUrl, { max: 1, onnotice: () => {} })
await dropDatabaseIfExists(admin, workerDatabase)
await admin.unsafe(`create database ${workerDatabase} template ${TEMPLATE_DATABASE}`)
await admin.end()

process.env.DATABASE_URL = withDatabase(serverUrl, workerDatabase)

afterAll(async () => {
	await closeDb()
})
