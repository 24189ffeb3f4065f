import { expect, test } from 'vitest'
import { acceptProposal } from '#app/models/contract/accept-proposal.server.ts'
import { counterProposal } from '#app/models/contract/counter-proposal.server.ts'
import { saveDraftTerms, sendProposal, startRevision } from '#app/models/contract/draft-contract.server.ts'
import { getContract } from '#app/models/contract/get-contract.server.ts'
import { terminateContract } from '#app/models/contract/terminate-contract.server.ts'
import { withdrawProposal } from '#app/models/contract/withdraw-proposal.server.ts'
import { createContractDraft } from '#app/models/contract/create-contract.server.ts'
import { buildTerm } from '#tests/factories/contracts.ts'
import { auditActionsFor, createWorld, emailsFor, failure, proposeContract, type World } from './world.ts'

const now = new Date('2026-03-04T09:00:00Z')

async function read(w: World, contractId: string) {
	return (await getContract(w.db, { contractId }))!
}

test('a buyer withdrawing before any agreement gets a draft back with the withdrawn terms', async () => {
	const w = await createWorld()
	const p = await proposeContract(w)
	const result = await withdrawProposal(w.db, {
		actor: w.buyerActor,
		side: 'buyer',
		contractId: p.contractId,
		versionId: p.versionId,
		expectedLockVersion: p.lockVersion,
		now,
	})
	const c = await read(w, p.contractId)
	expect(c.contract.status).toBe('draft')
	expect(c.pendingVersion).toBeNull()
	expect(c.draftVersion?.id).toBe(result.draftVersionId)
	expect(c.draftVersion?.terms.map(({ id: _id, ...t }) => t)).toEqual(
		c.versions[0]!.terms.map(({ id: _id, ...t }) => t),
	)
	expect(c.draftVersion?.changes).toEqual([])
	expect(c.versions.map((v) => v.status)).toEqual(['withdrawn', 'draft'])
})

test('a supplier withdrawing its counter leaves nothing pending; the buyer starts a revision from the latest terms', async () => {
	const w = await createWorld()
	const p = await proposeContract(w)
	const lower = buildTerm(w.ids, 'bulk', 'data-entry', {
		priceTiers: [
			{ minQuantity: 500, unitPriceMinor: 1100 },
			{ minQuantity: 2000, unitPriceMinor: 1000 },
		],
	})
	const counter = await counterProposal(w.db, {
		actor: w.supplierActor,
		side: 'supplier',
		contractId: p.contractId,
		supplierId: w.supplier.id,
		basedOnVersionId: p.versionId,
		expectedLockVersion: p.lockVersion,
		terms: [lower],
		note: 'Bulk only, cheaper.',
		now,
	})
	// The proposer cannot accept its own version.
	const own = await failure(
		acceptProposal(w.db, {
			actor: w.supplierActor,
			side: 'supplier',
			contractId: p.contractId,
			supplierId: w.supplier.id,
			versionId: counter.versionId,
			expectedLockVersion: counter.lockVersion,
		}),
	)
	expect(own.code).toBe('FORBIDDEN')
	const withdrawn = await withdrawProposal(w.db, {
		actor: w.supplierActor,
		side: 'supplier',
		contractId: p.contractId,
		supplierId: w.supplier.id,
		versionId: counter.versionId,
		expectedLockVersion: counter.lockVersion,
		now,
	})
	expect(withdrawn.draftVersionId).toBeNull()
	let c = await read(w, p.contractId)
	expect(c.contract.status).toBe('negotiating')
	expect(c.versions.map((v) => v.status)).toEqual(['countered', 'withdrawn'])
	expect(c.versions[1]!.changes).toContain('Removed Emergency · IT support')

	const revision = await startRevision(w.db, {
		actor: w.buyerActor,
		contractId: p.contractId,
		expectedLockVersion: withdrawn.lockVersion,
		now,
	})
	c = await read(w, p.contractId)
	expect(c.draftVersion).toMatchObject({ id: revision.versionId, number: 3, proposedBy: 'buyer' })
	expect(c.draftVersion?.terms.map((t) => t.priceTiers)).toEqual([lower.priceTiers])
})

test('renegotiating an active contract keeps the binding terms in force until the new version is accepted', async () => {
	const w = await createWorld()
	const p = await proposeContract(w)
	const accepted = await acceptProposal(w.db, {
		actor: w.supplierActor,
		side: 'supplier',
		contractId: p.contractId,
		supplierId: w.supplier.id,
		versionId: p.versionId,
		expectedLockVersion: p.lockVersion,
		now,
	})
	const revision = await startRevision(w.db, {
		actor: w.buyerActor,
		contractId: p.contractId,
		expectedLockVersion: accepted.lockVersion,
		now,
	})
	const emergencyFaster = buildTerm(w.ids, 'emergency', 'it-support', { ackSlaMinutes: 15 })
	const saved = await saveDraftTerms(w.db, {
		actor: w.buyerActor,
		contractId: p.contractId,
		expectedLockVersion: revision.lockVersion,
		terms: [buildTerm(w.ids, 'bulk', 'data-entry'), emergencyFaster],
		now,
	})
	const sent = await sendProposal(w.db, {
		actor: w.buyerActor,
		contractId: p.contractId,
		expectedLockVersion: saved.lockVersion,
		now,
	})
	let c = await read(w, p.contractId)
	expect(c.contract.status).toBe('active')
	expect(c.contract.bindingVersionId).toBe(p.versionId)
	expect(c.pendingVersion?.changes).toEqual(['Emergency · IT support: acknowledgement SLA 20 min → 15 min'])
	const proposalMail = (await emailsFor(p.number, [w.supplierUser.email])).filter((e) =>
		e.subject.startsWith('New contract proposal'),
	)
	expect(proposalMail.at(-1)?.text).toContain('Emergency · IT support: acknowledgement SLA 20 min → 15 min')

	await acceptProposal(w.db, {
		actor: w.supplierActor,
		side: 'supplier',
		contractId: p.contractId,
		supplierId: w.supplier.id,
		versionId: sent.versionId,
		expectedLockVersion: sent.lockVersion,
		now,
	})
	c = await read(w, p.contractId)
	expect(c.contract.bindingVersionId).toBe(sent.versionId)
	expect(c.versions.map((v) => v.status)).toEqual(['superseded', 'accepted'])
})

test('terminating withdraws what is pending, records the reason and tells the supplier', async () => {
	const w = await createWorld()
	const p = await proposeContract(w)
	const short = await failure(
		terminateContract(w.db, {
			actor: w.buyerActor,
			contractId: p.contractId,
			reason: 'no',
			expectedLockVersion: p.lockVersion,
		}),
	)
	expect(short).toMatchObject({ code: 'RULE_VIOLATION', field: 'reason' })
	await terminateContract(w.db, {
		actor: w.buyerActor,
		contractId: p.contractId,
		reason: 'Service moved in-house.',
		expectedLockVersion: p.lockVersion,
		now,
	})
	const c = await read(w, p.contractId)
	expect(c.contract).toMatchObject({
		status: 'terminated',
		terminationReason: 'Service moved in-house.',
		terminatedAt: now,
	})
	expect(c.versions.map((v) => v.status)).toEqual(['withdrawn'])
	const mail = (await emailsFor(p.number, [w.supplierUser.email])).filter((e) =>
		e.subject.includes('terminated'),
	)
	expect(mail).toHaveLength(1)
	expect(mail[0]?.text).toContain('Service moved in-house.')
	expect((await auditActionsFor(p.contractId)).at(-1)).toBe('contract.terminated')

	// Nothing more can happen to it.
	const again = await failure(
		startRevision(w.db, {
			actor: w.buyerActor,
			contractId: p.contractId,
			expectedLockVersion: c.contract.lockVersion,
		}),
	)
	expect(again.code).toBe('RULE_VIOLATION')
})

test('a draft the supplier never saw is terminated without an email; an empty draft cannot be sent', async () => {
	const w = await createWorld()
	const { contractId, number } = await createContractDraft(w.db, {
		actor: w.buyerActor,
		supplierId: w.supplier.id,
		title: 'Never sent',
		startsOn: '2026-04-01',
		endsOn: '2026-12-31',
		now,
	})
	const empty = await failure(
		sendProposal(w.db, { actor: w.buyerActor, contractId, expectedLockVersion: 1, now }),
	)
	expect(empty).toMatchObject({ code: 'RULE_VIOLATION', field: 'terms' })
	await terminateContract(w.db, {
		actor: w.buyerActor,
		contractId,
		reason: 'Changed our mind.',
		expectedLockVersion: 1,
		now,
	})
	expect(await emailsFor(number, [w.supplierUser.email, w.colleague.email])).toEqual([])
})
