import { randomUUID } from 'node:crypto'
import { eq, max, sql } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { chainHash, contentDigestOf } from '#app/domain/audit/audit-chain.ts'
import { getDb, type Executor } from '#app/utils/db.server.ts'
import { auditEvents } from '#db/schema/index.ts'
import { chainedEvents } from '#tests/utils/audit.ts'
import { asTamperer, eventFor, eventsFor, recordAll, storedEvent } from '#tests/utils/audit-events.ts'
import {
	chainAuditEvents,
	listAuditEvents,
	recordAuditEvent,
	verifyAuditChain,
} from './audit-event.server.ts'

// The helpers are in tests/utils/audit-events.ts; chains of their own are in
// audit-event-trails.server.test.ts.

async function nextSeq(db: Executor) {
	const [row] = await db.select({ last: max(auditEvents.seq) }).from(auditEvents)
	return (row?.last ?? 0) + 1
}

// Every test file in this worker shares the database and its one chain, so each test
// verifies from the seq where its own events start, and tests that tamper restore the
// row before they finish. Tests that need the chain to start at genesis use a database
// of their own.

describe('on the shared chain', () => {
	const db = getDb()

	test('recorded events verify after a round trip through jsonb', async () => {
		const fromSeq = await nextSeq(db)
		const entityId = randomUUID()
		const recorded = await recordAll(db, [
			eventFor(entityId, {
				before: { zeta: 1, alpha: { nested: true, 'with space': [3, 2, 1] }, aa: 'ü 🎉 "quoted"\n' },
				after: {
					price: 0.1,
					big: 1e21,
					tiny: 1e-7,
					negativeZero: -0,
					beyondSafeIntegers: 2 ** 60 + 2 ** 8,
					at: new Date('2026-03-01T08:30:00.250Z'),
					dropped: undefined,
				},
			}),
			eventFor(entityId, { before: 'true', after: '123' }),
			eventFor(entityId, { before: 42, after: [3, { b: 1, a: 2 }, null] }),
			eventFor(entityId, {
				actorUserId: null,
				actorRole: null,
				supplierId: '0B5D3E1A-9C2F-4E7B-8A6D-1F0E2C3B4A59',
				before: undefined,
				after: undefined,
			}),
		])

		expect(recorded.map((r) => r.seq)).toEqual([fromSeq, fromSeq + 1, fromSeq + 2, fromSeq + 3])
		expect(await verifyAuditChain(db, { fromSeq })).toEqual({ ok: true, checked: 4 })
		expect(await verifyAuditChain(db, { fromSeq, batchSize: 1 })).toEqual({ ok: true, checked: 4 })

		const first = await storedEvent(db, entityId, fromSeq)
		expect(first.hash).toBe(recorded[0]!.hash)
		expect(first.after).toMatchObject({ at: '2026-03-01T08:30:00.250Z', negativeZero: 0 })
		expect(first.after).not.toHaveProperty('dropped')
		expect((await storedEvent(db, entityId, fromSeq + 1)).after).toBe('123')
		const last = await storedEvent(db, entityId, fromSeq + 3)
		expect(last).toMatchObject({
			supplierId: '0b5d3e1a-9c2f-4e7b-8a6d-1f0e2c3b4a59',
			before: null,
			after: null,
		})
		expect(last.prevHash).toBe(recorded[2]!.hash)
	})

	test('refuses an actor or supplier id that is not a UUID', async () => {
		await expect(recordAll(db, [eventFor(randomUUID(), { actorUserId: 'admin' })])).rejects.toThrow(/UUID/)
	})

	test('lists events by entity, action and time, newest first, with the total', async () => {
		const entityId = randomUUID()
		const actorUserId = randomUUID()
		const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 10, minute))
		const [created, , updated] = await recordAll(db, [
			eventFor(entityId, { actorUserId, action: 'supplier.created', occurredAt: at(0) }),
			eventFor(entityId, { action: 'supplier.status_changed', occurredAt: at(1) }),
			eventFor(entityId, { actorUserId, action: 'supplier.updated', occurredAt: at(2) }),
		])

		const page = await listAuditEvents(db, { entityType: 'supplier', entityId, limit: 2, offset: 0 })
		expect(page.total).toBe(3)
		expect(page.events.map((e) => e.action)).toEqual(['supplier.updated', 'supplier.status_changed'])
		const rest = await listAuditEvents(db, { entityId, limit: 2, offset: 2 })
		expect(rest).toMatchObject({ total: 3, events: [{ seq: created!.seq, action: 'supplier.created' }] })

		const byActor = await listAuditEvents(db, { actorUserId, limit: 10, offset: 0 })
		expect(byActor.events.map((e) => e.seq)).toEqual([updated!.seq, created!.seq])
		const byAction = await listAuditEvents(db, { entityId, action: 'supplier.created', limit: 10, offset: 0 })
		expect(byAction.events.map((e) => e.seq)).toEqual([created!.seq])
		const inWindow = await listAuditEvents(db, { entityId, from: at(1), to: at(2), limit: 10, offset: 0 })
		expect(inWindow.events.map((e) => e.action)).toEqual(['supplier.status_changed'])
	})

	test('an event recorded in a transaction that rolls back leaves no trace', async () => {
		const fromSeq = await nextSeq(db)
		const entityId = randomUUID()
		await expect(
			db.transaction(async (tx) => {
				await recordAuditEvent(tx, eventFor(entityId))
				throw new Error('the change itself failed')
			}),
		).rejects.toThrow('the change itself failed')

		// The chain gives out positions to committed events only, so a rollback leaves no gap either.
		expect(await listAuditEvents(db, { entityId, limit: 10, offset: 0 })).toEqual({ events: [], total: 0 })
		const [next] = await recordAll(db, [eventFor(randomUUID())])
		expect(next!.seq).toBe(fromSeq)
		expect(await verifyAuditChain(db, { fromSeq })).toEqual({ ok: true, checked: 1 })
	})

	test('records in any isolation level, but chains only in read committed, where the head is never stale', async () => {
		const digest = await db.transaction((tx) => recordAuditEvent(tx, eventFor(randomUUID())), {
			isolationLevel: 'repeatable read',
		})
		const chaining = db.transaction((tx) => chainAuditEvents(tx), { isolationLevel: 'repeatable read' })
		await expect(chaining).rejects.toThrow(/read committed/)
		const [chained] = await chainedEvents(db, [digest])
		expect(chained!.seq).toBeGreaterThan(0)
	})

	test('20 concurrent transactions, chained by runs beside them, form one gapless chain that verifies', async () => {
		const fromSeq = await nextSeq(db)
		const perWriter = 3
		// The chaining job runs while the writers write: each run links what has committed so far.
		let writing = true
		const chainer = (async () => {
			while (writing) {
				await chainAuditEvents(db)
				await new Promise((resolve) => setTimeout(resolve, 2))
			}
		})()
		const digestsByWriter = await Promise.all(
			Array.from({ length: 20 }, (_, writer) =>
				db.transaction(async (tx) => {
					const digests: string[] = []
					for (let i = 0; i < perWriter; i++) {
						// Stagger the writers so their events interleave.
						await tx.execute(sql`select pg_sleep(${((writer + i) % 4) / 1000})`)
						digests.push(await recordAuditEvent(tx, eventFor(`writer-${writer}-${i}`)))
					}
					return digests
				}),
			),
		)
		writing = false
		await chainer
		const seqsByWriter = await Promise.all(
			digestsByWriter.map(async (digests) => (await chainedEvents(db, digests)).map((e) => e.seq)),
		)

		const all = seqsByWriter.flat().sort((a, b) => a - b)
		expect(all).toEqual(Array.from({ length: 20 * perWriter }, (_, i) => fromSeq + i))
		// A transaction's events keep the order it recorded them in.
		for (const seqs of seqsByWriter) expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
		expect(await verifyAuditChain(db, { fromSeq, batchSize: 7 })).toEqual({
			ok: true,
			checked: 20 * perWriter,
		})
	})

	test('two chainers at once link every event exactly once', async () => {
		const fromSeq = await nextSeq(db)
		const digests = await db.transaction(async (tx) =>
			Promise.all(Array.from({ length: 30 }, (_, i) => recordAuditEvent(tx, eventFor(`pair-${i}`)))),
		)
		const linked = await Promise.all([chainAuditEvents(db), chainAuditEvents(db)])
		expect(linked[0] + linked[1]).toBe(30)
		const seqs = (await chainedEvents(db, digests)).map((e) => e.seq).sort((a, b) => a - b)
		expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => fromSeq + i))
	})

	const forbiddenChanges: [string, (seq: number) => PromiseLike<unknown>][] = [
		['UPDATE', (seq) => db.update(auditEvents).set({ actorRole: 'admin' }).where(eq(auditEvents.seq, seq))],
		['DELETE', (seq) => db.delete(auditEvents).where(eq(auditEvents.seq, seq))],
		['TRUNCATE', () => db.execute(sql`truncate audit_events`)],
	]
	test.each(forbiddenChanges)('the database refuses %s', async (operation, attempt) => {
		const fromSeq = await nextSeq(db)
		const [recorded] = await recordAll(db, [eventFor(randomUUID())])

		// drizzle wraps the driver's error; the PostgreSQL error is its cause.
		await expect(attempt(recorded!.seq)).rejects.toMatchObject({
			cause: { code: '42501', message: `audit_events is append-only: ${operation} is not allowed` },
		})
		expect(await verifyAuditChain(db, { fromSeq })).toEqual({ ok: true, checked: 1 })
	})

	test('altered content is reported at its seq', async () => {
		const fromSeq = await nextSeq(db)
		const [, middle] = await recordAll(db, eventsFor(randomUUID(), 3))
		const seq = middle!.seq
		const [original] = await db.execute<{ after: string }>(
			sql`select after::text as after from audit_events where seq = ${seq}`,
		)

		await asTamperer(db, (tx) =>
			tx.execute(sql`update audit_events set after = jsonb_set(after, '{amount}', '1') where seq = ${seq}`),
		)
		try {
			expect(await verifyAuditChain(db, { fromSeq })).toEqual({
				ok: false,
				checked: 1,
				brokenAtSeq: seq,
				reason: 'hash_mismatch',
			})
		} finally {
			await asTamperer(db, (tx) =>
				tx.execute(sql`update audit_events set after = ${original!.after}::jsonb where seq = ${seq}`),
			)
		}
		expect(await verifyAuditChain(db, { fromSeq })).toEqual({ ok: true, checked: 3 })
	})

	test('a forged row with a recomputed hash breaks the link to the next one', async () => {
		const fromSeq = await nextSeq(db)
		const entityId = randomUUID()
		const [, middle] = await recordAll(db, eventsFor(entityId, 3))
		const original = await storedEvent(db, entityId, middle!.seq)
		const forged = { ...original, actorRole: 'admin' }

		await asTamperer(db, (tx) =>
			tx
				.update(auditEvents)
				.set({
					actorRole: forged.actorRole,
					contentDigest: contentDigestOf(forged),
					hash: chainHash(forged.prevHash, forged.seq, contentDigestOf(forged)),
				})
				.where(eq(auditEvents.seq, original.seq)),
		)
		try {
			expect(await verifyAuditChain(db, { fromSeq })).toEqual({
				ok: false,
				checked: 2,
				brokenAtSeq: original.seq + 1,
				reason: 'prev_hash_mismatch',
			})
		} finally {
			await asTamperer(db, (tx) =>
				tx
					.update(auditEvents)
					.set({ actorRole: original.actorRole, contentDigest: original.contentDigest, hash: original.hash })
					.where(eq(auditEvents.seq, original.seq)),
			)
		}
		expect(await verifyAuditChain(db, { fromSeq })).toEqual({ ok: true, checked: 3 })
	})

	test('a deleted middle row is reported as a gap at its seq', async () => {
		const fromSeq = await nextSeq(db)
		const entityId = randomUUID()
		const [, middle] = await recordAll(db, eventsFor(entityId, 3))
		const original = await storedEvent(db, entityId, middle!.seq)

		await asTamperer(db, (tx) => tx.delete(auditEvents).where(eq(auditEvents.seq, original.seq)))
		try {
			expect(await verifyAuditChain(db, { fromSeq })).toEqual({
				ok: false,
				checked: 1,
				brokenAtSeq: original.seq,
				reason: 'seq_gap',
			})
			expect(await verifyAuditChain(db, { fromSeq: original.seq + 1 })).toMatchObject({
				ok: false,
				brokenAtSeq: original.seq,
			})
		} finally {
			// Inserting is allowed, so putting the exact row back restores the chain.
			await db.insert(auditEvents).values(original)
		}
		expect(await verifyAuditChain(db, { fromSeq })).toEqual({ ok: true, checked: 3 })
	})
})
