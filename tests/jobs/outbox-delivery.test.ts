import { randomUUID } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import { createElement } from 'react'
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest'
import {
	createMailboxTransport,
	createSmtpTransport,
	deliverDueEmails,
	type MailTransport,
	startOutboxWorker,
} from '#app/jobs/outbox-delivery.server.ts'
import { getMailboxMessage, listMailbox } from '#app/models/mailbox.server.ts'
import { type Database, getDb } from '#app/utils/db.server.ts'
import { sendEmail } from '#app/utils/email.server.ts'
import { createDatabase } from '#db/client.ts'
import { outboxEmails } from '#db/schema/index.ts'
import { UserInvitationEmail } from '#emails/user-invitation.tsx'
import { closedPort, type SmtpPeer, startSmtpPeer } from './smtp-peer.ts'

// Test files in one worker share a database, so every test uses its own
// recipients and asserts only on those; draining may also deliver other files' rows.
function uniqueAddress(label: string) {
	return `${label}-${randomUUID()}@example.test`
}

function invitation(inviteeName: string) {
	return createElement(UserInvitationEmail, {
		inviteeName,
		inviterName: 'Grace Hopper',
		roleLabel: 'buyer',
		acceptUrl: `https://procura.test/invitations/${randomUUID()}`,
		expiresAt: new Date('2026-03-03T23:30:00Z'),
	})
}

async function queue(db: Database, to: string, subject = `Invitation for ${to}`) {
	return db.transaction((tx) => sendEmail(tx, { to, subject, react: invitation(to) }))
}

/**
 * A clock reading for "now, after what was just queued": next_attempt_at defaults to PostgreSQL's
 * now(), which has microseconds, while a Date stops at the millisecond — a queue and a `new Date()`
 * in the same millisecond would find the email not yet due.
 */
const afterQueueing = () => new Date(Date.now() + 1)

/** Runs the job until a run finds nothing due, as the worker does between intervals. */
async function drain(
	db: Database,
	transport: MailTransport,
	{ now, batchSize }: { now?: Date; batchSize?: number } = {},
) {
	const total = { sent: 0, failed: 0, retried: 0 }
	for (;;) {
		const result = await deliverDueEmails({ db, transport, now: now ?? afterQueueing(), batchSize })
		if (result.sent + result.failed + result.retried === 0) return total
		total.sent += result.sent
		total.failed += result.failed
		total.retried += result.retried
	}
}

async function rowsTo(db: Database, addresses: string[]) {
	return db.select().from(outboxEmails).where(inArray(outboxEmails.toAddress, addresses))
}

/** An SMTP transport whose first send waits at a barrier shared with a partner runner. */
function sendAfterBarrier() {
	let arrive!: () => void
	const runner = {
		arrived: new Promise<void>((resolve) => (arrive = resolve)),
		/** Opens the barrier for the partner when this runner ends without sending, e.g. on an error. */
		release: () => arrive(),
		partner: Promise.resolve(),
		transport: {
			channel: 'smtp',
			async send(message) {
				arrive()
				await runner.partner
				await smtp.send(message)
			},
		} satisfies MailTransport,
	}
	return runner
}

let peer: SmtpPeer
let smtp: MailTransport
beforeAll(async () => {
	peer = await startSmtpPeer()
	smtp = createSmtpTransport(peer.url)
})
afterAll(async () => {
	await peer.close()
})

describe('deliverDueEmails over SMTP', () => {
	test('an email queued in a transaction that rolls back is never sent', async () => {
		const db = getDb()
		const to = uniqueAddress('rolled-back')
		await expect(
			db.transaction(async (tx) => {
				await sendEmail(tx, { to, subject: 'Never', react: invitation(to) })
				throw new Error('business rule failed after queueing')
			}),
		).rejects.toThrow('business rule failed')

		await drain(db, smtp)
		expect(await rowsTo(db, [to])).toEqual([])
		expect(peer.received(to)).toEqual([])
	})

	test('a queued email is delivered once with subject, recipient, bodies and Message-ID intact', async () => {
		const db = getDb()
		const to = uniqueAddress('once')
		const { id } = await queue(db, to, 'Welcome to Procura')
		const [queued] = await rowsTo(db, [to])
		expect(queued).toMatchObject({ id, status: 'pending', attempts: 0 })

		await drain(db, smtp)
		await drain(db, smtp)

		const [mail, ...extra] = peer.received(to)
		expect(extra).toEqual([])
		expect(mail?.to).toMatchObject({ value: [{ address: to }] })
		expect(mail?.subject).toBe('Welcome to Procura')
		expect(mail?.messageId).toBe(queued?.messageId)
		expect(mail?.from?.text).toContain('procura')
		expect(mail?.html?.toString().replaceAll('<!-- -->', '')).toContain(`Hello ${to}`)
		expect(mail?.text).toContain(`Hello ${to}`)
		expect(mail?.text).toContain('3 March 2026 at 23:30 UTC')

		const [delivered] = await rowsTo(db, [to])
		expect(delivered).toMatchObject({ status: 'sent', deliveredVia: 'smtp', attempts: 1, lastError: null })
		expect(delivered?.sentAt).toBeInstanceOf(Date)
	})

	test('two runners with separate pools deliver each of 30 emails exactly once', async () => {
		const url = process.env.DATABASE_URL!
		const runnerA = createDatabase(url, { max: 3 })
		const runnerB = createDatabase(url, { max: 3 })
		try {
			const addresses = Array.from({ length: 30 }, (_, i) => uniqueAddress(`race-${i}`))
			for (const to of addresses) await queue(getDb(), to)

			// Each runner's first send waits until the other runner also holds a
			// claimed row. Had one blocked on the other's locked row instead of
			// skipping it, this barrier would never open and the test would time out.
			const barrierA = sendAfterBarrier()
			const barrierB = sendAfterBarrier()
			barrierA.partner = barrierB.arrived
			barrierB.partner = barrierA.arrived

			const [a, b] = await Promise.all([
				drain(runnerA, barrierA.transport, { batchSize: 5 }).finally(barrierA.release),
				drain(runnerB, barrierB.transport, { batchSize: 5 }).finally(barrierB.release),
			])

			expect(a.sent).toBeGreaterThan(0)
			expect(b.sent).toBeGreaterThan(0)
			for (const to of addresses) expect(peer.received(to)).toHaveLength(1)
			const rows = await rowsTo(getDb(), addresses)
			expect(rows).toHaveLength(30)
			expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true)
		} finally {
			await Promise.all([runnerA.$client.end(), runnerB.$client.end()])
		}
	})

	test('the outbox survives a restart: queued by one pool, delivered by a fresh one', async () => {
		const url = process.env.DATABASE_URL!
		const addresses = [uniqueAddress('restart-a'), uniqueAddress('restart-b'), uniqueAddress('restart-c')]
		const before = createDatabase(url, { max: 2 })
		for (const to of addresses) await queue(before, to)
		await before.$client.end()

		const after = createDatabase(url, { max: 2 })
		try {
			await drain(after, smtp)
			for (const to of addresses) expect(peer.received(to)).toHaveLength(1)
			expect((await rowsTo(after, addresses)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent'])
		} finally {
			await after.$client.end()
		}
	})

	test('while the SMTP server is down the email is retried with backoff, then delivered', async () => {
		const db = getDb()
		const to = uniqueAddress('smtp-down')
		await queue(db, to)
		const down = createSmtpTransport(`smtp://127.0.0.1:${await closedPort()}`)
		const now = afterQueueing()
		const log = vi.spyOn(console, 'log').mockImplementation(() => {})

		const firstRun = await drain(db, down, { now })
		expect(firstRun.retried).toBeGreaterThan(0)
		const [afterFailure] = await rowsTo(db, [to])
		const failureLine = log.mock.calls
			.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>)
			.find((entry) => entry.outboxEmailId === afterFailure?.id)
		expect(failureLine).toMatchObject({
			level: 'error',
			event: 'outbox.send_failed',
			attempts: 1,
			status: 'pending',
		})
		// Recipient addresses are personal data and stay out of the logs.
		expect(JSON.stringify(failureLine)).not.toContain(to)
		expect(afterFailure).toMatchObject({ status: 'pending', attempts: 1, deliveredVia: null, sentAt: null })
		expect(afterFailure?.lastError).toMatch(/ECONNREFUSED|connect/i)
		expect(afterFailure?.nextAttemptAt.getTime()).toBe(now.getTime() + 30_000)

		// Not due yet: even a healthy server gets nothing before the backoff elapses.
		await drain(db, smtp, { now: new Date(now.getTime() + 29_000) })
		expect(peer.received(to)).toEqual([])

		await drain(db, smtp, { now: new Date(now.getTime() + 30_000) })
		expect(peer.received(to)).toHaveLength(1)
		const [delivered] = await rowsTo(db, [to])
		expect(delivered).toMatchObject({ status: 'sent', deliveredVia: 'smtp', attempts: 2 })
	})
})

describe('deliverDueEmails without SMTP', () => {
	test('gives up after eight failed attempts and marks the email failed', async () => {
		const db = getDb()
		const to = uniqueAddress('hopeless')
		await queue(db, to)
		const mailbox = createMailboxTransport()
		const rejecting: MailTransport = {
			channel: 'smtp',
			async send(message) {
				if (message.to === to) throw new Error('550 mailbox unavailable')
				await mailbox.send(message)
			},
		}

		vi.spyOn(console, 'log').mockImplementation(() => {})
		let now = afterQueueing()
		for (let attempt = 1; attempt <= 8; attempt++) {
			await drain(db, rejecting, { now })
			const [row] = await rowsTo(db, [to])
			expect(row?.attempts).toBe(attempt)
			if (row?.status === 'pending') now = row.nextAttemptAt
		}
		const [row] = await rowsTo(db, [to])
		expect(row).toMatchObject({ status: 'failed', attempts: 8, lastError: '550 mailbox unavailable' })

		await drain(db, rejecting, { now: new Date(now.getTime() + 24 * 3_600_000) })
		expect((await rowsTo(db, [to]))[0]?.attempts).toBe(8)
	})

	test('the mailbox transport marks the email delivered via mailbox, readable through the mailbox model', async () => {
		const db = getDb()
		const to = uniqueAddress('Mailbox')
		const { id } = await queue(db, to, 'Local delivery')

		await drain(db, createMailboxTransport())

		const [row] = await db.select().from(outboxEmails).where(eq(outboxEmails.id, id))
		expect(row).toMatchObject({ status: 'sent', deliveredVia: 'mailbox', attempts: 1 })

		const list = await listMailbox(db, { limit: 10, offset: 0, to: to.toUpperCase() })
		expect(list.total).toBe(1)
		expect(list.rows).toEqual([
			{
				id,
				toAddress: to,
				subject: 'Local delivery',
				status: 'sent',
				deliveredVia: 'mailbox',
				createdAt: expect.any(Date),
				sentAt: expect.any(Date),
			},
		])
		expect(await listMailbox(db, { limit: 10, offset: 0, to: '%' })).toMatchObject({
			total: 0,
			more: false,
			rows: [],
		})

		const message = await getMailboxMessage(db, { id })
		expect(message?.html).toContain('Accept invitation')
		expect(message?.text).toContain(`Hello ${to}`)
		expect(await getMailboxMessage(db, { id: randomUUID() })).toBeNull()
		expect(await getMailboxMessage(db, { id: 'not-a-uuid' })).toBeNull()
	})

	test('the worker polls the outbox until stopped', async () => {
		const db = getDb()
		const to = uniqueAddress('worker')
		const worker = startOutboxWorker({ db, intervalMs: 20, transport: createMailboxTransport() })
		try {
			await queue(db, to)
			await expect
				.poll(async () => (await rowsTo(db, [to]))[0]?.status, { timeout: 5_000, interval: 20 })
				.toBe('sent')
		} finally {
			await worker.stop()
		}
	})
})
