import { randomUUID } from 'node:crypto'
import { count } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { recordAuditEvents } from '#app/models/audit-event.server.ts'
import { getAuditDashboard } from '#app/models/dashboard.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { auditEvents } from '#db/schema/index.ts'

const event = (entityId: string, occurredAt: Date) => ({
	actorUserId: null,
	actorRole: 'system',
	action: 'supplier.created' as const,
	entityType: 'supplier',
	entityId,
	occurredAt,
})

test("the auditor dashboard counts every recorded event from the chain's head, not by reading the trail", async () => {
	const db = getDb()
	const rowCount = async () => (await db.select({ n: count() }).from(auditEvents))[0]!.n
	const entityId = randomUUID()
	// Later than any other test's events in this database.
	const latest = new Date('2099-01-02T03:04:05Z')
	await db.transaction((tx) =>
		recordAuditEvents(tx, [event(entityId, new Date('2099-01-01T00:00:00Z')), event(entityId, latest)]),
	)
	// The dashboard links what is pending first, so the chain's length is every event.
	const chained = await getAuditDashboard(db, { now: latest })
	expect(chained.auditEventCount).toBe(await rowCount())
	expect(chained.lastAuditEventAt).toEqual(latest)
})
