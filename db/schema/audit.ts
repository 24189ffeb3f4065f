import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Append-only, hash-chained record of every state change. The database refuses
 * UPDATE, DELETE and TRUNCATE on this table (see the audit-trail-guards migration).
 */
export const auditEvents = pgTable(
	'audit_events',
	{
		// Position in the chain: gapless, assigned under the chain lock.
		seq: bigint({ mode: 'number' }).primaryKey(),
		occurredAt: timestamp({ withTimezone: true }).notNull(),
		actorUserId: uuid(),
		actorRole: text(),
		action: text().notNull(),
		entityType: text().notNull(),
		entityId: text().notNull(),
		supplierId: uuid(),
		before: jsonb(),
		after: jsonb(),
		prevHash: text().notNull(),
		hash: text().notNull().unique(),
	},
	(t) => [
		index('audit_events_entity_idx').on(t.entityType, t.entityId),
		index('audit_events_actor_idx').on(t.actorUserId),
		index('audit_events_occurred_at_idx').on(t.occurredAt),
	],
)
