import { eq, inArray } from 'drizzle-orm'
import { afterAll, expect, test } from 'vitest'
import { periodsOverlap } from '#app/domain/contracts/contract-period.ts'
import { acceptProposal } from '#app/models/contract/accept-proposal.server.ts'
import { getContract } from '#app/models/contract/get-contract.server.ts'
import { createDatabase } from '#db/client.ts'
import { contracts } from '#db/schema/index.ts'
import { buildTerm, insertContract } from '#tests/factories/contracts.ts'
import { auditActionsFor, createWorld, proposeContract, type World } from './world.ts'

const otherDb = createDatabase(process.env.DATABASE_URL!, { max: 2 })
afterAll(() => otherDb.$client.end())

async function activeContract(
	w: World,
	period: { startsOn: string; endsOn: string },
	supplierId = w.supplier.id,
) {
	return insertContract(w.db, {
		supplierId,
		...period,
		status: 'active',
		versions: [{ status: 'accepted', proposedBy: 'buyer', terms: [buildTerm(w.ids, 'standard', null)] }],
	})
}

function accept(
	w: World,
	p: { contractId: string; versionId: string; lockVersion: number },
	now: Date,
	db = w.db,
) {
	return acceptProposal(db, {
		actor: w.supplierActor,
		side: 'supplier',
		contractId: p.contractId,
		supplierId: w.supplier.id,
		versionId: p.versionId,
		expectedLockVersion: p.lockVersion,
		now,
	})
}

test('a newer contract accepted for an overlapping period ends the older one the day before it starts', async () => {
	const w = await createWorld()
	const older = await activeContract(w, { startsOn: '2026-01-01', endsOn: '2027-12-31' })
	const before = await activeContract(w, { startsOn: '2025-01-01', endsOn: '2025-12-31' }) // no overlap
	const otherSupplier = await createWorld()
	const elsewhere = await activeContract(otherSupplier, { startsOn: '2026-01-01', endsOn: '2027-12-31' })

	const newer = await proposeContract(w, { startsOn: '2026-07-01', endsOn: '2028-06-30' })
	const result = await accept(w, newer, new Date('2026-05-01T12:00:00Z'))
	expect(result.supersededContractIds).toEqual([older.id])

	const rows = await w.db
		.select()
		.from(contracts)
		.where(inArray(contracts.id, [older.id, before.id, elsewhere.id]))
	const byId = new Map(rows.map((r) => [r.id, r]))
	expect(byId.get(older.id)).toMatchObject({
		status: 'active',
		endsOn: '2026-06-30',
		supersededByContractId: newer.contractId,
		lockVersion: older.lockVersion + 1,
	})
	expect(byId.get(before.id)).toMatchObject({
		status: 'active',
		endsOn: '2025-12-31',
		supersededByContractId: null,
	})
	expect(byId.get(elsewhere.id)).toMatchObject({ status: 'active', endsOn: '2027-12-31' })
	expect(await auditActionsFor(older.id)).toEqual(['contract.superseded'])
})

test('an older contract whose new end date has already passed is expired at once', async () => {
	const w = await createWorld()
	const older = await activeContract(w, { startsOn: '2026-01-01', endsOn: '2027-12-31' })
	const newer = await proposeContract(w, { startsOn: '2026-03-01', endsOn: '2027-02-28' })
	await accept(w, newer, new Date('2026-05-01T12:00:00Z'))
	const [row] = await w.db.select().from(contracts).where(eq(contracts.id, older.id))
	expect(row).toMatchObject({
		status: 'expired',
		endsOn: '2026-02-28',
		supersededByContractId: newer.contractId,
	})
})

test('two contracts of one supplier accepted at once never both stay active for the same days', async () => {
	const w = await createWorld()
	const first = await proposeContract(w, { startsOn: '2026-06-01', endsOn: '2027-05-31' })
	const second = await proposeContract(w, { startsOn: '2026-09-01', endsOn: '2027-08-31' })
	const now = new Date('2026-05-01T12:00:00Z')
	const results = await Promise.allSettled([accept(w, first, now), accept(w, second, now, otherDb)])
	expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled'])

	const active = await w.db
		.select()
		.from(contracts)
		.where(inArray(contracts.id, [first.contractId, second.contractId]))
	const stillActive = active.filter((c) => c.status === 'active')
	for (const a of stillActive) {
		for (const b of stillActive) if (a.id !== b.id) expect(periodsOverlap(a, b)).toBe(false)
	}
	const binding = await Promise.all(active.map((c) => getContract(w.db, { contractId: c.id })))
	expect(binding.every((c) => c?.bindingVersion?.status === 'accepted')).toBe(true)
})
