import { expect, test } from 'vitest'
import { counterProposal } from '#app/models/contract/counter-proposal.server.ts'
import { loader as buyerDashboardLoader } from '#app/routes/buyer+/_index.tsx'
import { loader as supplierDashboardLoader } from '#app/routes/supplier+/_index.tsx'
import { createWorld, proposeContract } from '#tests/contracts/world.ts'
import { buildTerm } from '#tests/factories/contracts.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'

test('a buyer proposal shows on its own supplier’s dashboard only; a counter counts on the buyer’s', async () => {
	const w = await createWorld()
	const other = await createWorld()
	const { contractId, number, versionId, lockVersion } = await proposeContract(w, {
		terms: [buildTerm(w.ids, 'bulk', 'data-entry')],
	})

	const mine = await callRoute(
		supplierDashboardLoader,
		buildRequest('/supplier', { cookie: await sessionCookieFor(w.supplierUser.id) }),
	)
	expect(mine.data).toMatchObject({ waitingProposals: [{ contractId, number, versionNumber: 1 }] })
	const theirs = await callRoute(
		supplierDashboardLoader,
		buildRequest('/supplier', { cookie: await sessionCookieFor(other.supplierUser.id) }),
	)
	expect(theirs.data).toMatchObject({ waitingProposals: [] })

	const buyerCookie = await sessionCookieFor(w.buyer.id)
	const waitingBefore = await callRoute(buyerDashboardLoader, buildRequest('/buyer', { cookie: buyerCookie }))
	const before = (waitingBefore.data as { proposalsWaiting: number }).proposalsWaiting
	await counterProposal(w.db, {
		actor: w.supplierActor,
		side: 'supplier',
		supplierId: w.supplier.id,
		contractId,
		basedOnVersionId: versionId,
		expectedLockVersion: lockVersion,
		terms: [buildTerm(w.ids, 'bulk', 'data-entry', { volumeCommitmentPerMonth: 3000 })],
		note: 'More volume, same price.',
	})
	const waitingAfter = await callRoute(buyerDashboardLoader, buildRequest('/buyer', { cookie: buyerCookie }))
	// Other test files share this database, so the figure is compared with itself: at least this one more.
	expect((waitingAfter.data as { proposalsWaiting: number }).proposalsWaiting).toBeGreaterThanOrEqual(
		before + 1,
	)
	const answered = await callRoute(
		supplierDashboardLoader,
		buildRequest('/supplier', { cookie: await sessionCookieFor(w.supplierUser.id) }),
	)
	expect(answered.data).toMatchObject({ waitingProposals: [] })
})
