import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm'
import { type ChainVerification } from '#app/domain/audit/audit-chain.ts'
import { type AuditEventFilter, chainAuditEvents, verifyAuditChain } from '#app/models/audit-event.server.ts'
import { isUuid, parseAuditTrailQuery, utcDayBounds, type AuditTrailField } from '#app/schemas/audit-trail.ts'
import { countAhead } from '#app/utils/count-ahead.server.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { type ListCount } from '#app/utils/paging.ts'
import { auditEvents, suppliers, users } from '#db/schema/index.ts'

export type AuditTrailSearch = {
	/** What was typed, to refill the form. */
	values: Partial<Record<AuditTrailField, string>>
	errors: Partial<Record<AuditTrailField, string>>
	/** Null when a filter is invalid: then nothing is searched. */
	filter: AuditEventFilter | null
}

/**
 * Reads the trail filters from a search URL: validates them, turns an actor's
 * email into their user id and the From/To days into UTC instants.
 */
export async function getAuditTrailSearch(
	db: Executor,
	searchParams: URLSearchParams,
): Promise<AuditTrailSearch> {
	const parsed = parseAuditTrailQuery(searchParams)
	if (!parsed.success) return { values: parsed.values, errors: parsed.errors, filter: null }
	const { actor, from, to, ...rest } = parsed.query
	let actorUserId = actor
	if (actor !== undefined && !isUuid(actor)) {
		const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, actor))
		if (!user)
			return { values: parsed.values, errors: { actor: 'No user has this email address.' }, filter: null }
		actorUserId = user.id
	}
	return {
		values: parsed.values,
		errors: {},
		filter: { ...rest, actorUserId, ...utcDayBounds({ from, to }) },
	}
}

// before/after come as jsonb text: drizzle's jsonb mapping would parse a stored
// JSON string such as "123" a second time (see audit-event.server.ts).
const rowColumns = {
	seq: auditEvents.seq,
	occurredAt: auditEvents.occurredAt,
	actorUserId: auditEvents.actorUserId,
	actorEmail: users.email,
	actorRole: auditEvents.actorRole,
	action: auditEvents.action,
	entityType: auditEvents.entityType,
	entityId: auditEvents.entityId,
	supplierId: auditEvents.supplierId,
	supplierName: suppliers.name,
	before: sql<string | null>`${auditEvents.before}::text`,
	after: sql<string | null>`${auditEvents.after}::text`,
	prevHash: auditEvents.prevHash,
	hash: auditEvents.hash,
}

export type AuditTrailRow = {
	seq: number
	occurredAt: Date
	actorUserId: string | null
	actorEmail: string | null
	actorRole: string | null
	action: string
	entityType: string
	entityId: string
	supplierId: string | null
	supplierName: string | null
	/** JSON text, or null when the event has none. */
	before: string | null
	after: string | null
	prevHash: string
	hash: string
}

function selectRows(db: Executor) {
	return db
		.select(rowColumns)
		.from(auditEvents)
		.leftJoin(users, eq(users.id, auditEvents.actorUserId))
		.leftJoin(suppliers, eq(suppliers.id, auditEvents.supplierId))
}

/**
 * One page of matching events, newest first, with the actor's email and the supplier's name; the
 * matches are counted only up to COUNT_AHEAD past the page (the trail grows by every change made).
 */
export async function searchAuditTrail(
	db: Executor,
	{ limit, offset, ...filter }: AuditEventFilter & { limit: number; offset: number },
): Promise<{ rows: AuditTrailRow[] } & ListCount> {
	await chainAuditEvents(db)
	const where = and(...conditionsFor(filter))
	const [rows, counted] = await Promise.all([
		selectRows(db).where(where).orderBy(desc(auditEvents.seq)).limit(limit).offset(offset),
		countAhead(db, auditEvents, where, offset),
	])
	return { rows, ...counted }
}

/**
 * Every matching event in chain order, read `batchSize` rows at a time by seq
 * (keyset, so each batch costs the same however deep the export is). The
 * export stops at the chain's head when it started: events recorded meanwhile
 * are left for the next export.
 */
export async function* streamAuditTrail(
	db: Executor,
	filter: AuditEventFilter,
	{ batchSize = 1000 }: { batchSize?: number } = {},
): AsyncGenerator<AuditTrailRow> {
	await chainAuditEvents(db)
	const [head] = await db
		.select({ seq: auditEvents.seq })
		.from(auditEvents)
		.orderBy(desc(auditEvents.seq))
		.limit(1)
	if (!head) return
	const conditions = conditionsFor(filter)
	let afterSeq = 0
	for (;;) {
		const rows = await selectRows(db)
			.where(and(...conditions, gt(auditEvents.seq, afterSeq), lte(auditEvents.seq, head.seq)))
			.orderBy(asc(auditEvents.seq))
			.limit(batchSize)
		yield* rows
		const last = rows.at(-1)
		if (!last || rows.length < batchSize) return
		afterSeq = last.seq
	}
}

// The same filters as listAuditEvents, which keeps its own copy private.
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

/**
 * The entity types present in the trail, for the search form's suggestions.
 * A recursive "skip scan" over the (entity_type, entity_id) index: one index
 * probe per distinct type instead of reading every row as DISTINCT would.
 */
export async function listAuditEntityTypes(db: Executor): Promise<string[]> {
	const rows = await db.execute<{ entityType: string }>(sql`
		with recursive types(entity_type) as (
			(select entity_type from ${auditEvents} order by entity_type limit 1)
			union all
			select (select a.entity_type from ${auditEvents} a where a.entity_type > t.entity_type order by a.entity_type limit 1)
			from types t where t.entity_type is not null
		)
		select entity_type as "entityType" from types where entity_type is not null`)
	return rows.map((r) => r.entityType)
}

export type ChainCheck = ChainVerification & {
	/** The last verified event (the chain's head when ok), if any. */
	head: { seq: number; hash: string } | null
	durationMs: number
}

/** Verifies the whole chain from genesis and reports the head it reached and how long that took. */
export async function checkAuditChain(db: Executor): Promise<ChainCheck> {
	const started = performance.now()
	const result = await verifyAuditChain(db)
	const durationMs = performance.now() - started
	// The chain starts at seq 1 and is gapless up to a break, so the last verified event is seq `checked`.
	const [head] =
		result.checked > 0
			? await db
					.select({ seq: auditEvents.seq, hash: auditEvents.hash })
					.from(auditEvents)
					.where(eq(auditEvents.seq, result.checked))
			: []
	return { ...result, head: head ?? null, durationMs }
}
