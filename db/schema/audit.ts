import { sql } from 'drizzle-orm'
import { bigint, index, jsonb, pgSequence, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Append-only, hash-chained record of every state change. The database refuses
 * UPDATE, DELETE and TRUNCATE on this table (see the audit-trail-guards migration).
 */
/** Gives each event a negative placeholder seq until chain_audit_events() links it. */
export const auditPendingSeq = pgSequence('audit_pending_seq')

export const auditEvents = pgTable(
	'audit_events',
	{
		// Position in the chain: gapless, assigned after commit under the chain lock by
		// chain_audit_events() (the audit-chain-in-batches migration); negative while pending,
		// when content_digest is required (a check constraint of that migration).
		seq: bigint({ mode: 'number' })
			.primaryKey()
			.default(sql`-nextval('audit_pending_seq')`),
		occurredAt: timestamp({ withTimezone: true }).notNull(),
		actorUserId: uuid(),
		actorRole: text(),
		action: text().notNull(),
		entityType: text().notNull(),
		entityId: text().notNull(),
		supplierId: uuid(),
		before: jsonb(),
		after: jsonb(),
		// sha256 of the canonical content without seq, computed by the writer; null on events
		// chained by the first scheme (app/domain/audit/audit-chain.ts tells the two apart).
		contentDigest: text(),
		prevHash: text().notNull().default(''),
		hash: text()
			.notNull()
			.unique()
			.default(sql`'pending:' || gen_random_uuid()`),
	},
	(t) => [
		index('audit_events_entity_idx').on(t.entityType, t.entityId),
		index('audit_events_actor_idx').on(t.actorUserId),
		index('audit_events_occurred_at_idx').on(t.occurredAt),
	],
)
