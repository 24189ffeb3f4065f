import { inArray } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { startAuditChainJob } from '#app/jobs/audit-chain.server.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { getDb, schema } from '#app/utils/db.server.ts'
import { eventFor } from '#tests/utils/audit-events.ts'

const { auditEvents } = schema

test('the chaining job links committed events into the chain with nobody reading it', async () => {
	const db = getDb()
	const digests = await db.transaction(async (tx) => [
		await recordAuditEvent(tx, eventFor('job-1')),
		await recordAuditEvent(tx, eventFor('job-2')),
	])
	const stored = () =>
		db
			.select({ seq: auditEvents.seq, hash: auditEvents.hash })
			.from(auditEvents)
			.where(inArray(auditEvents.contentDigest, digests))
	// Committed but not yet chained: pending placeholders.
	expect((await stored()).every((e) => e.seq < 0 && e.hash.startsWith('pending:'))).toBe(true)

	const job = startAuditChainJob({ db, intervalMs: 20 })
	try {
		await expect
			.poll(async () => (await stored()).every((e) => e.seq > 0 && /^[0-9a-f]{64}$/.test(e.hash)), {
				timeout: 5_000,
			})
			.toBe(true)
	} finally {
		await job.stop()
	}
	const [first, second] = (await stored()).sort((a, b) => a.seq - b.seq)
	expect(second!.seq).toBe(first!.seq + 1)
})
