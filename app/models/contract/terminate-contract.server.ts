import { eq } from 'drizzle-orm'
import { createElement } from 'react'
import { canTerminate, nextStatus } from '#app/domain/contracts/negotiation.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { ContractTerminatedEmail, getContractTerminatedSubject } from '#emails/contract-terminated.tsx'
import {
	assertAllowed,
	type ContractActor,
	getSupplierName,
	loadNegotiation,
	lockContract,
	requireBuyer,
	withdrawPending,
} from './contract-access.server.ts'
import { notifySide } from './contract-notify.server.ts'

const { contracts } = schema

export type TerminateContractInput = {
	actor: ContractActor
	contractId: string
	/** Shown to the supplier: 5 to 500 characters. */
	reason: string
	expectedLockVersion: number
	now?: Date
	appUrl?: string
}

/**
 * The buyer ends a draft, negotiating or active contract with a reason; a
 * pending version is withdrawn. The supplier's users are told, unless the
 * contract never left the buyer's drafts.
 */
export async function terminateContract(
	db: Executor,
	{ actor, contractId, reason, expectedLockVersion, now = new Date(), appUrl }: TerminateContractInput,
): Promise<{ lockVersion: number }> {
	requireBuyer(actor)
	const cleanReason = reason.trim()
	if (cleanReason.length < 5 || cleanReason.length > 500) {
		throw new AppError('RULE_VIOLATION', {
			message: 'Give a reason of 5 to 500 characters.',
			field: 'reason',
		})
	}
	return db.transaction(async (tx) => {
		const contract = await lockContract(tx, { contractId, expectedLockVersion, now })
		const { state, versions } = await loadNegotiation(tx, contract)
		assertAllowed(canTerminate(state, 'buyer'))

		const withdrawn = await withdrawPending(tx, { contractId: contract.id, actorId: actor.id, now })
		const status = nextStatus(state, { type: 'terminate' })
		await tx
			.update(contracts)
			.set({ status, terminatedAt: now, terminationReason: cleanReason })
			.where(eq(contracts.id, contract.id))
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'contract.terminated',
			entityType: 'contract',
			entityId: contract.id,
			supplierId: contract.supplierId,
			before: { status: contract.status },
			after: { status, reason: cleanReason, withdrawnVersionIds: withdrawn.map((v) => v.id) },
			occurredAt: now,
		})

		if (versions.some((v) => v.status !== 'draft')) {
			const supplierName = await getSupplierName(tx, contract.supplierId)
			const facts = { contractNumber: contract.number, contractTitle: contract.title }
			await notifySide(tx, {
				side: 'supplier',
				supplierId: contract.supplierId,
				contractId: contract.id,
				appUrl,
				subject: getContractTerminatedSubject(facts),
				render: (recipient, url) =>
					createElement(ContractTerminatedEmail, {
						...facts,
						recipientName: recipient.name,
						supplierName,
						url,
						terminatedByName: actor.name,
						terminatedAt: now,
						reason: cleanReason,
					}),
			})
		}
		return { lockVersion: contract.lockVersion }
	})
}
