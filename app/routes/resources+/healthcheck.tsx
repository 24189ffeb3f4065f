import { sql } from 'drizzle-orm'
import { getDb } from '#app/utils/db.server.ts'

// For load balancers and the e2e web server: up means the database answers too.
export async function loader() {
	try {
		await getDb().execute(sql`select 1`)
		return new Response('OK', { headers: { 'Cache-Control': 'no-store' } })
	} catch {
		return new Response('Database unavailable', { status: 503 })
	}
}
