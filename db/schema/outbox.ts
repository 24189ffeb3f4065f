import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core'
import { id } from './columns.ts'

export const outboxStatus = pgEnum('outbox_status', ['pending', 'sent', 'failed'])
export const outboxChannel = pgEnum('outbox_channel', ['smtp', 'mailbox'])

/**
 * Transactional outbox: a message is written in the same transaction as the
 * change that causes it and delivered later by the outbox job.
 */
export const outboxEmails = pgTable(
	'outbox_emails',
	{
		id: id(),
		// Stable Message-ID so a receiver can recognise a redelivery after a crash mid-send.
		messageId: text().notNull().unique(),
		toAddress: text().notNull(),
		subject: text().notNull(),
		// The template and its props, rendered by the delivery job (emails/registry.ts);
		// html and text are filled in when the message is delivered.
		template: text(),
		props: jsonb(),
		html: text(),
		text: text(),
		status: outboxStatus().notNull().default('pending'),
		attempts: integer().notNull().default(0),
		nextAttemptAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastError: text(),
		deliveredVia: outboxChannel(),
		sentAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index('outbox_emails_due_idx').on(t.status, t.nextAttemptAt),
		check(
			'outbox_emails_renderable',
			sql`${t.template} is not null or (${t.html} is not null and ${t.text} is not null)`,
		),
	],
)
