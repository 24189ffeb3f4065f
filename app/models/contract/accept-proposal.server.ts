import { and, eq, gte, lte, ne, sql } from 'drizzle-orm'
import { createElement } from 'react'
import { supersedeOutcome, utcDate } from '#app/domain/contracts/contract-period.ts'
import { canAccept, nextStatus, type Side } from '#app/domain/contracts/negotiation.ts'
import { recordAuditEvent, type NewAuditEvent } from '#app/models/audit-event.server.ts'
import { type Executor, schema, type Transaction } from '#app/utils/db.server.ts'
import { ContractAcceptedEmail, getContractAcceptedSubject } from '#emails/contract-accepted.tsx'
import {
	answerVersion,
	assertAllowed,
	type ContractActor,
	type ContractRow,
	getContractSupplierId,
	getSupplierName,
	loadNegotiation,
	lockContract,
	requireSide,
	withdrawPending,
} from './contract-access.server.ts'
import { BUYER_ORGANISATION, notifySide, otherSide } from './contract-notify.server.ts'

const { contracts, contractVersions } = schema

export type AcceptProposalInput = {
	actor: ContractActor
	side: Side
	contractId: string
	/** The session's supplier id when side is 'supplier'. */
	supplierId?: string | null
	versionId: string
	expectedLockVersion: number
	now?: Date
	appUrl?: string
}

/**
 * Accepts the other side's pending version: it becomes the binding one (the
 * previous binding version is superseded) and the contract is active. Another
 * active contract of the same supplier whose period overlaps is superseded at
 * this one's start date. The proposer's side gets an email.
 *
 * Concurrency: the optimistic lock lets exactly one of two accepts of the same
 * state win (the other gets CONFLICT); a per-supplier advisory lock, taken
 * before any row lock, keeps two contracts of one supplier from both becoming
 * active for the same days.
 */
export async function acceptProposal(
	db: Executor,
	{
		actor,
		side,
		contractId,
		supplierId,
		versionId,
		expectedLockVersion,
		now = new Date(),
		appUrl,
	}: AcceptProposalInput,
): Promise<{ versionId: string; lockVersion: number; supersededContractIds: string[] }> {
	const scope = requireSide(actor, side, supplierId)
	return db.transaction(async (tx) => {
		const contractSupplierId = await getContractSupplierId(tx, { contractId, supplierId: scope })
		await tx.execute(
			sql`select pg_advisory_xact_lock(hashtext(${`contracts:supplier:${contractSupplierId}`}))`,
		)
		const contract = await lockContract(tx, { contractId, supplierId: scope, expectedLockVersion, now })
		const { state, pending } = await loadNegotiation(tx, contract)
		const today = utcDate(now)
		assertAllowed(canAccept(state, side, versionId, { periodEnded: contract.endsOn < today }))

		await answerVersion(tx, { versionId: pending!.id, status: 'accepted', actorId: actor.id, now })
		if (contract.bindingVersionId) {
			await tx
				.update(contractVersions)
				.set({ status: 'superseded' })
				.where(
					and(eq(contractVersions.id, contract.bindingVersionId), eq(contractVersions.status, 'accepted')),
				)
		}
		const status = nextStatus(state, { type: 'accept' })
		await tx
			.update(contracts)
			.set({ status, bindingVersionId: pending!.id })
			.where(eq(contracts.id, contract.id))
		// Every row lock is taken before the first audit event: the audit chain's lock is
		// held to commit, and waiting for a row while holding it could deadlock another writer.
		const superseded = await supersedeOverlapping(tx, { contract, actor, today, now })

		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'contract.accepted',
			entityType: 'contract',
			entityId: contract.id,
			supplierId: contract.supplierId,
			before: { status: contract.status, bindingVersionId: contract.bindingVersionId },
			after: { status, bindingVersionId: pending!.id, versionNumber: pending!.number },
			occurredAt: now,
		})
		for (const event of superseded) await recordAuditEvent(tx, event)

		const supplierName = await getSupplierName(tx, contract.supplierId)
		const facts = { contractNumber: contract.number, contractTitle: contract.title }
		await notifySide(tx, {
			side: otherSide(side),
			supplierId: contract.supplierId,
			contractId: contract.id,
			appUrl,
			subject: getContractAcceptedSubject(facts),
			render: (recipient, url) =>
				createElement(ContractAcceptedEmail, {
					...facts,
					recipientName: recipient.name,
					supplierName,
					url,
					acceptorName: actor.name,
					acceptorOrganisation: side === 'supplier' ? supplierName : BUYER_ORGANISATION,
					versionNumber: pending!.number,
					startsOn: contract.startsOn,
					endsOn: contract.endsOn,
				}),
		})
		return {
			versionId: pending!.id,
			lockVersion: contract.lockVersion,
			supersededContractIds: superseded.map((e) => e.entityId),
		}
	})
}

/**
 * Ends the supplier's other active contracts that overlap `contract` on the day
 * before it starts (expired at once if that day has passed; terminated if the
 * new one starts before the old one began). Returns their audit events, for the
 * caller to record after all row locks are held.
 */
async function supersedeOverlapping(
	tx: Transaction,
	{ contract, actor, today, now }: { contract: ContractRow; actor: ContractActor; today: string; now: Date },
): Promise<NewAuditEvent[]> {
	const overlapping = await tx
		.select()
		.from(contracts)
		.where(
			and(
				eq(contracts.supplierId, contract.supplierId),
				eq(contracts.status, 'active'),
				ne(contracts.id, contract.id),
				lte(contracts.startsOn, contract.endsOn),
				gte(contracts.endsOn, contract.startsOn),
			),
		)
		.for('update')
	const events: NewAuditEvent[] = []
	for (const older of overlapping) {
		const outcome = supersedeOutcome({ older, newerStartsOn: contract.startsOn, today })
		await tx
			.update(contracts)
			.set({
				status: outcome.status,
				endsOn: outcome.endsOn,
				supersededByContractId: contract.id,
				lockVersion: sql`${contracts.lockVersion} + 1`,
				updatedAt: now,
				...(outcome.status === 'terminated'
					? { terminatedAt: now, terminationReason: `Superseded by ${contract.number} before it started.` }
					: {}),
			})
			.where(eq(contracts.id, older.id))
		if (outcome.status !== 'active')
			await withdrawPending(tx, { contractId: older.id, actorId: actor.id, now })
		events.push({
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'contract.superseded',
			entityType: 'contract',
			entityId: older.id,
			supplierId: older.supplierId,
			before: { status: older.status, endsOn: older.endsOn },
			after: { status: outcome.status, endsOn: outcome.endsOn, supersededByContractId: contract.id },
			occurredAt: now,
		})
	}
	return events
}
