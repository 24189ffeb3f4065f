// Shared set-up for the contract integration tests: a fresh supplier with users and
// capabilities, a fresh buyer, and readers scoped to the rows a test created.
import { withBodies } from '#tests/utils/outbox.ts'
import { and, asc, eq, inArray, like } from 'drizzle-orm'
import { type TermInput } from '#app/domain/contracts/contract-terms.ts'
import { type ContractActor } from '#app/models/contract/contract-access.server.ts'
import { createContractDraft } from '#app/models/contract/create-contract.server.ts'
import { saveDraftTerms, sendProposal } from '#app/models/contract/draft-contract.server.ts'
import { type AppError, isAppError } from '#app/utils/app-error.ts'
import { getDb } from '#app/utils/db.server.ts'
import { auditEvents, outboxEmails } from '#db/schema/index.ts'
import { insertCapability } from '#tests/factories/capabilities.ts'
import { buildTerm, referenceIds, type ReferenceIds } from '#tests/factories/contracts.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { type InsertedUser, insertUser } from '#tests/factories/users.ts'
import { enableFastPasswordHashingForTests } from '#app/utils/password.server.ts'
import { chainAuditEvents } from '#app/models/audit-event.server.ts'

enableFastPasswordHashingForTests()

export function actorOf(user: InsertedUser): ContractActor {
	return { id: user.id, name: user.name, role: user.role, supplierId: user.supplierId }
}

export type World = Awaited<ReturnType<typeof createWorld>>

/**
 * A supplier with two users (one disabled, who must never get mail) and
 * capabilities for bulk × data entry and emergency × IT support; a buyer.
 */
export async function createWorld({ capabilities = true }: { capabilities?: boolean } = {}) {
	const db = getDb()
	const ids: ReferenceIds = await referenceIds(db)
	const supplier = await insertSupplier(db)
	const [supplierUser, colleague, disabled, buyer] = [
		await insertUser(db, { role: 'supplier', supplierId: supplier.id }),
		await insertUser(db, { role: 'supplier', supplierId: supplier.id }),
		await insertUser(db, {
			role: 'supplier',
			supplierId: supplier.id,
			disabledAt: new Date('2026-01-01T00:00:00Z'),
		}),
		await insertUser(db, { role: 'buyer' }),
	]
	if (capabilities) {
		await insertCapability(db, { supplierId: supplier.id, orderClassKey: 'bulk', categoryKey: 'data-entry' })
		await insertCapability(db, {
			supplierId: supplier.id,
			orderClassKey: 'emergency',
			categoryKey: 'it-support',
		})
		await insertCapability(db, {
			supplierId: supplier.id,
			orderClassKey: 'standard',
			categoryKey: 'accounting',
		})
	}
	return {
		db,
		ids,
		supplier,
		supplierUser,
		colleague,
		disabled,
		buyer,
		buyerActor: actorOf(buyer),
		supplierActor: actorOf(supplierUser),
	}
}

/** Emails queued for a contract (the number is in every subject), to these addresses only. */
export async function emailsFor(contractNumber: string, addresses: string[]) {
	const rows = await getDb()
		.select({
			to: outboxEmails.toAddress,
			subject: outboxEmails.subject,
			template: outboxEmails.template,
			props: outboxEmails.props,
			html: outboxEmails.html,
			text: outboxEmails.text,
		})
		.from(outboxEmails)
		.where(and(like(outboxEmails.subject, `%${contractNumber}%`), inArray(outboxEmails.toAddress, addresses)))
		.orderBy(asc(outboxEmails.createdAt), asc(outboxEmails.toAddress))
	return (await withBodies(rows)).map(({ to, subject, text }) => ({ to, subject, text }))
}

/** The audit actions recorded for one contract, in order. */
export async function auditActionsFor(contractId: string) {
	await chainAuditEvents(getDb())
	const rows = await getDb()
		.select({ action: auditEvents.action })
		.from(auditEvents)
		.where(and(eq(auditEvents.entityType, 'contract'), eq(auditEvents.entityId, contractId)))
		.orderBy(asc(auditEvents.seq))
	return rows.map((r) => r.action)
}

/** A contract whose buyer proposal waits for the supplier, made through the models. */
export async function proposeContract(
	w: World,
	{
		terms,
		startsOn = '2026-04-01',
		endsOn = '2027-03-31',
		now = new Date('2026-03-02T09:00:00Z'),
	}: { terms?: TermInput[]; startsOn?: string; endsOn?: string; now?: Date } = {},
) {
	const { contractId, number } = await createContractDraft(w.db, {
		actor: w.buyerActor,
		supplierId: w.supplier.id,
		title: 'Test contract',
		startsOn,
		endsOn,
		now,
	})
	await saveDraftTerms(w.db, {
		actor: w.buyerActor,
		contractId,
		expectedLockVersion: 1,
		terms: terms ?? [buildTerm(w.ids, 'bulk', 'data-entry'), buildTerm(w.ids, 'emergency', 'it-support')],
		now,
	})
	const { versionId, lockVersion } = await sendProposal(w.db, {
		actor: w.buyerActor,
		contractId,
		expectedLockVersion: 2,
		now,
	})
	return { contractId, number, versionId, lockVersion }
}

/** What a failed model call threw, for asserting on its code and fields. */
export async function failure(promise: Promise<unknown>): Promise<AppError> {
	try {
		await promise
	} catch (error) {
		if (isAppError(error)) return error
		throw error
	}
	throw new Error('Expected the call to fail')
}
