import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { computeAuditHash, GENESIS_HASH } from '#app/domain/audit/audit-chain.ts'
import { createDatabase, type Database } from '#db/client.ts'
import { auditEvents } from '#db/schema/index.ts'
import { asTamperer, eventFor, eventsFor, recordAll, storedEvent } from '#tests/utils/audit-events.ts'
import { createTestDatabase } from '#tests/setup/test-database.ts'
import { verifyAuditChain } from './audit-event.server.ts'

// Chains that must start at genesis, each on a database of its own.

describe('a trail begun before the chain moved to commit', () => {
	let db: Database
	let ownDatabase: Awaited<ReturnType<typeof createTestDatabase>>

	beforeAll(async () => {
		ownDatabase = await createTestDatabase(`w${process.env.VITEST_POOL_ID ?? '0'}_audit_legacy`)
		db = createDatabase(ownDatabase.url, { max: 2 })
	})

	afterAll(async () => {
		await db?.$client.end({ timeout: 5 })
		await ownDatabase?.drop()
	})

	test('events hashed by the first scheme and events chained at commit verify as one chain', async () => {
		// Two events as the application wrote them before: seq and hash of its own, no digest.
		let prevHash = GENESIS_HASH
		for (const seq of [1, 2]) {
			const event = eventFor(randomUUID())
			const content = {
				...event,
				seq,
				occurredAt: new Date(),
				supplierId: null,
				before: event.before ?? null,
				after: event.after ?? null,
			}
			const hash = computeAuditHash(prevHash, content)
			await db.insert(auditEvents).values({ ...content, prevHash, hash })
			prevHash = hash
		}
		const entityId = randomUUID()
		const recorded = await recordAll(db, eventsFor(entityId, 2))
		expect(recorded.map((r) => r.seq)).toEqual([3, 4])
		expect((await storedEvent(db, entityId, 3)).prevHash).toBe(prevHash)
		expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 4 })
	})

	test('the chaining update is the only one the trail accepts', async () => {
		const refused = db.update(auditEvents).set({ actorRole: 'admin' }).where(eq(auditEvents.seq, 3))
		await expect(refused).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } })
		const relinked = db.update(auditEvents).set({ seq: 99 }).where(eq(auditEvents.seq, 4))
		await expect(relinked).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } })
	})
})

describe('on a trail of its own', () => {
	let db: Database
	let ownDatabase: Awaited<ReturnType<typeof createTestDatabase>>

	beforeAll(async () => {
		ownDatabase = await createTestDatabase(`w${process.env.VITEST_POOL_ID ?? '0'}_audit_chain`)
		db = createDatabase(ownDatabase.url, { max: 2 })
	})

	afterAll(async () => {
		await db?.$client.end({ timeout: 5 })
		await ownDatabase?.drop()
	})

	test('the whole trail verifies from genesis, in batches of any size', async () => {
		expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 0 })
		const entityId = randomUUID()
		const recorded = await recordAll(db, eventsFor(entityId, 4))

		expect(recorded.map((r) => r.seq)).toEqual([1, 2, 3, 4])
		expect((await storedEvent(db, entityId, 1)).prevHash).toBe(GENESIS_HASH)
		for (const batchSize of [1, 2, 3, 4, 1000]) {
			expect(await verifyAuditChain(db, { batchSize })).toEqual({ ok: true, checked: 4 })
		}
	})

	test('a deleted first row is reported as a gap at seq 1', async () => {
		await asTamperer(db, (tx) => tx.delete(auditEvents).where(eq(auditEvents.seq, 1)))
		expect(await verifyAuditChain(db)).toEqual({ ok: false, checked: 0, brokenAtSeq: 1, reason: 'seq_gap' })
		expect(await verifyAuditChain(db, { fromSeq: 3 })).toEqual({ ok: true, checked: 2 })
	})
})
