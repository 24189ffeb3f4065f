import { randomUUID } from 'node:crypto'
import { type ReactElement } from 'react'
import { z } from 'zod'
import { type Executor } from '#app/utils/db.server.ts'
import { outboxEmails } from '#db/schema/index.ts'
import { renderEmail } from '#emails/render.ts'

const RecipientSchema = z.email()

/**
 * Queues an email in the transactional outbox. Pass the transaction that makes
 * the change the email announces: if it rolls back, the email is never sent.
 * Nothing touches the network here; `app/jobs/outbox-delivery.server.ts` delivers it.
 * Throws on an invalid recipient, which is a programming error rather than a user one.
 */
export async function sendEmail(
	tx: Executor,
	{ to, subject, react }: { to: string; subject: string; react: ReactElement },
): Promise<{ status: 'success'; id: string }> {
	const toAddress = RecipientSchema.parse(to)
	const { html, text } = await renderEmail(react)
	const [row] = await tx
		.insert(outboxEmails)
		// Fixed at queue time so every delivery attempt carries the same Message-ID.
		.values({ messageId: `<${randomUUID()}@procura>`, toAddress, subject, html, text })
		.returning({ id: outboxEmails.id })
	if (!row) throw new Error('Inserting into outbox_emails returned no row')
	return { status: 'success', id: row.id }
}
