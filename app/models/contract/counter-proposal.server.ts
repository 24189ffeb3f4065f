import { eq } from 'drizzle-orm'
import { createElement } from 'react'
import { type TermInput } from '#app/domain/contracts/contract-terms.ts'
import { canCounter, nextStatus, type Side } from '#app/domain/contracts/negotiation.ts'
import { describeTermChanges } from '#app/domain/contracts/terms-diff.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import {
	ContractCounterReceivedEmail,
	getContractCounterReceivedSubject,
} from '#emails/contract-counter-received.tsx'
import {
	answerVersion,
	assertAllowed,
	type ContractActor,
	getSupplierName,
	insertDraftVersion,
	loadNegotiation,
	lockContract,
	requireSide,
} from './contract-access.server.ts'
import { BUYER_ORGANISATION, notifySide, otherSide } from './contract-notify.server.ts'
import { MAX_NOTE_LENGTH } from './draft-contract.server.ts'
import { checkTerms, insertTerms, readTerms } from './term-rows.server.ts'

const { contracts, contractVersions } = schema

export type CounterProposalInput = {
	actor: ContractActor
	side: Side
	contractId: string
	/** The session's supplier id when side is 'supplier'. */
	supplierId?: string | null
	basedOnVersionId: string
	expectedLockVersion: number
	terms: TermInput[]
	/** Why: required, 3 to 1000 characters. */
	note: string
	now?: Date
	appUrl?: string
}

/**
 * Answers the other side's pending version with different terms: that version
 * becomes 'countered' and a new version with these terms is proposed in the
 * same transaction. A supplier may only offer terms it has a capability for.
 * The other side gets an email with what changed.
 */
export async function counterProposal(
	db: Executor,
	{
		actor,
		side,
		contractId,
		supplierId,
		basedOnVersionId,
		expectedLockVersion,
		terms,
		note,
		now = new Date(),
		appUrl,
	}: CounterProposalInput,
): Promise<{ versionId: string; lockVersion: number }> {
	const scope = requireSide(actor, side, supplierId)
	const cleanNote = note.trim()
	if (cleanNote.length < 3 || cleanNote.length > MAX_NOTE_LENGTH) {
		throw new AppError('RULE_VIOLATION', {
			message: `Explain your counter-proposal in 3 to ${MAX_NOTE_LENGTH} characters.`,
			field: 'note',
		})
	}

	return db.transaction(async (tx) => {
		const contract = await lockContract(tx, { contractId, supplierId: scope, expectedLockVersion, now })
		const { state, pending, nextNumber } = await loadNegotiation(tx, contract)
		assertAllowed(canCounter(state, side, basedOnVersionId))
		const named = await checkTerms(tx, { terms, side, supplierId: contract.supplierId })

		await answerVersion(tx, { versionId: pending!.id, status: 'countered', actorId: actor.id, now })
		const version = await insertDraftVersion(tx, {
			contractId: contract.id,
			number: nextNumber,
			proposedBy: side,
			proposedByUserId: actor.id,
			note: cleanNote,
			now,
		})
		await insertTerms(tx, version.id, terms, now)
		// Proposed in the same transaction: nobody ever sees this version as a draft.
		await tx
			.update(contractVersions)
			.set({ status: 'proposed', proposedAt: now })
			.where(eq(contractVersions.id, version.id))
		const status = nextStatus(state, { type: 'counter' })
		await tx.update(contracts).set({ status }).where(eq(contracts.id, contract.id))

		const changes = describeTermChanges(await readTerms(tx, pending!.id), named, contract.currency)
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'contract.countered',
			entityType: 'contract',
			entityId: contract.id,
			supplierId: contract.supplierId,
			before: { status: contract.status, pendingVersionId: pending!.id },
			after: {
				status,
				versionId: version.id,
				versionNumber: version.number,
				basedOnVersionId: pending!.id,
				changes,
			},
			occurredAt: now,
		})

		const supplierName = await getSupplierName(tx, contract.supplierId)
		const facts = { contractNumber: contract.number, contractTitle: contract.title }
		await notifySide(tx, {
			side: otherSide(side),
			supplierId: contract.supplierId,
			contractId: contract.id,
			appUrl,
			subject: getContractCounterReceivedSubject(facts),
			render: (recipient, url) =>
				createElement(ContractCounterReceivedEmail, {
					...facts,
					recipientName: recipient.name,
					supplierName,
					url,
					counterName: actor.name,
					counterOrganisation: side === 'supplier' ? supplierName : BUYER_ORGANISATION,
					versionNumber: version.number,
					note: cleanNote,
					changes,
				}),
		})
		return { versionId: version.id, lockVersion: contract.lockVersion }
	})
}
