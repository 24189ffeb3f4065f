// Audit events get their seq and hash when chained after commit: tests chain, then find them
// by the content digests recordAuditEvent(s) returned.
import { inArray } from 'drizzle-orm'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { chainAuditEvents } from '#app/models/audit-event.server.ts'

const { auditEvents } = schema

/** The chain positions of committed events, in the order of the digests given. */
export async function chainedEvents(db: Executor, digests: readonly string[]) {
	if (digests.length === 0) return []
	await chainAuditEvents(db)
	const rows = await db
		.select({ seq: auditEvents.seq, hash: auditEvents.hash, digest: auditEvents.contentDigest })
		.from(auditEvents)
		.where(inArray(auditEvents.contentDigest, [...digests]))
	return digests.map((digest) => {
		const row = rows.find((r) => r.digest === digest)
		if (!row) throw new Error(`no committed audit event with digest ${digest}`)
		return { seq: row.seq, hash: row.hash }
	})
}
