// Shared set-up for the contract integration tests: a fresh supplier with users and
// capabilities, a fresh buyer, and readers scoped to the rows a test created.
import { and, asc, eq, inArray, like } from 'drizzle-orm'
import { type ContractActor } from '#app/models/contract/contract-access.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { auditEvents, outboxEmails } from '#db/schema/index.ts'
import { insertCapability } from '#tests/factories/capabilities.ts'
import { referenceIds, type ReferenceIds } from '#tests/factories/contracts.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { type InsertedUser, insertUser } from '#tests/factories/users.ts'
import { enableFastPasswordHashingForTests } from '#app/utils/password.server.ts'

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
	return getDb()
		.select({ to: outboxEmails.toAddress, subject: outboxEmails.subject, text: outboxEmails.text })
		.from(outboxEmails)
		.where(and(like(outboxEmails.subject, `%${contractNumber}%`), inArray(outboxEmails.toAddress, addresses)))
		.orderBy(asc(outboxEmails.createdAt), asc(outboxEmails.toAddress))
}

/** The audit actions recorded for one contract, in order. */
export async function auditActionsFor(contractId: string) {
	const rows = await getDb()
		.select({ action: auditEvents.action })
		.from(auditEvents)
		.where(and(eq(auditEvents.entityType, 'contract'), eq(auditEvents.entityId, contractId)))
		.orderBy(asc(auditEvents.seq))
	return rows.map((r) => r.action)
}
