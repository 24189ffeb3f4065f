import { expect, test } from 'vitest'
import { counterProposal } from '#app/models/contract/counter-proposal.server.ts'
import { listContracts } from '#app/models/contract/list-contracts.server.ts'
import { buildTerm, insertContract } from '#tests/factories/contracts.ts'
import { createWorld, proposeContract } from './world.ts'

test('the list filters by supplier, status, class, expiry window and search, and shows who must answer', async () => {
	const w = await createWorld()
	const title = `Listing ${w.supplier.id.slice(0, 8)}`
	const waitingForSupplier = await proposeContract(w, { terms: [buildTerm(w.ids, 'urgent', null)] })
	const waitingForBuyer = await proposeContract(w)
	await counterProposal(w.db, {
		actor: w.supplierActor,
		side: 'supplier',
		contractId: waitingForBuyer.contractId,
		supplierId: w.supplier.id,
		basedOnVersionId: waitingForBuyer.versionId,
		expectedLockVersion: waitingForBuyer.lockVersion,
		terms: [buildTerm(w.ids, 'bulk', 'data-entry')],
		note: 'Bulk only.',
	})
	const endingSoon = await insertContract(w.db, {
		supplierId: w.supplier.id,
		title,
		startsOn: '2025-06-01',
		endsOn: '2026-03-20',
		status: 'active',
		versions: [{ status: 'accepted', terms: [buildTerm(w.ids, 'standard', 'accounting')] }],
	})
	const now = new Date('2026-03-02T09:00:00Z')
	const list = (filter: Partial<Parameters<typeof listContracts>[1]>) =>
		listContracts(w.db, { supplierId: w.supplier.id, limit: 50, offset: 0, now, ...filter })

	const all = await list({})
	expect(all.total).toBe(3)
	const byId = new Map(all.rows.map((r) => [r.id, r]))
	expect(byId.get(waitingForSupplier.contractId)).toMatchObject({
		pendingProposalBy: 'buyer',
		classNames: ['Urgent'],
		supplierName: w.supplier.name,
	})
	expect(byId.get(waitingForBuyer.contractId)).toMatchObject({
		pendingProposalBy: 'supplier',
		classNames: ['Bulk'],
	})
	expect(byId.get(endingSoon.id)).toMatchObject({
		pendingProposalBy: null,
		classNames: ['Standard'],
		status: 'active',
	})

	expect((await list({ status: 'active' })).rows.map((r) => r.id)).toEqual([endingSoon.id])
	expect((await list({ orderClassId: w.ids.classes.bulk })).rows.map((r) => r.id)).toEqual([
		waitingForBuyer.contractId,
	])
	expect((await list({ expiringWithinDays: 30 })).rows.map((r) => r.id)).toEqual([endingSoon.id])
	expect((await list({ expiringWithinDays: 7 })).total).toBe(0)
	expect((await list({ search: title.toUpperCase() })).rows.map((r) => r.id)).toEqual([endingSoon.id])
	expect((await list({ search: waitingForBuyer.number })).rows.map((r) => r.id)).toEqual([
		waitingForBuyer.contractId,
	])
	expect((await list({ search: '100%_' })).total).toBe(0)
	expect((await list({ orderClassId: 'nope' })).total).toBe(0)

	const page = await listContracts(w.db, { supplierId: w.supplier.id, limit: 2, offset: 2, now })
	expect(page).toMatchObject({ total: 3 })
	expect(page.rows).toHaveLength(1)
})
