import { lt } from 'drizzle-orm'
import { type Database, getDb, schema } from '#app/utils/db.server.ts'
import { logEvent } from '#app/utils/log.server.ts'
import { deleteExpiredSessions } from '#app/utils/session.server.ts'
import { startPeriodicJob } from './periodic-job.server.ts'

// Login attempts only matter for the 15-minute throttle window; a day keeps them for investigation.
const LOGIN_ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000

/** Removes expired sessions and old login attempts; both are harmless but pile up. */
export async function runHousekeeping({ db, now }: { db: Database; now: Date }) {
	const sessions = await deleteExpiredSessions(db, now)
	const attempts = await db
		.delete(schema.loginAttempts)
		.where(lt(schema.loginAttempts.attemptedAt, new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS)))
		.returning({ id: schema.loginAttempts.id })
	return { sessions, loginAttempts: attempts.length }
}

export function startHousekeeping({
	db = getDb(),
	intervalMs = 15 * 60 * 1000,
}: { db?: Database; intervalMs?: number } = {}) {
	return startPeriodicJob({
		name: 'housekeeping',
		intervalMs,
		async run() {
			const removed = await runHousekeeping({ db, now: new Date() })
			if (removed.sessions + removed.loginAttempts > 0) logEvent('housekeeping.removed', removed)
		},
	})
}
