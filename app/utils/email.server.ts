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
	email: { to: string; subject: string; react: ReactElement },
): Promise<{ status: 'success'; id: string }> {
	const [id] = await sendEmails(tx, [email])
	return { status: 'success', id: id! }
}

/** Queues several emails as sendEmail does, with one insert; returns their outbox ids in order. */
export async function sendEmails(
	tx: Executor,
	emails: readonly { to: string; subject: string; react: ReactElement }[],
): Promise<string[]> {
	const rows = emails.map(({ to, subject, react }) => {
		const toAddress = RecipientSchema.parse(to)
		const { template, props } = toStoredEmail(react)
		// The Message-ID is fixed at queue time so every delivery attempt carries the same one.
		return { id: randomUUID(), messageId: `<${randomUUID()}@procura>`, toAddress, subject, template, props }
	})
	await insertRows(tx, outboxEmails, rows)
	return rows.map((r) => r.id)
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
