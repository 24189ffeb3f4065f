import { and, asc, eq, gte, isNull, lt, lte, sql, type SQL } from 'drizzle-orm'
import { createElement } from 'react'
import { addDays, daysBetween, EXPIRY_WARNING_DAYS, utcDate } from '#app/domain/contracts/contract-period.ts'
import { nextStatus } from '#app/domain/contracts/negotiation.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { getSupplierName, withdrawPending } from '#app/models/contract/contract-access.server.ts'
import { notifySide } from '#app/models/contract/contract-notify.server.ts'
import { type Executor, getDb, schema, type Transaction } from '#app/utils/db.server.ts'
import { logEvent } from '#app/utils/log.server.ts'
import { ContractExpiredEmail, getContractExpiredSubject } from '#emails/contract-expired.tsx'
import { ContractExpiringSoonEmail, getContractExpiringSoonSubject } from '#emails/contract-expiring-soon.tsx'
import { startPeriodicJob, type PeriodicJob } from './periodic-job.server.ts'

const { contracts } = schema

type ContractRow = typeof contracts.$inferSelect
type RunOptions = { now?: Date; appUrl?: string }

const SYSTEM = { actorUserId: null, actorRole: 'system' } as const

/**
 * Expires active contracts whose end date has passed (UTC) and warns both sides
 * once about active contracts ending within 30 days. Each contract is claimed
 * in its own transaction with FOR UPDATE SKIP LOCKED, so several instances can
 * run this at once; a claimed contract's state changes, so a second run finds
 * nothing left to do.
 */
export async function runContractExpiry(
	db: Executor,
	{ now = new Date(), appUrl }: RunOptions = {},
): Promise<{ expired: number; warned: number }> {
	const today = utcDate(now)
	let expired = 0
	let warned = 0
	while (
		await claimOne(db, and(eq(contracts.status, 'active'), lt(contracts.endsOn, today))!, (tx, c) =>
			expire(tx, c, { now, appUrl }),
		)
	) {
		expired++
	}
	const warnable = and(
		eq(contracts.status, 'active'),
		isNull(contracts.expiryWarnedAt),
		gte(contracts.endsOn, today),
		lte(contracts.endsOn, addDays(today, EXPIRY_WARNING_DAYS)),
	)!
	while (await claimOne(db, warnable, (tx, c) => warn(tx, c, { now, appUrl }))) warned++
	return { expired, warned }
}

async function claimOne(
	db: Executor,
	where: SQL,
	handle: (tx: Transaction, contract: ContractRow) => Promise<void>,
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [contract] = await tx
			.select()
			.from(contracts)
			.where(where)
			.orderBy(asc(contracts.endsOn), asc(contracts.id))
			.limit(1)
			.for('update', { skipLocked: true })
		if (!contract) return false
		await handle(tx, contract)
		return true
	})
}

async function expire(
	tx: Transaction,
	contract: ContractRow,
	{ now, appUrl }: Required<Pick<RunOptions, 'now'>> & RunOptions,
) {
	const status = nextStatus(
		{ status: contract.status, hasBinding: contract.bindingVersionId !== null, pending: null, draft: null },
		{ type: 'expire' },
	)
	await tx
		.update(contracts)
		.set({ status, lockVersion: sql`${contracts.lockVersion} + 1`, updatedAt: now })
		.where(eq(contracts.id, contract.id))
	const withdrawn = await withdrawPending(tx, { contractId: contract.id, actorId: null, now })
	await recordAuditEvent(tx, {
		...SYSTEM,
		action: 'contract.expired',
		entityType: 'contract',
		entityId: contract.id,
		supplierId: contract.supplierId,
		before: { status: contract.status, endsOn: contract.endsOn },
		after: { status, withdrawnVersionIds: withdrawn.map((v) => v.id) },
		occurredAt: now,
	})
	const supplierName = await getSupplierName(tx, contract.supplierId)
	const facts = { contractNumber: contract.number, contractTitle: contract.title }
	for (const side of ['buyer', 'supplier'] as const) {
		await notifySide(tx, {
			side,
			supplierId: contract.supplierId,
			contractId: contract.id,
			appUrl,
			subject: getContractExpiredSubject(facts),
			render: (recipient, url) =>
				createElement(ContractExpiredEmail, {
					...facts,
					recipientName: recipient.name,
					supplierName,
					url,
					endsOn: contract.endsOn,
				}),
		})
	}
}

async function warn(
	tx: Transaction,
	contract: ContractRow,
	{ now, appUrl }: Required<Pick<RunOptions, 'now'>> & RunOptions,
) {
	await tx.update(contracts).set({ expiryWarnedAt: now, updatedAt: now }).where(eq(contracts.id, contract.id))
	const daysLeft = daysBetween(utcDate(now), contract.endsOn)
	await recordAuditEvent(tx, {
		...SYSTEM,
		action: 'contract.expiry_warned',
		entityType: 'contract',
		entityId: contract.id,
		supplierId: contract.supplierId,
		after: { endsOn: contract.endsOn, daysLeft },
		occurredAt: now,
	})
	const supplierName = await getSupplierName(tx, contract.supplierId)
	const facts = { contractNumber: contract.number, contractTitle: contract.title, endsOn: contract.endsOn }
	for (const side of ['buyer', 'supplier'] as const) {
		await notifySide(tx, {
			side,
			supplierId: contract.supplierId,
			contractId: contract.id,
			appUrl,
			subject: getContractExpiringSoonSubject(facts),
			render: (recipient, url) =>
				createElement(ContractExpiringSoonEmail, {
					...facts,
					recipientName: recipient.name,
					supplierName,
					url,
					daysLeft,
				}),
		})
	}
}

/** Runs the expiry job hourly; the date only changes daily, so an hour's delay is harmless. */
export function startContractExpiryJob({
	db = getDb(),
	intervalMs = 60 * 60 * 1000,
}: { db?: Executor; intervalMs?: number } = {}): PeriodicJob {
	return startPeriodicJob({
		name: 'contract-expiry',
		intervalMs,
		async run() {
			const result = await runContractExpiry(db, { now: new Date() })
			if (result.expired + result.warned > 0) logEvent('contracts.expiry', result)
		},
	})
}
