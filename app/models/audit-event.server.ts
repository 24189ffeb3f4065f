import { and, asc, count, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm'
import { type AuditAction } from '#app/domain/audit/audit-actions.ts'
import {
	type ChainAnchor,
	type ChainedAuditEvent,
	type ChainVerification,
	contentDigestOf,
	GENESIS_HASH,
	verifyChain,
} from '#app/domain/audit/audit-chain.ts'
import { normalizeJson } from '#app/domain/audit/canonical-json.ts'
import { type Executor, type Transaction } from '#app/utils/db.server.ts'
import { insertRows, runPrepared } from '#app/utils/prepared-statements.server.ts'
import { auditEvents } from '#db/schema/index.ts'

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type NewAuditEvent = {
	actorUserId: string | null
	actorRole: string | null
	action: AuditAction
	entityType: string
	entityId: string
	supplierId?: string | null
	before?: unknown
	after?: unknown
	occurredAt?: Date
}

/**
 * Appends one event to the audit trail inside the caller's transaction, so the change
 * and its record commit or roll back together. It is linked into the chain after commit
 * (see recordAuditEvents); the returned content digest finds it. before/after must be
 * JSON-able (see canonicalJson); Dates in them are stored as ISO strings.
 */
export async function recordAuditEvent(tx: Transaction, event: NewAuditEvent): Promise<string> {
	const [digest] = await recordAuditEvents(tx, [event])
	return digest!
}

/**
 * Appends several events, in order, with one insert. Each row carries the sha256 of
 * its content and a pending (negative) seq; chainAuditEvents gives it its place, prev_hash
 * and hash once it has committed. No writer waits for the chain lock: audited
 * transactions commit side by side (the audit-chain-in-batches migration).
 * Returns the events' content digests, by which they can be found.
 */
export async function recordAuditEvents(
	tx: Transaction,
	events: readonly NewAuditEvent[],
): Promise<string[]> {
	if (events.length === 0) return []
	const rows = events.map((event) => {
		const content = {
			occurredAt: event.occurredAt ?? new Date(),
			actorUserId: normalizeUuid(event.actorUserId, 'actorUserId'),
			actorRole: event.actorRole,
			action: event.action,
			entityType: event.entityType,
			entityId: event.entityId,
			supplierId: normalizeUuid(event.supplierId ?? null, 'supplierId'),
			// Hash exactly what jsonb will give back: key order does not matter (canonical
			// JSON sorts), but Dates, undefined members and -0 must be settled first.
			before: normalizeJson(event.before ?? null),
			after: normalizeJson(event.after ?? null),
		}
		return { ...content, contentDigest: contentDigestOf(content) }
	})
	await insertRows(tx, auditEvents, rows)
	return rows.map((r) => r.contentDigest)
}

// Bounded so one call holds the chain lock for milliseconds, not for a backlog of any size.
const CHAIN_BATCH = 2_000

/**
 * Links every committed pending event into the chain, in insertion order, and returns how
 * many it linked. Runs every second in the chaining job and before anything reads the chain
 * (the trail, its export, its verification), so a reader sees every committed event in
 * place. Several callers at once are safe: the database function takes the chain lock.
 */
export async function chainAuditEvents(db: Executor): Promise<number> {
	let linked = 0
	for (;;) {
		const [row] = await runPrepared<{ linked: number }>(db, 'select chain_audit_events($1) as linked', [
			CHAIN_BATCH,
		])
		linked += row!.linked
		if (row!.linked < CHAIN_BATCH) return linked
	}
}

/**
 * Recomputes the chain from `fromSeq` (default: the whole trail, from genesis) to its
 * end, reading `batchSize` rows at a time. When starting later, the stored hash of
 * the row before `fromSeq` is the anchor; if that row is missing, that is the break.
 */
export async function verifyAuditChain(
	db: Executor,
	{ batchSize = 1000, fromSeq = 1 }: { batchSize?: number; fromSeq?: number } = {},
): Promise<ChainVerification> {
	if (!Number.isInteger(batchSize) || batchSize < 1)
		throw new RangeError('batchSize must be a positive integer')
	if (!Number.isInteger(fromSeq) || fromSeq < 1) throw new RangeError('fromSeq must be a positive integer')
	await chainAuditEvents(db)

	let anchor: ChainAnchor = { expectedFirstSeq: fromSeq, expectedPrevHash: GENESIS_HASH }
	if (fromSeq > 1) {
		const [previous] = await db
			.select({ hash: auditEvents.hash })
			.from(auditEvents)
			.where(eq(auditEvents.seq, fromSeq - 1))
		if (!previous) return { ok: false, checked: 0, brokenAtSeq: fromSeq - 1, reason: 'seq_gap' }
		anchor = { expectedFirstSeq: fromSeq, expectedPrevHash: previous.hash }
	}

	let checked = 0
	for (;;) {
		// Seqs are given under the chain lock to committed rows only, in one statement, so a
		// batch never sees a seq whose predecessor is still in flight.
		const rows = await db
			.select(eventColumns)
			.from(auditEvents)
			.where(gte(auditEvents.seq, anchor.expectedFirstSeq))
			.orderBy(asc(auditEvents.seq))
			.limit(batchSize)
		const events = rows.map(toChainedEvent)
		const result = verifyChain(events, anchor)
		checked += result.checked
		if (!result.ok) return { ...result, checked }
		const last = events.at(-1)
		if (!last || events.length < batchSize) return { ok: true, checked }
		anchor = { expectedFirstSeq: last.seq + 1, expectedPrevHash: last.hash }
	}
}

export type AuditEventFilter = {
	entityType?: string
	entityId?: string
	/** Must be a UUID: validate it in the route's schema. */
	actorUserId?: string
	supplierId?: string
	action?: AuditAction
	/** Inclusive lower bound on occurredAt. */
	from?: Date
	/** Exclusive upper bound on occurredAt. */
	to?: Date
}

/** Audit events matching every given filter, newest first, with the total number of matches. */
export async function listAuditEvents(
	db: Executor,
	{ limit, offset, ...filter }: AuditEventFilter & { limit: number; offset: number },
): Promise<{ events: ChainedAuditEvent[]; total: number }> {
	await chainAuditEvents(db)
	const where = and(...conditionsFor(filter))
	const [rows, totals] = await Promise.all([
		db
			.select(eventColumns)
			.from(auditEvents)
			.where(where)
			.orderBy(desc(auditEvents.seq))
			.limit(limit)
			.offset(offset),
		db.select({ total: count() }).from(auditEvents).where(where),
	])
	return { events: rows.map(toChainedEvent), total: totals[0]?.total ?? 0 }
}

function conditionsFor(filter: AuditEventFilter): SQL[] {
	const conditions: SQL[] = []
	if (filter.entityType !== undefined) conditions.push(eq(auditEvents.entityType, filter.entityType))
	if (filter.entityId !== undefined) conditions.push(eq(auditEvents.entityId, filter.entityId))
	if (filter.actorUserId !== undefined) conditions.push(eq(auditEvents.actorUserId, filter.actorUserId))
	if (filter.supplierId !== undefined) conditions.push(eq(auditEvents.supplierId, filter.supplierId))
	if (filter.action !== undefined) conditions.push(eq(auditEvents.action, filter.action))
	if (filter.from !== undefined) conditions.push(gte(auditEvents.occurredAt, filter.from))
	if (filter.to !== undefined) conditions.push(lt(auditEvents.occurredAt, filter.to))
	return conditions
}

// before/after are read as jsonb text and parsed here: drizzle's jsonb mapping parses
// a second time, turning a stored JSON string such as "123" into the number 123.
const eventColumns = {
	seq: auditEvents.seq,
	occurredAt: auditEvents.occurredAt,
	actorUserId: auditEvents.actorUserId,
	actorRole: auditEvents.actorRole,
	action: auditEvents.action,
	entityType: auditEvents.entityType,
	entityId: auditEvents.entityId,
	supplierId: auditEvents.supplierId,
	before: sql<string | null>`${auditEvents.before}::text`,
	after: sql<string | null>`${auditEvents.after}::text`,
	prevHash: auditEvents.prevHash,
	hash: auditEvents.hash,
	contentDigest: auditEvents.contentDigest,
}

function toChainedEvent(
	row: Omit<ChainedAuditEvent, 'before' | 'after'> & { before: string | null; after: string | null },
) {
	return {
		...row,
		before: row.before === null ? null : (JSON.parse(row.before) as unknown),
		after: row.after === null ? null : (JSON.parse(row.after) as unknown),
	} satisfies ChainedAuditEvent
}

// PostgreSQL prints a uuid in lower case whatever case it was given; hashing the
// caller's spelling would make the stored row fail verification.
function normalizeUuid(value: string | null, field: string) {
	if (value === null) return null
	if (!UUID_PATTERN.test(value)) throw new TypeError(`${field} must be a UUID, got ${JSON.stringify(value)}`)
	return value.toLowerCase()
}
