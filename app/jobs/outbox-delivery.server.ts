import { and, asc, eq, lte } from 'drizzle-orm'
import nodemailer from 'nodemailer'
import { computeRetryPlan } from '#app/domain/email/outbox-backoff.ts'
import { type Database, getDb } from '#app/utils/db.server.ts'
import { outboxBodies } from '#app/utils/email.server.ts'
import { getEnv } from '#app/utils/env.server.ts'
import { logError, logEvent } from '#app/utils/log.server.ts'
import { outboxEmails } from '#db/schema/index.ts'
import { startPeriodicJob, type PeriodicJob } from './periodic-job.server.ts'

export type OutgoingMessage = {
	messageId: string
	from: string
	to: string
	subject: string
	html: string
	text: string
}

export type MailTransport = {
	channel: 'smtp' | 'mailbox'
	send(message: OutgoingMessage): Promise<void>
}

export type DeliveryResult = { sent: number; failed: number; retried: number }

/** Delivers over SMTP; the row's Message-ID goes out unchanged so receivers can dedupe redeliveries. */
export function createSmtpTransport(smtpUrl: string): MailTransport {
	// Delivery holds a row lock and a pooled connection inside an open transaction,
	// so a stalled SMTP peer must fail in seconds, not hang for nodemailer's minutes-long defaults.
	const transporter = nodemailer.createTransport({
		url: smtpUrl,
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000,
	})
	return {
		channel: 'smtp',
		async send({ messageId, from, to, subject, html, text }) {
			await transporter.sendMail({ messageId, from, to, subject, html, text })
		},
	}
}

/**
 * For machines without SMTP: the message already lives in outbox_emails, so
 * "delivering" it only marks it delivered via 'mailbox', where /admin/mailbox shows it.
 */
export function createMailboxTransport(): MailTransport {
	return { channel: 'mailbox', async send() {} }
}

/** SMTP when `SMTP_URL` is set, otherwise the local mailbox. */
export function createTransportFromEnv(): MailTransport {
	const { SMTP_URL } = getEnv()
	return SMTP_URL ? createSmtpTransport(SMTP_URL) : createMailboxTransport()
}

/**
 * Sends up to `batchSize` due outbox messages and records each outcome.
 *
 * Each message is claimed with `FOR UPDATE SKIP LOCKED` in its own transaction
 * that stays open while it is sent and commits together with "sent", so
 * concurrent runners on other instances skip it instead of sending it twice.
 * Delivery is at-least-once: if the process dies mid-send, or the commit after
 * a successful send fails, the claim rolls back and the message stays pending
 * for a later run; its stable Message-ID lets the receiver drop the duplicate.
 * One transaction per message (not per batch) bounds that duplicate to the one
 * message in flight, and holds at most one row lock during a slow send.
 */
export async function deliverDueEmails({
	db,
	transport,
	now = new Date(),
	batchSize = 20,
	from = getEnv().MAIL_FROM,
}: {
	db: Database
	transport: MailTransport
	now?: Date
	batchSize?: number
	from?: string
}): Promise<DeliveryResult> {
	const result: DeliveryResult = { sent: 0, failed: 0, retried: 0 }
	for (let i = 0; i < batchSize; i++) {
		const outcome = await deliverNextDueEmail({ db, transport, now, from })
		if (!outcome) break
		result[outcome]++
	}
	return result
}

async function deliverNextDueEmail({
	db,
	transport,
	now,
	from,
}: {
	db: Database
	transport: MailTransport
	now: Date
	from: string
}) {
	return db.transaction(async (tx): Promise<keyof DeliveryResult | null> => {
		const [row] = await tx
			.select()
			.from(outboxEmails)
			.where(and(eq(outboxEmails.status, 'pending'), lte(outboxEmails.nextAttemptAt, now)))
			.orderBy(asc(outboxEmails.nextAttemptAt))
			.limit(1)
			.for('update', { skipLocked: true })
		if (!row) return null

		const attempts = row.attempts + 1
		let bodies: { html: string; text: string }
		try {
			// Rendered here, not when queued: see emails/registry.ts. A template that no
			// longer renders fails like a send would, and is retried, then marked failed.
			bodies = await outboxBodies(row)
			await transport.send({
				messageId: row.messageId,
				from,
				to: row.toAddress,
				subject: row.subject,
				...bodies,
			})
		} catch (error) {
			const plan = computeRetryPlan({ attempts, now })
			await tx
				.update(outboxEmails)
				.set({
					attempts,
					status: plan.status,
					lastError: describeError(error),
					...(plan.status === 'pending' ? { nextAttemptAt: plan.nextAttemptAt } : {}),
				})
				.where(eq(outboxEmails.id, row.id))
			logError('outbox.send_failed', error, {
				outboxEmailId: row.id,
				channel: transport.channel,
				attempts,
				status: plan.status,
			})
			return plan.status === 'failed' ? 'failed' : 'retried'
		}

		await tx
			.update(outboxEmails)
			// The bodies are kept as delivered, so the mailbox and any later reader see exactly what was sent.
			.set({ attempts, status: 'sent', deliveredVia: transport.channel, sentAt: now, ...bodies })
			.where(eq(outboxEmails.id, row.id))
		return 'sent'
	})
}

function describeError(error: unknown) {
	const message = error instanceof Error ? error.message : String(error)
	return message.slice(0, 1000)
}

/**
 * Polls the outbox every `intervalMs` until stopped. A run starts only after the
 * previous one finished, so one worker never races itself; other instances'
 * workers are kept apart by the row locks in `deliverDueEmails`.
 */
export function startOutboxWorker({
	db = getDb(),
	intervalMs = 2000,
	transport = createTransportFromEnv(),
}: {
	db?: Database
	intervalMs?: number
	transport?: MailTransport
} = {}): PeriodicJob {
	const batchSize = 20
	return startPeriodicJob({
		name: 'outbox',
		intervalMs,
		async run(isStopped) {
			let handled: number
			do {
				const result = await deliverDueEmails({ db, transport, batchSize })
				handled = result.sent + result.failed + result.retried
				if (handled > 0) logEvent('outbox.delivered', { channel: transport.channel, ...result })
				// A full batch means more may be due: drain now instead of waiting a whole interval.
			} while (!isStopped() && handled === batchSize)
		},
	})
}
