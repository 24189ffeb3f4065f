import { sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { getDb } from '#app/utils/db.server.ts'

test('each worker has a migrated database with the five order classes', async () => {
	const rows = await getDb().execute<{ key: string }>(sql`select key from order_classes order by priority_rank`)
	expect(rows.map((r) => r.key)).toEqual(['emergency', 'urgent', 'standard', 'bulk', 'one-time'])
})
