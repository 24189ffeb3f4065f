import { createElement } from 'react'
import { eq } from 'drizzle-orm'
import { type TermInput } from '#app/domain/contracts/contract-terms.ts'
import { canEditDraft, canPropose, canStartRevision, nextStatus } from '#app/domain/contracts/negotiation.ts'
import { describeTermChanges } from '#app/domain/contracts/terms-diff.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import {
	ContractProposalReceivedEmail,
	getContractProposalReceivedSubject,
} from '#emails/contract-proposal-received.tsx'
import {
	assertAllowed,
	type ContractActor,
	getSupplierName,
	insertDraftVersion,
	loadNegotiation,
	lockContract,
	previousProposed,
	requireBuyer,
} from './contract-access.server.ts'
import { notifySide } from './contract-notify.server.ts'
import { checkTerms, deleteTerms, insertTerms, readTerms } from './term-rows.server.ts'

const { contracts, contractVersions } = schema

export const MAX_NOTE_LENGTH = 1000

type Change = { actor: ContractActor; contractId: string; expectedLockVersion: number; now?: Date }

/**
 * Replaces every term of the buyer's draft version (and its note). Each term is
 * checked against its class's current policy first; any problem → one
 * RULE_VIOLATION with the issues per term index, and nothing is written.
 */
export async function saveDraftTerms(
	db: Executor,
	{
		actor,
		contractId,
		expectedLockVersion,
		terms,
		note = '',
		now = new Date(),
	}: Change & { terms: TermInput[]; note?: string },
): Promise<{ versionId: string; lockVersion: number }> {
	requireBuyer(actor)
	const cleanNote = note.trim()
	if (cleanNote.length > MAX_NOTE_LENGTH) {
		throw new AppError('RULE_VIOLATION', {
			message: `Keep the note under ${MAX_NOTE_LENGTH} characters.`,
			field: 'note',
		})
	}
	return db.transaction(async (tx) => {
		const contract = await lockContract(tx, { contractId, expectedLockVersion, now })
		const { state, draft } = await loadNegotiation(tx, contract)
		assertAllowed(canEditDraft(state, 'buyer'))
		await checkTerms(tx, { terms, side: 'buyer', supplierId: contract.supplierId })

		await deleteTerms(tx, draft!.id)
		await insertTerms(tx, draft!.id, terms, now)
		await tx.update(contractVersions).set({ note: cleanNote }).where(eq(contractVersions.id, draft!.id))
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'contract.draft_saved',
			entityType: 'contract',
			entityId: contract.id,
			supplierId: contract.supplierId,
			after: { versionId: draft!.id, versionNumber: draft!.number, termCount: terms.length },
			occurredAt: now,
		})
		return { versionId: draft!.id, lockVersion: contract.lockVersion }
	})
}

/**
 * Sends the buyer's draft to the supplier: the version becomes 'proposed' and
 * from then on never changes. The contract is 'negotiating' (or stays 'active'
 * when this renegotiates agreed terms, which stay in force meanwhile). Every
 * active user of the supplier gets an email.
 */
export async function sendProposal(
	db: Executor,
	{ actor, contractId, expectedLockVersion, now = new Date(), appUrl }: Change & { appUrl?: string },
): Promise<{ versionId: string; lockVersion: number }> {
	requireBuyer(actor)
	return db.transaction(async (tx) => {
		const contract = await lockContract(tx, { contractId, expectedLockVersion, now })
		const { state, draft, versions } = await loadNegotiation(tx, contract)
		assertAllowed(canEditDraft(state, 'buyer'))
		const terms = await readTerms(tx, draft!.id)
		assertAllowed(canPropose(state, 'buyer', { termCount: terms.length }))
		// Policies may have tightened since the draft was saved: what is sent must hold today.
		await checkTerms(tx, { terms, side: 'buyer', supplierId: contract.supplierId })

		const status = nextStatus(state, { type: 'propose' })
		await tx
			.update(contractVersions)
			.set({ status: 'proposed', proposedAt: now, proposedByUserId: actor.id })
			.where(eq(contractVersions.id, draft!.id))
		await tx.update(contracts).set({ status }).where(eq(contracts.id, contract.id))

		const previous = previousProposed(versions, draft!.number)
		const changes = previous
			? describeTermChanges(await readTerms(tx, previous.id), terms, contract.currency)
			: []
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'contract.proposed',
			entityType: 'contract',
			entityId: contract.id,
			supplierId: contract.supplierId,
			before: { status: contract.status },
			after: { status, versionId: draft!.id, versionNumber: draft!.number, termCount: terms.length, changes },
			occurredAt: now,
		})
		const supplierName = await getSupplierName(tx, contract.supplierId)
		const facts = { contractNumber: contract.number, contractTitle: contract.title }
		await notifySide(tx, {
			side: 'supplier',
			supplierId: contract.supplierId,
			contractId: contract.id,
			appUrl,
			subject: getContractProposalReceivedSubject(facts),
			render: (recipient, url) =>
				createElement(ContractProposalReceivedEmail, {
					...facts,
					recipientName: recipient.name,
					supplierName,
					url,
					proposerName: actor.name,
					startsOn: contract.startsOn,
					endsOn: contract.endsOn,
					termCount: terms.length,
					note: draft!.note,
					changes,
				}),
		})
		return { versionId: draft!.id, lockVersion: contract.lockVersion }
	})
}

/**
 * Opens a new buyer draft when nothing is pending or drafted, starting from the
 * binding terms (or, before any agreement, the latest version's terms).
 */
export async function startRevision(
	db: Executor,
	{ actor, contractId, expectedLockVersion, now = new Date() }: Change,
): Promise<{ versionId: string; lockVersion: number }> {
	requireBuyer(actor)
	return db.transaction(async (tx) => {
		const contract = await lockContract(tx, { contractId, expectedLockVersion, now })
		const { state, versions, nextNumber } = await loadNegotiation(tx, contract)
		assertAllowed(canStartRevision(state, 'buyer'))

		const source = versions.find((v) => v.id === contract.bindingVersionId) ?? versions.at(-1) ?? null
		const version = await insertDraftVersion(tx, {
			contractId: contract.id,
			number: nextNumber,
			proposedBy: 'buyer',
			proposedByUserId: actor.id,
			note: '',
			now,
		})
		const terms = source ? await readTerms(tx, source.id) : []
		await insertTerms(tx, version.id, terms, now)
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'contract.draft_saved',
			entityType: 'contract',
			entityId: contract.id,
			supplierId: contract.supplierId,
			after: {
				versionId: version.id,
				versionNumber: version.number,
				copiedFromVersionId: source?.id ?? null,
				termCount: terms.length,
			},
			occurredAt: now,
		})
		return { versionId: version.id, lockVersion: contract.lockVersion }
	})
}
