import { desc, eq, ilike } from 'drizzle-orm'
import { z } from 'zod'
import { countAhead } from '#app/utils/count-ahead.server.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { outboxBodies } from '#app/utils/email.server.ts'
import { outboxEmails } from '#db/schema/index.ts'

const listColumns = {
	id: outboxEmails.id,
	toAddress: outboxEmails.toAddress,
	subject: outboxEmails.subject,
	status: outboxEmails.status,
	deliveredVia: outboxEmails.deliveredVia,
	createdAt: outboxEmails.createdAt,
	sentAt: outboxEmails.sentAt,
}

/**
 * Outbox messages, newest first, for the admin mailbox. `to` matches any part
 * of the recipient address, case-insensitively.
 */
export async function listMailbox(
	db: Executor,
	{ limit, offset, to }: { limit: number; offset: number; to?: string },
) {
	const where = to ? ilike(outboxEmails.toAddress, `%${escapeLike(to)}%`) : undefined
	const [rows, counted] = await Promise.all([
		db
			.select(listColumns)
			.from(outboxEmails)
			.where(where)
			.orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
			.limit(limit)
			.offset(offset),
		// Every email the app sends stays here: count only so far past the page.
		countAhead(db, outboxEmails, where, offset),
	])
	return { rows, ...counted }
}

/** One outbox message with its rendered bodies, or null when the id is unknown. */
export async function getMailboxMessage(db: Executor, { id }: { id: string }) {
	// The id comes from the URL; PostgreSQL would reject a malformed uuid with an error instead of "not found".
	if (!z.guid().safeParse(id).success) return null
	const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id)).limit(1)
	if (!row) return null
	// A message still waiting for delivery has no bodies yet: show what it will say.
	return { ...row, ...(await outboxBodies(row)) }
}

// The search box is for addresses, so % and _ typed there are literal characters.
function escapeLike(value: string) {
	return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}
