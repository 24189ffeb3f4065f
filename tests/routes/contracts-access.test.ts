import { describe, expect, test } from 'vitest'
import {
	action as buyerContractAction,
	loader as buyerContractLoader,
} from '#app/routes/buyer+/contracts.$contractId.tsx'
import { loader as buyerContractsLoader } from '#app/routes/buyer+/contracts._index.tsx'
import {
	action as newContractAction,
	loader as newContractLoader,
} from '#app/routes/buyer+/contracts.new.tsx'
import {
	action as supplierContractAction,
	loader as supplierContractLoader,
} from '#app/routes/supplier+/contracts.$contractId.tsx'
import { loader as supplierContractsLoader } from '#app/routes/supplier+/contracts._index.tsx'
import { createContractDraft } from '#app/models/contract/create-contract.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { createWorld, proposeContract } from '#tests/contracts/world.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'

const MISSING = '00000000-0000-4000-8000-999999999999'

describe('each portal’s contract routes answer only their own role', () => {
	test('a supplier or an auditor gets 403 from every buyer contract route; anonymous is sent to log in', async () => {
		const w = await createWorld()
		const { contractId } = await proposeContract(w)
		const auditor = await insertUser(getDb(), { role: 'auditor' })
		for (const userId of [w.supplierUser.id, auditor.id]) {
			const cookie = await sessionCookieFor(userId)
			const form = { intent: 'send', expectedLockVersion: '3' }
			const calls = [
				callRoute(buyerContractsLoader, buildRequest('/buyer/contracts', { cookie })),
				callRoute(newContractLoader, buildRequest('/buyer/contracts/new', { cookie })),
				callRoute(newContractAction, buildRequest('/buyer/contracts/new', { method: 'POST', cookie, form })),
				callRoute(buyerContractLoader, buildRequest(`/buyer/contracts/${contractId}`, { cookie }), {
					params: { contractId },
				}),
				callRoute(
					buyerContractAction,
					buildRequest(`/buyer/contracts/${contractId}`, { method: 'POST', cookie, form }),
					{ params: { contractId } },
				),
			]
			for (const result of await Promise.all(calls)) expect(result.status).toBe(403)
		}
		const anonymous = await callRoute(buyerContractsLoader, buildRequest('/buyer/contracts'))
		expect(anonymous.status).toBe(302)
		expect(anonymous.location).toMatch(/^\/login\?redirectTo=/)
	})

	test('a buyer gets 403 from the supplier contract routes', async () => {
		const w = await createWorld()
		const { contractId, versionId } = await proposeContract(w)
		const cookie = await sessionCookieFor(w.buyer.id)
		const list = await callRoute(supplierContractsLoader, buildRequest('/supplier/contracts', { cookie }))
		const page = await callRoute(
			supplierContractLoader,
			buildRequest(`/supplier/contracts/${contractId}`, { cookie }),
			{
				params: { contractId },
			},
		)
		const form = { intent: 'accept', expectedLockVersion: '3', versionId }
		const post = await callRoute(
			supplierContractAction,
			buildRequest(`/supplier/contracts/${contractId}`, { method: 'POST', cookie, form }),
			{ params: { contractId } },
		)
		expect([list.status, page.status, post.status]).toEqual([403, 403, 403])
	})
})

describe('a supplier never reaches another supplier’s contract', () => {
	test('its page and every action answer 404, like an id that does not exist', async () => {
		const mine = await createWorld()
		const theirs = await createWorld()
		const { contractId, versionId } = await proposeContract(theirs)
		const cookie = await sessionCookieFor(mine.supplierUser.id)
		for (const id of [contractId, MISSING, 'not-a-uuid']) {
			const page = await callRoute(
				supplierContractLoader,
				buildRequest(`/supplier/contracts/${id}`, { cookie }),
				{
					params: { contractId: id },
				},
			)
			expect(page.status, id).toBe(404)
			expect(JSON.stringify(page.data ?? '')).not.toContain(theirs.supplier.name)
			const bodies: Record<string, string>[] = [
				{ intent: 'accept', expectedLockVersion: '3', versionId },
				{ intent: 'withdraw', expectedLockVersion: '3', versionId },
				{
					intent: 'counter',
					expectedLockVersion: '3',
					basedOnVersionId: versionId,
					terms: '[]',
					note: 'Cheaper',
				},
				{ intent: 'nonsense' },
			]
			for (const form of bodies) {
				const post = await callRoute(
					supplierContractAction,
					buildRequest(`/supplier/contracts/${id}`, { method: 'POST', cookie, form }),
					{ params: { contractId: id } },
				)
				expect(post.status, `${id} ${form.intent}`).toBe(404)
			}
		}
		// Nothing changed: the proposal still waits for its own supplier.
		const owner = await callRoute(
			supplierContractLoader,
			buildRequest(`/supplier/contracts/${contractId}`, {
				cookie: await sessionCookieFor(theirs.supplierUser.id),
			}),
			{ params: { contractId } },
		)
		expect(owner.data).toMatchObject({ pendingVersion: { id: versionId, status: 'proposed' } })
	})

	test('the list is scoped by the session, whatever the URL asks for', async () => {
		const mine = await createWorld()
		const theirs = await createWorld()
		await proposeContract(theirs)
		const { contractId } = await proposeContract(mine)
		const cookie = await sessionCookieFor(mine.supplierUser.id)
		const result = await callRoute(
			supplierContractsLoader,
			buildRequest(`/supplier/contracts?supplierId=${theirs.supplier.id}`, { cookie }),
		)
		expect(result.status).toBe(200)
		const rows = (result.data as { rows: { id: string; supplierId: string }[] }).rows
		expect(rows.map((r) => r.id)).toEqual([contractId])
	})

	test('a contract the buyer has not sent yet is neither listed nor shown to the supplier', async () => {
		const w = await createWorld()
		const { contractId } = await createContractDraft(w.db, {
			actor: w.buyerActor,
			supplierId: w.supplier.id,
			title: 'Not sent yet',
			startsOn: '2031-01-01',
			endsOn: '2031-12-31',
		})
		const cookie = await sessionCookieFor(w.supplierUser.id)
		const list = await callRoute(supplierContractsLoader, buildRequest('/supplier/contracts', { cookie }))
		expect((list.data as { total: number }).total).toBe(0)
		const page = await callRoute(
			supplierContractLoader,
			buildRequest(`/supplier/contracts/${contractId}`, { cookie }),
			{
				params: { contractId },
			},
		)
		expect(page.status).toBe(404)
	})

	test('the buyer’s unsent draft is not on the supplier’s page', async () => {
		const w = await createWorld()
		const { contractId, versionId } = await proposeContract(w)
		const buyerCookie = await sessionCookieFor(w.buyer.id)
		// The buyer takes the proposal back: its terms return to a new draft only the buyer sees.
		const withdrawn = await callRoute(
			buyerContractAction,
			buildRequest(`/buyer/contracts/${contractId}`, {
				method: 'POST',
				cookie: buyerCookie,
				form: { intent: 'withdraw', expectedLockVersion: '3', versionId },
			}),
			{ params: { contractId } },
		)
		expect(withdrawn.status).toBe(302)
		const page = await callRoute(
			supplierContractLoader,
			buildRequest(`/supplier/contracts/${contractId}`, {
				cookie: await sessionCookieFor(w.supplierUser.id),
			}),
			{ params: { contractId } },
		)
		const data = page.data as { draftVersion: unknown; versions: { status: string }[] }
		expect(data.draftVersion).toBeNull()
		expect(data.versions.map((v) => v.status)).toEqual(['withdrawn'])
	})
})
