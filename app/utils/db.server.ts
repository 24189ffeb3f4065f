// The only door from app code to the database (db/ sits outside the `.server` guard).
export { getDb, type Database, type Executor, type Transaction } from '#db/client.ts'
export * as schema from '#db/schema/index.ts'
