import { eq, inArray } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { runHousekeeping } from '#app/jobs/housekeeping.server.ts'
import { getDb, schema } from '#app/utils/db.server.ts'
import { insertUser } from '#tests/factories/users.ts'
import { createTestSession } from '#tests/utils/session.ts'

test('housekeeping removes expired sessions and day-old login attempts, and keeps live ones', async () => {
	const db = getDb()
	const user = await insertUser(db)
	const longAgo = new Date('2026-01-01T00:00:00Z')
	const now = new Date('2026-06-01T00:00:00Z')
	const expired = await createTestSession(user.id, { now: longAgo })
	const live = await createTestSession(user.id, { now: new Date(now.getTime() - 60_000) })
	await db.insert(schema.loginAttempts).values([
		{ email: user.email, ip: '127.0.0.1', succeeded: false, attemptedAt: longAgo },
		{ email: user.email, ip: '127.0.0.1', succeeded: false, attemptedAt: new Date(now.getTime() - 60_000) },
	])

	const removed = await runHousekeeping({ db, now })
	expect(removed.sessions).toBeGreaterThanOrEqual(1)
	expect(removed.loginAttempts).toBeGreaterThanOrEqual(1)

	const sessions = await db
		.select({ id: schema.sessions.id })
		.from(schema.sessions)
		.where(inArray(schema.sessions.id, [expired.session.id, live.session.id]))
	expect(sessions.map((s) => s.id)).toEqual([live.session.id])
	const attempts = await db.select().from(schema.loginAttempts).where(eq(schema.loginAttempts.email, user.email))
	expect(attempts).toHaveLength(1)
})
