import { and, eq } from 'drizzle-orm'
import { afterAll, expect, test } from 'vitest'
import { acceptProposal } from '#app/models/contract/accept-proposal.server.ts'
import { getContract } from '#app/models/contract/get-contract.server.ts'
import { isAppError } from '#app/utils/app-error.ts'
import { createDatabase } from '#db/client.ts'
import { contractVersions } from '#db/schema/index.ts'
import { auditActionsFor, createWorld, emailsFor, failure, proposeContract } from './world.ts'

// A second pool: each accept runs on its own connection, as two app instances would.
const otherDb = createDatabase(process.env.DATABASE_URL!, { max: 2 })
afterAll(() => otherDb.$client.end())

const now = new Date('2026-03-03T09:00:00Z')

test('two concurrent accepts of the same pending version: exactly one wins, the other gets CONFLICT', async () => {
	const w = await createWorld()
	const { contractId, number, versionId, lockVersion } = await proposeContract(w)
	const accept = (db: typeof otherDb) =>
		acceptProposal(db, {
			actor: w.supplierActor,
			side: 'supplier',
			contractId,
			supplierId: w.supplier.id,
			versionId,
			expectedLockVersion: lockVersion,
			now,
		})

	const results = await Promise.allSettled([accept(w.db), accept(otherDb)])
	const won = results.filter((r) => r.status === 'fulfilled')
	const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
	expect(won).toHaveLength(1)
	expect(lost).toHaveLength(1)
	expect(isAppError(lost[0], 'CONFLICT')).toBe(true)
	expect((lost[0] as Error).message).toBe(
		'This contract changed while you were looking at it — reload to see the latest version',
	)

	// A late caller with the version it saw before the accept is turned away too.
	const stale = await failure(accept(w.db))
	expect(stale.code).toBe('CONFLICT')

	const contract = (await getContract(w.db, { contractId }))!
	expect(contract.contract.status).toBe('active')
	expect(contract.contract.bindingVersionId).toBe(versionId)
	expect(contract.contract.lockVersion).toBe(lockVersion + 1)
	const accepted = await w.db
		.select({ id: contractVersions.id })
		.from(contractVersions)
		.where(and(eq(contractVersions.contractId, contractId), eq(contractVersions.status, 'accepted')))
	expect(accepted).toEqual([{ id: versionId }])
	expect((await auditActionsFor(contractId)).filter((a) => a === 'contract.accepted')).toHaveLength(1)
	expect(
		(await emailsFor(number, [w.buyer.email])).filter((e) => e.subject.includes('accepted')),
	).toHaveLength(1)
})
