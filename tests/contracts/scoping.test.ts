import { expect, test } from 'vitest'
import { acceptProposal } from '#app/models/contract/accept-proposal.server.ts'
import { counterProposal } from '#app/models/contract/counter-proposal.server.ts'
import { createContractDraft } from '#app/models/contract/create-contract.server.ts'
import { getContract } from '#app/models/contract/get-contract.server.ts'
import { listContracts } from '#app/models/contract/list-contracts.server.ts'
import { withdrawProposal } from '#app/models/contract/withdraw-proposal.server.ts'
import { buildTerm } from '#tests/factories/contracts.ts'
import { auditActionsFor, createWorld, failure, proposeContract } from './world.ts'

test('supplier A can neither see nor answer supplier B’s contract: NOT_FOUND, and nothing changes', async () => {
	const a = await createWorld()
	const b = await createWorld()
	const theirs = await proposeContract(b)
	const before = await getContract(b.db, { contractId: theirs.contractId })
	const auditBefore = await auditActionsFor(theirs.contractId)

	expect(await getContract(a.db, { contractId: theirs.contractId, supplierId: a.supplier.id })).toBeNull()
	const asA = {
		actor: a.supplierActor,
		side: 'supplier' as const,
		contractId: theirs.contractId,
		supplierId: a.supplier.id,
	}
	// Thunks, so each call starts only when awaited (no rejection goes unobserved).
	const attempts = [
		() =>
			counterProposal(a.db, {
				...asA,
				basedOnVersionId: theirs.versionId,
				expectedLockVersion: theirs.lockVersion,
				terms: [buildTerm(a.ids, 'bulk', 'data-entry')],
				note: 'Our terms instead.',
			}),
		() =>
			acceptProposal(a.db, { ...asA, versionId: theirs.versionId, expectedLockVersion: theirs.lockVersion }),
		() =>
			withdrawProposal(a.db, {
				...asA,
				versionId: theirs.versionId,
				expectedLockVersion: theirs.lockVersion,
			}),
	]
	for (const attempt of attempts) expect((await failure(attempt())).code).toBe('NOT_FOUND')

	expect(await getContract(b.db, { contractId: theirs.contractId })).toEqual(before)
	expect(await auditActionsFor(theirs.contractId)).toEqual(auditBefore)
	const { rows, total } = await listContracts(a.db, { supplierId: a.supplier.id, limit: 50, offset: 0 })
	expect(rows.map((r) => r.id)).not.toContain(theirs.contractId)
	expect(total).toBe(0)
})

test('a supplier acts only for the organisation in its session, and never as the buyer', async () => {
	const a = await createWorld()
	const b = await createWorld()
	const theirs = await proposeContract(b)
	const forged = { actor: a.supplierActor, contractId: theirs.contractId, versionId: theirs.versionId }
	expect(
		(
			await failure(
				acceptProposal(a.db, {
					...forged,
					side: 'supplier',
					supplierId: b.supplier.id,
					expectedLockVersion: theirs.lockVersion,
				}),
			)
		).code,
	).toBe('FORBIDDEN')
	expect(
		(
			await failure(
				acceptProposal(a.db, { ...forged, side: 'buyer', expectedLockVersion: theirs.lockVersion }),
			)
		).code,
	).toBe('FORBIDDEN')
	expect((await getContract(b.db, { contractId: theirs.contractId }))?.contract.lockVersion).toBe(
		theirs.lockVersion,
	)
})

test('malformed or unknown ids read as "no such contract", never as a database error', async () => {
	const w = await createWorld()
	expect(await getContract(w.db, { contractId: 'not-a-uuid' })).toBeNull()
	expect(await getContract(w.db, { contractId: '00000000-0000-4000-8000-000000000000' })).toBeNull()
	expect(
		await getContract(w.db, { contractId: '00000000-0000-4000-8000-000000000000', supplierId: 'nope' }),
	).toBeNull()
	expect(await listContracts(w.db, { supplierId: 'nope', limit: 10, offset: 0 })).toEqual({
		rows: [],
		total: 0,
	})
	const error = await failure(
		acceptProposal(w.db, {
			actor: w.buyerActor,
			side: 'buyer',
			contractId: 'not-a-uuid',
			versionId: 'x',
			expectedLockVersion: 1,
		}),
	)
	expect(error.code).toBe('NOT_FOUND')
})

test('the supplier never sees the buyer’s unsent draft', async () => {
	const w = await createWorld()
	const { contractId, lockVersion } = await proposeContract(w)
	const pending = (await getContract(w.db, { contractId }))!.pendingVersion!
	await withdrawProposal(w.db, {
		actor: w.buyerActor,
		side: 'buyer',
		contractId,
		versionId: pending.id,
		expectedLockVersion: lockVersion,
	})

	const buyerView = await getContract(w.db, { contractId })
	const supplierView = await getContract(w.db, { contractId, supplierId: w.supplier.id })
	expect(buyerView?.draftVersion).not.toBeNull()
	expect(supplierView?.draftVersion).toBeNull()
	expect(supplierView?.versions.map((v) => v.status)).toEqual(['withdrawn'])
	expect(supplierView?.state.draft).toBeNull()
})

test('a contract the buyer has not sent yet does not exist for the supplier', async () => {
	const w = await createWorld()
	const { contractId } = await createContractDraft(w.db, {
		actor: w.buyerActor,
		supplierId: w.supplier.id,
		title: 'Not sent yet',
		startsOn: '2026-04-01',
		endsOn: '2026-12-31',
	})
	expect(await getContract(w.db, { contractId, supplierId: w.supplier.id })).toBeNull()
	const forSupplier = await listContracts(w.db, {
		supplierId: w.supplier.id,
		visibleTo: 'supplier',
		limit: 10,
		offset: 0,
	})
	expect(forSupplier.total).toBe(0)
	const forBuyer = await listContracts(w.db, { supplierId: w.supplier.id, limit: 10, offset: 0 })
	expect(forBuyer.rows.map((r) => r.id)).toEqual([contractId])
})
