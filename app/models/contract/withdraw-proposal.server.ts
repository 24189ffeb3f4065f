import { eq } from 'drizzle-orm'
import {
	canWithdraw,
	nextStatus,
	revivesDraftOnWithdraw,
	type Side,
} from '#app/domain/contracts/negotiation.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import {
	answerVersion,
	assertAllowed,
	type ContractActor,
	insertDraftVersion,
	loadNegotiation,
	lockContract,
	requireSide,
} from './contract-access.server.ts'
import { insertTerms, readTerms } from './term-rows.server.ts'

const { contracts } = schema

export type WithdrawProposalInput = {
	actor: ContractActor
	side: Side
	contractId: string
	/** The session's supplier id when side is 'supplier'. */
	supplierId?: string | null
	versionId: string
	expectedLockVersion: number
	now?: Date
}

/**
 * The proposer takes back its own pending version. Before any agreement, a
 * buyer's withdrawal returns the contract to 'draft' with a new draft holding
 * the withdrawn terms to edit; a supplier's withdrawal of its counter leaves
 * the contract 'negotiating' with nothing pending (the buyer's earlier version
 * is not revived; the buyer starts a revision). An active contract stays active.
 */
export async function withdrawProposal(
	db: Executor,
	{
		actor,
		side,
		contractId,
		supplierId,
		versionId,
		expectedLockVersion,
		now = new Date(),
	}: WithdrawProposalInput,
): Promise<{ draftVersionId: string | null; lockVersion: number }> {
	const scope = requireSide(actor, side, supplierId)
	return db.transaction(async (tx) => {
		const contract = await lockContract(tx, { contractId, supplierId: scope, expectedLockVersion, now })
		const { state, pending, nextNumber } = await loadNegotiation(tx, contract)
		assertAllowed(canWithdraw(state, side, versionId))

		await answerVersion(tx, { versionId: pending!.id, status: 'withdrawn', actorId: actor.id, now })
		const status = nextStatus(state, { type: 'withdraw', side })
		await tx.update(contracts).set({ status }).where(eq(contracts.id, contract.id))
		let draftVersionId: string | null = null
		if (revivesDraftOnWithdraw(state, side)) {
			const draft = await insertDraftVersion(tx, {
				contractId: contract.id,
				number: nextNumber,
				proposedBy: 'buyer',
				proposedByUserId: actor.id,
				note: pending!.note,
				now,
			})
			await insertTerms(tx, draft.id, await readTerms(tx, pending!.id), now)
			draftVersionId = draft.id
		}

		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'contract.withdrawn',
			entityType: 'contract',
			entityId: contract.id,
			supplierId: contract.supplierId,
			before: { status: contract.status, pendingVersionId: pending!.id },
			after: { status, withdrawnVersionId: pending!.id, draftVersionId },
			occurredAt: now,
		})
		return { draftVersionId, lockVersion: contract.lockVersion }
	})
}
