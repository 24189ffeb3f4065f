import { expect, test } from 'vitest'
import { priceFor } from '#app/domain/pricing/price-for.ts'
import { acceptProposal } from '#app/models/contract/accept-proposal.server.ts'
import { counterProposal } from '#app/models/contract/counter-proposal.server.ts'
import { createContractDraft } from '#app/models/contract/create-contract.server.ts'
import { saveDraftTerms, sendProposal } from '#app/models/contract/draft-contract.server.ts'
import { getContract } from '#app/models/contract/get-contract.server.ts'
import { listContracts } from '#app/models/contract/list-contracts.server.ts'
import { buildTerm } from '#tests/factories/contracts.ts'
import { auditActionsFor, createWorld, emailsFor } from './world.ts'

const now = new Date('2026-03-02T09:00:00Z')

test('buyer drafts and sends, supplier counters with a lower tier price, buyer accepts: the supplier’s terms bind', async () => {
	const w = await createWorld()
	const { contractId, number } = await createContractDraft(w.db, {
		actor: w.buyerActor,
		supplierId: w.supplier.id,
		title: 'Data entry and IT emergencies 2026',
		currency: 'EUR',
		startsOn: '2026-04-01',
		endsOn: '2027-03-31',
		now,
	})
	expect(number).toMatch(/^CT-2026-\d{4}$/)

	const bulk = buildTerm(w.ids, 'bulk', 'data-entry', {
		priceTiers: [
			{ minQuantity: 500, unitPriceMinor: 1000 },
			{ minQuantity: 1000, unitPriceMinor: 900 },
		],
	})
	const emergency = buildTerm(w.ids, 'emergency', 'it-support')
	const saved = await saveDraftTerms(w.db, {
		actor: w.buyerActor,
		contractId,
		expectedLockVersion: 1,
		terms: [bulk, emergency],
		note: 'Volume pricing for data entry; 24x7 IT emergencies.',
		now,
	})
	expect(saved.lockVersion).toBe(2)
	const sent = await sendProposal(w.db, { actor: w.buyerActor, contractId, expectedLockVersion: 2, now })

	// The supplier sees the buyer's proposal waiting for it, and answers it.
	const forSupplier = await getContract(w.db, { contractId, supplierId: w.supplier.id })
	expect(forSupplier?.contract.status).toBe('negotiating')
	expect(forSupplier?.pendingVersion).toMatchObject({
		id: sent.versionId,
		proposedBy: 'buyer',
		status: 'proposed',
	})
	const lowerTier = { ...bulk, priceTiers: [bulk.priceTiers[0]!, { minQuantity: 1000, unitPriceMinor: 850 }] }
	const countered = await counterProposal(w.db, {
		actor: w.supplierActor,
		side: 'supplier',
		contractId,
		supplierId: w.supplier.id,
		basedOnVersionId: sent.versionId,
		expectedLockVersion: forSupplier!.contract.lockVersion,
		terms: [lowerTier, emergency],
		note: 'We can go lower from 1,000 units.',
		now,
	})

	const forBuyer = await getContract(w.db, { contractId })
	expect(forBuyer?.pendingVersion?.proposedBy).toBe('supplier')
	await acceptProposal(w.db, {
		actor: w.buyerActor,
		side: 'buyer',
		contractId,
		versionId: countered.versionId,
		expectedLockVersion: forBuyer!.contract.lockVersion,
		now,
	})

	const done = (await getContract(w.db, { contractId }))!
	expect(done.contract.status).toBe('active')
	expect(done.contract.bindingVersionId).toBe(countered.versionId)
	expect(done.bindingVersion).toMatchObject({ number: 2, proposedBy: 'supplier', status: 'accepted' })
	expect(done.bindingVersion?.proposedByName).toBe(w.supplierUser.name)
	expect(done.bindingVersion?.respondedByName).toBe(w.buyer.name)
	expect(done.pendingVersion).toBeNull()
	expect(done.versions.map((v) => [v.number, v.proposedBy, v.status])).toEqual([
		[1, 'buyer', 'countered'],
		[2, 'supplier', 'accepted'],
	])
	expect(done.versions[0]!.changes).toEqual([])
	expect(done.versions[1]!.changes).toEqual(['Bulk · Data entry: tier from 1,000 units €9.00 → €8.50'])
	expect(done.versions[1]!.note).toBe('We can go lower from 1,000 units.')

	// The binding tier prices orders: 1,500 units = 999 × €10.00 + 501 × €8.50 (graduated).
	const binding = done.bindingVersion!.terms.find((t) => t.orderClassKey === 'bulk')!
	expect(binding).toMatchObject({ orderClassName: 'Bulk', categoryName: 'Data entry' })
	const quote = priceFor({ ...binding, currency: 'EUR' }, 1500, { name: 'Bulk', minQuantity: 500 })
	expect(quote.ok && quote.tierApplied).toEqual({ minQuantity: 1000, unitPriceMinor: 850 })
	expect(quote.ok && quote.totalMinor).toBe(999 * 1000 + 501 * 850)

	const { rows } = await listContracts(w.db, { supplierId: w.supplier.id, limit: 10, offset: 0, now })
	expect(rows).toEqual([
		expect.objectContaining({
			id: contractId,
			status: 'active',
			pendingProposalBy: null,
			classNames: ['Emergency', 'Bulk'],
		}),
	])

	const supplierPeople = [w.supplierUser.email, w.colleague.email]
	const emails = await emailsFor(number, [...supplierPeople, w.disabled.email, w.buyer.email])
	expect(emails.map((e) => [e.to, e.subject.split(' ').slice(0, 2).join(' ')])).toEqual([
		...[...supplierPeople].sort().map((to) => [to, 'New contract']),
		[w.buyer.email, 'Counter-proposal on'],
		...[...supplierPeople].sort().map((to) => [to, `Contract ${number}`]),
	])
	const counterEmail = emails.find((e) => e.to === w.buyer.email)!
	expect(counterEmail.text).toContain('Bulk · Data entry: tier from 1,000 units €9.00 → €8.50')
	expect(counterEmail.text).toContain(`/buyer/contracts/${contractId}`)

	expect(await auditActionsFor(contractId)).toEqual([
		'contract.created',
		'contract.draft_saved',
		'contract.proposed',
		'contract.countered',
		'contract.accepted',
	])
})
