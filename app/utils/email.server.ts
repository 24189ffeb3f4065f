import { randomUUID } from 'node:crypto'
import { type ReactElement } from 'react'
import { z } from 'zod'
import { type Executor } from '#app/utils/db.server.ts'
import { insertRows } from '#app/utils/prepared-statements.server.ts'
import { outboxEmails } from '#db/schema/index.ts'
import { fromStoredEmail, toStoredEmail } from '#emails/registry.ts'
import { renderEmail, type RenderedEmail } from '#emails/render.ts'

const RecipientSchema = z.email()

/**
 * Queues an email in the transactional outbox. Pass the transaction that makes
 * the change the email announces: if it rolls back, the email is never sent.
 * Nothing touches the network here, and nothing is rendered: the outbox keeps the
 * template and its props, and `app/jobs/outbox-delivery.server.ts` renders and
 * delivers them. Throws on an invalid recipient or an unregistered template,
 * which are programming errors rather than user ones.
 */
export async function sendEmail(
	tx: Executor,
	{ to, subject, react }: { to: string; subject: string; react: ReactElement },
): Promise<{ status: 'success'; id: string }> {
	const toAddress = RecipientSchema.parse(to)
	const { template, props } = toStoredEmail(react)
	const id = randomUUID()
	// The Message-ID is fixed at queue time so every delivery attempt carries the same one.
	await insertRows(tx, outboxEmails, [
		{ id, messageId: `<${randomUUID()}@procura>`, toAddress, subject, template, props },
	])
	return { status: 'success', id }
}

export type OutboxBodySource = {
	template: string | null
	props: unknown
	html: string | null
	text: string | null
}

/** The bodies of an outbox message: as delivered when it was, else rendered from its template now. */
export async function outboxBodies(row: OutboxBodySource): Promise<RenderedEmail> {
	if (row.html !== null && row.text !== null) return { html: row.html, text: row.text }
	if (row.template === null) throw new Error('Outbox message has neither bodies nor a template')
	return renderEmail(fromStoredEmail({ template: row.template, props: row.props }))
}
