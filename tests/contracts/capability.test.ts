import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { counterProposal } from '#app/models/contract/counter-proposal.server.ts'
import { getContract } from '#app/models/contract/get-contract.server.ts'
import { supplierCapabilities } from '#db/schema/index.ts'
import { buildTerm } from '#tests/factories/contracts.ts'
import { auditActionsFor, createWorld, failure, proposeContract } from './world.ts'

const now = new Date('2026-03-02T09:00:00Z')

test('a supplier cannot offer terms for a class and category it has no capability for', async () => {
	const w = await createWorld()
	const { contractId, versionId, lockVersion } = await proposeContract(w)
	const auditBefore = await auditActionsFor(contractId)
	const counter = {
		actor: w.supplierActor,
		side: 'supplier' as const,
		contractId,
		supplierId: w.supplier.id,
		basedOnVersionId: versionId,
		expectedLockVersion: lockVersion,
		note: 'Adding urgent IT work.',
		now,
	}

	const error = await failure(
		counterProposal(w.db, {
			...counter,
			terms: [buildTerm(w.ids, 'bulk', 'data-entry'), buildTerm(w.ids, 'urgent', 'it-support')],
		}),
	)
	expect(error).toMatchObject({
		code: 'RULE_VIOLATION',
		field: 'terms.1.orderClassId',
		message: 'You have no capability for Urgent · IT support.',
	})
	const after = await getContract(w.db, { contractId })
	expect(after?.contract.lockVersion).toBe(lockVersion)
	expect(after?.versions).toHaveLength(1)
	expect(await auditActionsFor(contractId)).toEqual(auditBefore)

	// "Any category" needs the class in some category; a paused capability counts as none.
	await w.db
		.update(supplierCapabilities)
		.set({ pausedAt: now })
		.where(eq(supplierCapabilities.supplierId, w.supplier.id))
	const paused = await failure(counterProposal(w.db, { ...counter, terms: [buildTerm(w.ids, 'bulk', null)] }))
	expect(paused.message).toBe('You have no capability for Bulk · any category.')
	await w.db
		.update(supplierCapabilities)
		.set({ pausedAt: null })
		.where(eq(supplierCapabilities.supplierId, w.supplier.id))
	const { versionId: counterId } = await counterProposal(w.db, {
		...counter,
		terms: [buildTerm(w.ids, 'bulk', null)],
	})
	expect((await getContract(w.db, { contractId }))?.pendingVersion?.id).toBe(counterId)
})

test('the buyer’s terms are not limited by the supplier’s capabilities', async () => {
	const w = await createWorld({ capabilities: false })
	const { contractId } = await proposeContract(w, { terms: [buildTerm(w.ids, 'urgent', 'it-support')] })
	expect((await getContract(w.db, { contractId }))?.contract.status).toBe('negotiating')
})
