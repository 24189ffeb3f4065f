import { chainAuditEvents } from '#app/models/audit-event.server.ts'
import { type Database, getDb } from '#app/utils/db.server.ts'
import { startPeriodicJob, type PeriodicJob } from './periodic-job.server.ts'

/**
 * Links committed audit events into the hash chain every second, so the chain trails the
 * writes by about that much even when nobody reads it (readers chain before they read).
 */
export function startAuditChainJob({
	db = getDb(),
	intervalMs = 1_000,
}: { db?: Database; intervalMs?: number } = {}): PeriodicJob {
	return startPeriodicJob({
		name: 'audit-chain',
		intervalMs,
		async run() {
			await chainAuditEvents(db)
		},
	})
}
