import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import {
	listAuditEvents,
	recordAuditEvent,
	recordAuditEvents,
	verifyAuditChain,
} from '#app/models/audit-event.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { chainedEvents } from '#tests/utils/audit.ts'

test('a batch of events lands in order with consecutive seqs and a chain that verifies', async () => {
	const db = getDb()
	const entityId = randomUUID()
	const event = (n: number) => ({
		actorUserId: null,
		actorRole: 'system',
		action: 'order.update_posted' as const,
		entityType: 'order',
		entityId,
		after: { n },
	})
	const [before] = await chainedEvents(
		db,
		await db.transaction((tx) => Promise.all([recordAuditEvent(tx, event(0))])),
	)
	const batch = await chainedEvents(
		db,
		await db.transaction((tx) => recordAuditEvents(tx, [1, 2, 3, 4].map(event))),
	)
	expect(batch.map((r) => r.seq)).toEqual([1, 2, 3, 4].map((i) => before!.seq + i))
	expect(await db.transaction((tx) => recordAuditEvents(tx, []))).toEqual([])

	const { events } = await listAuditEvents(db, { entityId, limit: 10, offset: 0 })
	expect(events.map((e) => (e.after as { n: number }).n)).toEqual([4, 3, 2, 1, 0])
	expect(await verifyAuditChain(db, { fromSeq: before!.seq })).toEqual({ ok: true, checked: 5 })
})
