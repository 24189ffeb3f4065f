import { eq, inArray } from 'drizzle-orm'
import { afterAll, expect, test } from 'vitest'
import { runContractExpiry } from '#app/jobs/contract-expiry.server.ts'
import { createDatabase } from '#db/client.ts'
import { contracts, contractVersions } from '#db/schema/index.ts'
import { buildTerm, insertContract } from '#tests/factories/contracts.ts'
import { auditActionsFor, createWorld, emailsFor, type World } from './world.ts'

const otherDb = createDatabase(process.env.DATABASE_URL!, { max: 2 })
afterAll(() => otherDb.$client.end())

function activeUntil(w: World, endsOn: string, extra: Parameters<typeof insertContract>[1]['versions'] = []) {
	return insertContract(w.db, {
		supplierId: w.supplier.id,
		number: `CT-X${Math.random().toString(36).slice(2, 10)}`,
		startsOn: '2025-07-01',
		endsOn,
		status: 'active',
		versions: [{ status: 'accepted', terms: [buildTerm(w.ids, 'standard', null)] }, ...extra],
	})
}

test('the expiry job warns once 30 days ahead, expires after the end date, is idempotent and tells both sides', async () => {
	const w = await createWorld()
	const people = [w.buyer.email, w.supplierUser.email, w.colleague.email, w.disabled.email]
	const endingSoon = await activeUntil(w, '2026-07-01') // 30 days after 1 June
	const ended = await activeUntil(w, '2026-05-31', [
		{
			status: 'proposed',
			proposedBy: 'buyer',
			terms: [buildTerm(w.ids, 'standard', null, { unitPriceMinor: 4000 })],
		},
	])
	const later = await activeUntil(w, '2026-07-02') // 31 days: not yet

	const june1 = new Date('2026-06-01T06:00:00Z')
	const first = await runContractExpiry(w.db, { now: june1, appUrl: 'https://procura.test' })
	expect(first.expired).toBeGreaterThanOrEqual(1)
	expect(first.warned).toBeGreaterThanOrEqual(1)

	const rows = async () =>
		new Map(
			(
				await w.db
					.select()
					.from(contracts)
					.where(inArray(contracts.id, [endingSoon.id, ended.id, later.id]))
			).map((r) => [r.id, r]),
		)
	let byId = await rows()
	expect(byId.get(ended.id)).toMatchObject({ status: 'expired', lockVersion: ended.lockVersion + 1 })
	expect(byId.get(endingSoon.id)).toMatchObject({ status: 'active', expiryWarnedAt: june1 })
	expect(byId.get(later.id)).toMatchObject({ status: 'active', expiryWarnedAt: null })
	// A proposal still pending on an expired contract can never be answered: it is withdrawn.
	const [pending] = await w.db
		.select({ status: contractVersions.status })
		.from(contractVersions)
		.where(eq(contractVersions.id, ended.versionIds[1]!))
	expect(pending?.status).toBe('withdrawn')

	const expiredMail = await emailsFor(ended.number, people)
	expect(expiredMail.map((e) => e.to).sort()).toEqual(
		[w.buyer.email, w.supplierUser.email, w.colleague.email].sort(),
	)
	expect(expiredMail.every((e) => e.subject.startsWith(`Contract ${ended.number} has expired`))).toBe(true)
	expect(expiredMail.find((e) => e.to === w.buyer.email)?.text).toContain(
		`https://procura.test/buyer/contracts/${ended.id}`,
	)
	expect(expiredMail.find((e) => e.to === w.supplierUser.email)?.text).toContain(
		`https://procura.test/supplier/contracts/${ended.id}`,
	)
	const warning = await emailsFor(endingSoon.number, people)
	expect(warning).toHaveLength(3)
	expect(warning[0]?.text).toContain('(in 30 days)')

	// The same run again, and a run a fortnight later, change nothing and send nothing.
	await runContractExpiry(w.db, { now: june1 })
	await runContractExpiry(w.db, { now: new Date('2026-06-15T06:00:00Z') })
	expect(await emailsFor(ended.number, people)).toHaveLength(3)
	expect(await emailsFor(endingSoon.number, people)).toHaveLength(3)
	byId = await rows()
	expect(byId.get(ended.id)?.lockVersion).toBe(ended.lockVersion + 1)
	expect(await auditActionsFor(ended.id)).toEqual(['contract.expired'])
	expect(await auditActionsFor(endingSoon.id)).toEqual(['contract.expiry_warned'])

	// After its end date the warned contract expires, without a second warning.
	await runContractExpiry(w.db, { now: new Date('2026-07-02T00:30:00Z') })
	byId = await rows()
	expect(byId.get(endingSoon.id)?.status).toBe('expired')
	expect(await auditActionsFor(endingSoon.id)).toEqual(['contract.expiry_warned', 'contract.expired'])
	expect((await emailsFor(endingSoon.number, people)).map((e) => e.subject.split(' ')[2])).toEqual([
		'ends',
		'ends',
		'ends',
		'has',
		'has',
		'has',
	])
})

test('two instances running the job at once expire each contract exactly once', async () => {
	const w = await createWorld()
	const batch = await Promise.all(
		['2026-04-30', '2026-05-01', '2026-05-02', '2026-05-03'].map((d) => activeUntil(w, d)),
	)
	const now = new Date('2026-05-20T06:00:00Z')
	await Promise.all([runContractExpiry(w.db, { now }), runContractExpiry(otherDb, { now })])
	for (const c of batch) expect(await auditActionsFor(c.id)).toEqual(['contract.expired'])
	for (const c of batch) expect(await emailsFor(c.number, [w.buyer.email])).toHaveLength(1)
})
