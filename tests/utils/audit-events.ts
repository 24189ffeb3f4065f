// Shared by the audit trail's model tests: events to record, and ways to read or tamper with them.
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { listAuditEvents, type NewAuditEvent, recordAuditEvent } from '#app/models/audit-event.server.ts'
import { type Executor, type Transaction } from '#app/utils/db.server.ts'
import { type Database } from '#db/client.ts'
import { chainedEvents } from './audit.ts'

export function eventFor(entityId: string, overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
	return {
		actorUserId: randomUUID(),
		actorRole: 'buyer',
		action: 'supplier.updated',
		entityType: 'supplier',
		entityId,
		before: { name: 'Acme Payroll', regions: ['EU'] },
		after: { name: 'Acme Payroll Ltd', regions: ['EU', 'US'], amount: 1250 },
		...overrides,
	}
}

export function eventsFor(entityId: string, count: number) {
	return Array.from({ length: count }, () => eventFor(entityId))
}

export async function recordAll(db: Database, events: NewAuditEvent[]) {
	const digests = await db.transaction(async (tx) => {
		const recorded: string[] = []
		for (const event of events) recorded.push(await recordAuditEvent(tx, event))
		return recorded
	})
	return chainedEvents(db, digests)
}

export async function storedEvent(db: Executor, entityId: string, seq: number) {
	const { events } = await listAuditEvents(db, { entityId, limit: 100, offset: 0 })
	const event = events.find((e) => e.seq === seq)
	if (!event) throw new Error(`no audit event ${seq} for ${entityId}`)
	return event
}

/** Runs a change with the append-only trigger off, as a superuser could; DDL is transactional, so it is never left off. */
export async function asTamperer(db: Database, change: (tx: Transaction) => Promise<unknown>) {
	await db.transaction(async (tx) => {
		await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_or_delete`)
		await change(tx)
		await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_or_delete`)
	})
}
