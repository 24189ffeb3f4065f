import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type NewAuditEvent, recordAuditEvents } from '#app/models/audit-event.server.ts'
import { chainedEvents } from '#tests/utils/audit.ts'
import {
	checkAuditChain,
	getAuditTrailSearch,
	listAuditEntityTypes,
	searchAuditTrail,
	streamAuditTrail,
	type AuditTrailRow,
} from '#app/models/audit-trail.server.ts'
import { getDb, type Executor } from '#app/utils/db.server.ts'
import { createDatabase, type Database } from '#db/client.ts'
import { auditEvents } from '#db/schema/index.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { createTestDatabase } from '#tests/setup/test-database.ts'

function event(entityId: string, overrides: Partial<NewAuditEvent> = {}): NewAuditEvent {
	return {
		actorUserId: null,
		actorRole: 'system',
		action: 'order.update_posted',
		entityType: 'order',
		entityId,
		...overrides,
	}
}

async function record(db: Database, events: NewAuditEvent[]) {
	return chainedEvents(db, await db.transaction((tx) => recordAuditEvents(tx, events)))
}

async function collect(rows: AsyncIterable<AuditTrailRow>) {
	const all: AuditTrailRow[] = []
	for await (const row of rows) all.push(row)
	return all
}

async function filterFor(db: Executor, search: Record<string, string>) {
	const { filter, errors } = await getAuditTrailSearch(db, new URLSearchParams(search))
	if (!filter) throw new Error(`invalid search: ${JSON.stringify(errors)}`)
	return filter
}

describe('on the shared trail', () => {
	const db = getDb()

	test('the actor filter takes an email (any case) or an id; an unknown email is a field error', async () => {
		const actor = await insertUser(db, { role: 'buyer' })
		const entityId = randomUUID()
		await record(db, [
			event(entityId, { actorUserId: actor.id, actorRole: 'buyer' }),
			event(entityId),
			event(entityId, { actorUserId: actor.id, actorRole: 'buyer', action: 'order.closed' }),
		])
		const byEmail = await filterFor(db, { entityId, actor: actor.email.toUpperCase() })
		expect(byEmail.actorUserId).toBe(actor.id)
		const { rows, total } = await searchAuditTrail(db, { ...byEmail, limit: 10, offset: 0 })
		expect(total).toBe(2)
		expect(rows.map((r) => [r.action, r.actorEmail])).toEqual([
			['order.closed', actor.email],
			['order.update_posted', actor.email],
		])
		expect((await filterFor(db, { actor: actor.id })).actorUserId).toBe(actor.id)
		expect(await getAuditTrailSearch(db, new URLSearchParams({ actor: 'ghost@procura.test' }))).toEqual({
			values: { actor: 'ghost@procura.test' },
			errors: { actor: 'No user has this email address.' },
			filter: null,
		})
	})

	test('supplier, action and UTC day filters narrow the search; names come with the rows', async () => {
		const supplier = await insertSupplier(db)
		const entityId = randomUUID()
		await record(db, [
			event(entityId, { supplierId: supplier.id, occurredAt: new Date('1999-12-31T23:30:00Z') }),
			event(entityId, {
				supplierId: supplier.id,
				action: 'order.closed',
				occurredAt: new Date('2000-01-01T00:00:00Z'),
			}),
			event(entityId, { occurredAt: new Date('2000-01-02T12:00:00Z') }),
		])
		const search = async (query: Record<string, string>) =>
			searchAuditTrail(db, { ...(await filterFor(db, { entityId, ...query })), limit: 10, offset: 0 })

		const bySupplier = await search({ supplierId: supplier.id.toUpperCase() })
		expect(bySupplier.total).toBe(2)
		expect(bySupplier.rows.every((r) => r.supplierName === supplier.name)).toBe(true)
		expect((await search({ action: 'order.closed' })).total).toBe(1)
		expect((await search({ from: '2000-01-01', to: '2000-01-01' })).rows.map((r) => r.action)).toEqual([
			'order.closed',
		])
		expect((await search({ to: '1999-12-31' })).total).toBe(1)
		expect((await search({ from: '2000-01-01' })).total).toBe(2)
	})

	test('the export streams every match in seq order, batch by batch, and stops at the head it started from', async () => {
		const entityId = randomUUID()
		await record(
			db,
			Array.from({ length: 7 }, (_, n) => event(entityId, { after: { n } })),
		)
		const filter = await filterFor(db, { entityId })
		const all = await collect(streamAuditTrail(db, filter, { batchSize: 2 }))
		expect(all.map((r) => JSON.parse(r.after!) as { n: number })).toEqual(
			[0, 1, 2, 3, 4, 5, 6].map((n) => ({ n })),
		)
		expect(all.map((r) => r.seq)).toEqual([...all.map((r) => r.seq)].sort((a, b) => a - b))

		const stream = streamAuditTrail(db, filter, { batchSize: 3 })
		const first = await stream.next()
		await record(db, [event(entityId, { after: { n: 7 } })])
		const rest = await collect(stream)
		expect([first.value, ...rest]).toHaveLength(7)
		expect(await collect(streamAuditTrail(db, filter, { batchSize: 3 }))).toHaveLength(8)
	})

	test('lists the entity types present in the trail', async () => {
		const entityType = `zz_type_${randomUUID().slice(0, 8)}`
		await record(db, [event(randomUUID(), { entityType }), event(randomUUID(), { entityType })])
		const types = await listAuditEntityTypes(db)
		expect(types).toContain(entityType)
		expect(types).toContain('order')
		expect(new Set(types).size).toBe(types.length)
		expect(types).toEqual([...types].sort())
	})
})

describe('on a trail of its own', () => {
	let db: Database
	let ownDatabase: Awaited<ReturnType<typeof createTestDatabase>>

	beforeAll(async () => {
		ownDatabase = await createTestDatabase(`w${process.env.VITEST_POOL_ID ?? '0'}_audit_trail_search`)
		db = createDatabase(ownDatabase.url, { max: 2 })
	})

	afterAll(async () => {
		await db?.$client.end({ timeout: 5 })
		await ownDatabase?.drop()
	})

	test('an empty trail verifies with no head and exports nothing', async () => {
		expect(await checkAuditChain(db)).toMatchObject({ ok: true, checked: 0, head: null })
		expect(await collect(streamAuditTrail(db, {}))).toEqual([])
		expect(await listAuditEntityTypes(db)).toEqual([])
	})

	test('the check reports the head it reached, or the first broken link', async () => {
		const recorded = await record(db, [event('a'), event('b'), event('c')])
		expect(await checkAuditChain(db)).toMatchObject({ ok: true, checked: 3, head: recorded[2] })

		// Alter the second event as a superuser could, with the append-only trigger off for this transaction.
		await db.transaction(async (tx) => {
			await tx.execute(sql`alter table audit_events disable trigger audit_events_no_update_or_delete`)
			await tx.update(auditEvents).set({ entityId: 'tampered' }).where(eq(auditEvents.seq, 2))
			await tx.execute(sql`alter table audit_events enable trigger audit_events_no_update_or_delete`)
		})
		expect(await checkAuditChain(db)).toMatchObject({
			ok: false,
			checked: 1,
			brokenAtSeq: 2,
			reason: 'hash_mismatch',
			head: recorded[0],
		})
	})
})
