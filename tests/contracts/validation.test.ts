import { expect, test } from 'vitest'
import { counterProposal } from '#app/models/contract/counter-proposal.server.ts'
import { createContractDraft } from '#app/models/contract/create-contract.server.ts'
import { saveDraftTerms } from '#app/models/contract/draft-contract.server.ts'
import { getContract } from '#app/models/contract/get-contract.server.ts'
import { issuesByField } from '#app/utils/app-error.ts'
import { buildTerm } from '#tests/factories/contracts.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { auditActionsFor, createWorld, failure, proposeContract } from './world.ts'

const now = new Date('2026-03-02T09:00:00Z')

test('terms looser than the class policy come back per term index, and nothing is written', async () => {
	const w = await createWorld()
	const { contractId } = await createContractDraft(w.db, {
		actor: w.buyerActor,
		supplierId: w.supplier.id,
		title: 'Validation',
		startsOn: '2026-04-01',
		endsOn: '2026-12-31',
		now,
	})
	const error = await failure(
		saveDraftTerms(w.db, {
			actor: w.buyerActor,
			contractId,
			expectedLockVersion: 1,
			terms: [
				buildTerm(w.ids, 'standard', 'accounting'),
				// Standard allows 1,440 minutes to acknowledge: 1,441 is looser than the policy.
				buildTerm(w.ids, 'standard', null, { ackSlaMinutes: 1441 }),
				buildTerm(w.ids, 'bulk', 'data-entry', { priceTiers: [], unitPriceMinor: 900 }),
				buildTerm(w.ids, 'emergency', 'it-support', { guaranteed24x7: false, deliverySlaHours: 9 }),
				buildTerm(w.ids, 'standard', 'accounting'),
				buildTerm(w.ids, 'urgent', null, { orderClassId: '00000000-0000-4000-8000-000000000000' }),
			],
			now,
		}),
	)
	expect(error.code).toBe('RULE_VIOLATION')
	const byField = issuesByField(error)
	expect(Object.keys(byField).sort()).toEqual(
		[
			'terms.1.ackSlaMinutes',
			'terms.2.priceTiers',
			'terms.3.deliverySlaHours',
			'terms.3.guaranteed24x7',
			'terms.4.categoryId',
			'terms.5.orderClassId',
		].sort(),
	)
	expect(byField['terms.1.ackSlaMinutes']![0]).toContain('never looser')
	expect(byField['terms.4.categoryId']![0]).toBe('This version already has terms for Standard · Accounting.')
	expect(error.details).toBe(error.issues)
	expect(error.field).toBe('terms.1.ackSlaMinutes')

	const contract = await getContract(w.db, { contractId })
	expect(contract?.contract.lockVersion).toBe(1)
	expect(contract?.draftVersion?.terms).toEqual([])
	expect(await auditActionsFor(contractId)).toEqual(['contract.created'])
})

test('a counter-proposal is checked the same way and needs a note', async () => {
	const w = await createWorld()
	const { contractId, versionId, lockVersion } = await proposeContract(w)
	const counter = {
		actor: w.supplierActor,
		side: 'supplier' as const,
		contractId,
		supplierId: w.supplier.id,
		basedOnVersionId: versionId,
		expectedLockVersion: lockVersion,
		now,
	}
	const noNote = await failure(
		counterProposal(w.db, { ...counter, terms: [buildTerm(w.ids, 'bulk', 'data-entry')], note: ' ' }),
	)
	expect(noNote).toMatchObject({ code: 'RULE_VIOLATION', field: 'note' })

	const rising = buildTerm(w.ids, 'bulk', 'data-entry', {
		priceTiers: [
			{ minQuantity: 500, unitPriceMinor: 900 },
			{ minQuantity: 1000, unitPriceMinor: 950 },
		],
	})
	const error = await failure(
		counterProposal(w.db, { ...counter, terms: [rising], note: 'Higher tier, higher price.' }),
	)
	expect(Object.keys(issuesByField(error))).toEqual(['terms.0.priceTiers.1.unitPriceMinor'])
	const after = await getContract(w.db, { contractId })
	expect(after?.contract.lockVersion).toBe(lockVersion)
	expect(after?.versions).toHaveLength(1)
})

test('a draft needs a real supplier that is not blocked, a title and a period that ends after it starts', async () => {
	const w = await createWorld()
	const blocked = await insertSupplier(w.db, { status: 'blocked' })
	const draft = {
		actor: w.buyerActor,
		supplierId: w.supplier.id,
		title: 'Fine',
		startsOn: '2026-01-01',
		endsOn: '2026-12-31',
		now,
	}
	const cases = [
		[{ supplierId: blocked.id }, 'supplierId'],
		[{ supplierId: 'nope' }, 'supplierId'],
		[{ supplierId: '00000000-0000-4000-8000-000000000000' }, 'supplierId'],
		[{ title: ' x ' }, 'title'],
		[{ currency: 'EURO' }, 'currency'],
		[{ startsOn: '2026-02-30' }, 'startsOn'],
		[{ endsOn: '2025-12-31' }, 'endsOn'],
	] as const
	for (const [override, field] of cases) {
		expect(await failure(createContractDraft(w.db, { ...draft, ...override }))).toMatchObject({
			code: 'RULE_VIOLATION',
			field,
		})
	}
	expect((await failure(createContractDraft(w.db, { ...draft, actor: w.supplierActor }))).code).toBe(
		'FORBIDDEN',
	)
})

test('only the buyer edits a draft', async () => {
	const w = await createWorld()
	const { contractId } = await createContractDraft(w.db, {
		actor: w.buyerActor,
		supplierId: w.supplier.id,
		title: 'Buyer only',
		startsOn: '2026-01-01',
		endsOn: '2026-12-31',
		now,
	})
	const error = await failure(
		saveDraftTerms(w.db, { actor: w.supplierActor, contractId, expectedLockVersion: 1, terms: [], now }),
	)
	expect(error.code).toBe('FORBIDDEN')
})
