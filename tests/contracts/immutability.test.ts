import { eq, sql } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { saveDraftTerms } from '#app/models/contract/draft-contract.server.ts'
import { getContract } from '#app/models/contract/get-contract.server.ts'
import { contractTerms } from '#db/schema/index.ts'
import { buildTerm } from '#tests/factories/contracts.ts'
import { createWorld, failure, proposeContract } from './world.ts'

/** The PostgreSQL error behind a failed query (drizzle wraps it as `cause`). */
async function databaseError(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
	try {
		await promise
	} catch (error) {
		const cause = (error as { cause?: unknown }).cause ?? error
		return cause as { code?: string; message: string }
	}
	throw new Error('Expected the statement to fail')
}

test('a proposed version’s terms cannot be changed through the app: the model refuses and writes nothing', async () => {
	const w = await createWorld()
	const { contractId, versionId, lockVersion } = await proposeContract(w)
	const before = await getContract(w.db, { contractId })

	const error = await failure(
		saveDraftTerms(w.db, {
			actor: w.buyerActor,
			contractId,
			expectedLockVersion: lockVersion,
			terms: [buildTerm(w.ids, 'standard', null)],
			now: new Date('2026-03-03T09:00:00Z'),
		}),
	)
	expect(error.code).toBe('RULE_VIOLATION')
	expect(error.message).toContain('a sent proposal never changes')

	const after = await getContract(w.db, { contractId })
	expect(after?.contract.lockVersion).toBe(lockVersion)
	expect(after?.versions).toEqual(before?.versions)
	expect(after?.pendingVersion?.id).toBe(versionId)
})

test('a proposed version’s terms cannot be changed by SQL either: the database trigger refuses', async () => {
	const w = await createWorld()
	const { contractId, versionId } = await proposeContract(w)
	const [term] = await w.db.select().from(contractTerms).where(eq(contractTerms.contractVersionId, versionId))

	const update = await databaseError(
		w.db.execute(sql`update contract_terms set ack_sla_minutes = 1 where contract_version_id = ${versionId}`),
	)
	expect(update.code).toBe('42501')
	expect(update.message).toMatch(/immutable once proposed/)

	const insert = await databaseError(
		w.db
			.insert(contractTerms)
			.values({ ...buildTerm(w.ids, 'standard', null), contractVersionId: versionId }),
	)
	expect(insert.code).toBe('42501')
	const remove = await databaseError(
		w.db.delete(contractTerms).where(eq(contractTerms.contractVersionId, versionId)),
	)
	expect(remove.code).toBe('42501')
	const note = await databaseError(
		w.db.execute(sql`update contract_versions set note = 'rewritten' where id = ${versionId}`),
	)
	expect(note.code).toBe('42501')
	const backToDraft = await databaseError(
		w.db.execute(sql`update contract_versions set status = 'draft' where id = ${versionId}`),
	)
	expect(backToDraft.code).toBe('23514')

	const [unchanged] = await w.db.select().from(contractTerms).where(eq(contractTerms.id, term!.id))
	expect(unchanged).toEqual(term)
	expect((await getContract(w.db, { contractId }))?.pendingVersion?.terms).toHaveLength(2)
})
