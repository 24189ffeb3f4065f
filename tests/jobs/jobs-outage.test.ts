// Background jobs across a database outage: the jobs' pool reaches the database through a relay
// the test cuts. Every job keeps running (logging a short line per failed run, retrying), nothing
// escapes as an unhandled rejection, and once the relay is back the work queued meanwhile is done.
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { createElement } from 'react'
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest'
import { startContractExpiryJob } from '#app/jobs/contract-expiry.server.ts'
import { startHousekeeping } from '#app/jobs/housekeeping.server.ts'
import { startOfferExpiryJob } from '#app/jobs/offer-expiry.server.ts'
import { createMailboxTransport, startOutboxWorker } from '#app/jobs/outbox-delivery.server.ts'
import { retryDelayMs, startPeriodicJob } from '#app/jobs/periodic-job.server.ts'
import { startScorecardJob } from '#app/jobs/scorecards.server.ts'
import { sendEmail } from '#app/utils/email.server.ts'
import { createDatabase } from '#db/client.ts'
import { outboxEmails } from '#db/schema/index.ts'
import { UserInvitationEmail } from '#emails/user-invitation.tsx'
import { createTestDatabase } from '#tests/setup/test-database.ts'
import { startTcpProxy } from '#tests/utils/tcp-proxy.ts'

type LogLine = Record<string, unknown> & { event?: string }

function logLines(): LogLine[] {
	return vi.mocked(console.log).mock.calls.flatMap(([line]) => {
		try {
			return [JSON.parse(String(line)) as LogLine]
		} catch {
			return []
		}
	})
}

beforeEach(() => {
	vi.spyOn(console, 'log').mockImplementation(() => {})
})

describe('every job through an outage', () => {
	test('keeps running, logs each failed run briefly, and delivers what was queued meanwhile', async () => {
		// A database of its own: the scorecard and contract jobs act on every row they find.
		const own = await createTestDatabase('jobs_outage')
		const direct = createDatabase(own.url, { max: 2 })
		const target = new URL(own.url)
		const relay = await startTcpProxy({ host: target.hostname, port: Number(target.port) })
		const relayed = new URL(target)
		relayed.host = `127.0.0.1:${relay.port}`
		const pool = createDatabase(relayed.toString(), { max: 3 })
		const unhandled: unknown[] = []
		const onUnhandled = (reason: unknown) => unhandled.push(reason)
		process.on('unhandledRejection', onUnhandled)
		const jobs = [
			startOutboxWorker({ db: pool, intervalMs: 50, transport: createMailboxTransport() }),
			startOfferExpiryJob({ db: pool, intervalMs: 50 }),
			startContractExpiryJob({ db: pool, intervalMs: 50 }),
			startHousekeeping({ db: pool, intervalMs: 50 }),
			startScorecardJob({ db: pool, intervalMs: 50 }),
		]
		try {
			await relay.cut()
			const to = `outage-${randomUUID()}@example.test`
			// Queued through a pool the relay does not stand in front of.
			const { id } = await direct.transaction((tx) =>
				sendEmail(tx, {
					to,
					subject: 'Queued during the outage',
					react: createElement(UserInvitationEmail, {
						inviteeName: to,
						inviterName: 'Grace Hopper',
						roleLabel: 'buyer',
						acceptUrl: 'https://procura.test/invitations/x',
						expiresAt: new Date('2031-03-03T23:30:00Z'),
					}),
				}),
			)
			const names = ['outbox', 'offer-expiry', 'contract-expiry', 'housekeeping', 'scorecards']
			// Each job fails at least twice, i.e. it was retried after its first failure.
			await expect
				.poll(
					() =>
						names.every(
							(name) => logLines().filter((l) => l.event === `${name}.database_unavailable`).length >= 2,
						),
					{ timeout: 15_000, interval: 50 },
				)
				.toBe(true)
			const failures = logLines().filter((l) => String(l.event).endsWith('.database_unavailable'))
			expect(failures[0]).toMatchObject({ level: 'warn', failedRuns: 1, retryInMs: 50 })
			expect(failures.every((l) => !('stack' in l))).toBe(true)
			expect(logLines().filter((l) => String(l.event).endsWith('.run_failed'))).toEqual([])

			await relay.restore()
			await expect
				.poll(
					async () => (await direct.select().from(outboxEmails).where(eq(outboxEmails.id, id)))[0]?.status,
					{ timeout: 15_000, interval: 50 },
				)
				.toBe('sent')
			await expect
				.poll(() => names.every((name) => logLines().some((l) => l.event === `${name}.recovered`)), {
					timeout: 15_000,
					interval: 50,
				})
				.toBe(true)
			expect(unhandled).toEqual([])
		} finally {
			process.off('unhandledRejection', onUnhandled)
			await Promise.all(jobs.map((job) => job.stop()))
			await pool.$client.end({ timeout: 1 })
			await direct.$client.end()
			await relay.close()
			await own.drop()
		}
	}, 60_000)
})

describe('a failed run', () => {
	afterEach(() => {
		vi.useRealTimers()
	})

	test('is retried after 1 s, 2 s, 4 s … and never later than the interval (30 s at most)', () => {
		expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, 3_600_000))).toEqual([
			1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
		])
		expect([1, 2, 3].map((n) => retryDelayMs(n, 2_000))).toEqual([1_000, 2_000, 2_000])
	})

	test('of an hourly job that fails for a reason other than the database is logged with its stack and retried within seconds', async () => {
		vi.useFakeTimers()
		let calls = 0
		const job = startPeriodicJob({
			name: 'flaky',
			intervalMs: 3_600_000,
			async run() {
				calls++
				if (calls <= 2) throw new Error(`boom ${calls}`)
			},
		})
		try {
			await vi.advanceTimersByTimeAsync(0)
			expect(calls).toBe(1)
			await vi.advanceTimersByTimeAsync(1_000)
			expect(calls).toBe(2)
			await vi.advanceTimersByTimeAsync(2_000)
			expect(calls).toBe(3)
			// Healthy again: back to the hourly rhythm.
			await vi.advanceTimersByTimeAsync(60_000)
			expect(calls).toBe(3)
			const lines = logLines()
			expect(lines.filter((l) => l.event === 'flaky.run_failed')).toEqual([
				expect.objectContaining({ level: 'error', error: 'boom 1', failedRuns: 1, retryInMs: 1_000 }),
				expect.objectContaining({ level: 'error', error: 'boom 2', failedRuns: 2, retryInMs: 2_000 }),
			])
			expect(lines.filter((l) => l.event === 'flaky.run_failed').every((l) => 'stack' in l)).toBe(true)
			expect(lines).toContainEqual(expect.objectContaining({ event: 'flaky.recovered', failedRuns: 2 }))
		} finally {
			await job.stop()
		}
	})
})
