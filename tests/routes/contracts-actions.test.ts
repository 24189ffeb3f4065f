import { describe, expect, test } from 'vitest'
import { getContract } from '#app/models/contract/get-contract.server.ts'
import { action as buyerContractAction } from '#app/routes/buyer+/contracts.$contractId.tsx'
import { action as newContractAction } from '#app/routes/buyer+/contracts.new.tsx'
import { action as supplierContractAction } from '#app/routes/supplier+/contracts.$contractId.tsx'
import { createWorld, proposeContract, type World } from '#tests/contracts/world.ts'
import { buildTerm } from '#tests/factories/contracts.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'

type Failure = {
	intent: string | null
	errors: Record<string, unknown>
	defaultValues: Record<string, unknown>
	message?: string
}

async function postAsBuyer(
	w: World,
	contractId: string,
	init: { form?: Record<string, string>; body?: BodyInit; headers?: Record<string, string> },
) {
	const cookie = await sessionCookieFor(w.buyer.id)
	return callRoute(
		buyerContractAction,
		buildRequest(`/buyer/contracts/${contractId}`, { method: 'POST', cookie, ...init }),
		{
			params: { contractId },
		},
	)
}

async function postAsSupplier(w: World, contractId: string, form: Record<string, string>) {
	const cookie = await sessionCookieFor(w.supplierUser.id)
	return callRoute(
		supplierContractAction,
		buildRequest(`/supplier/contracts/${contractId}`, { method: 'POST', cookie, form }),
		{
			params: { contractId },
		},
	)
}

/** A fresh contract still in the buyer's first draft (lock version 1). */
async function draftContract(w: World) {
	const cookie = await sessionCookieFor(w.buyer.id)
	const created = await callRoute(
		newContractAction,
		buildRequest('/buyer/contracts/new', {
			method: 'POST',
			cookie,
			form: {
				supplierId: w.supplier.id,
				title: 'Route test contract',
				currency: 'eur',
				startsOn: '2030-01-01',
				endsOn: '2030-12-31',
			},
		}),
	)
	expect(created.status).toBe(302)
	return created.location!.split('/').at(-1)!
}

/** A bulk term as a plain form post sends it: one field per nested value. */
function bulkTermFields(w: World, index: number, overrides: Record<string, string> = {}) {
	const at = `terms.${index}`
	return {
		[`${at}.orderClassId`]: w.ids.classes.bulk!,
		[`${at}.categoryId`]: w.ids.categories['data-entry']!,
		[`${at}.priceMode`]: 'tiers',
		[`${at}.unitPriceMinor`]: '',
		[`${at}.priceTiers.0.minQuantity`]: '500',
		[`${at}.priceTiers.0.unitPriceMinor`]: '10.00',
		[`${at}.priceTiers.1.minQuantity`]: '1,000',
		[`${at}.priceTiers.1.unitPriceMinor`]: '9.00',
		[`${at}.ackSlaMinutes`]: '1440',
		[`${at}.deliverySlaHours`]: '240',
		[`${at}.prioritySurchargeBps`]: '',
		[`${at}.penaltyPerBreachBps`]: '2.5',
		[`${at}.volumeCommitmentPerMonth`]: '',
		...Object.fromEntries(Object.entries(overrides).map(([k, v]) => [`${at}.${k}`, v])),
	}
}

describe('garbage never answers 500', () => {
	test('bodies that are not the form answer 400 with a message, and change nothing', async () => {
		const w = await createWorld()
		const contractId = await draftContract(w)
		const attempts: { form?: Record<string, string>; body?: string; headers?: Record<string, string> }[] = [
			{ body: '{"intent":"send"}', headers: { 'content-type': 'application/json' } },
			{ body: '%%%', headers: { 'content-type': 'multipart/form-data; boundary=nope' } },
			{ form: {} },
			{ form: { intent: 'explode', expectedLockVersion: '1' } },
			{ form: { intent: 'send', expectedLockVersion: '99999999999999999999' } },
			{ form: { intent: 'accept', expectedLockVersion: '1', versionId: 'not-a-uuid' } },
			{ form: { intent: 'save-draft', expectedLockVersion: '1', terms: '[{"orderClassId":' } },
			{ form: { intent: 'save-draft', expectedLockVersion: '1', terms: '{"a":1}' } },
			{ form: { intent: 'save-draft', expectedLockVersion: '1', 'terms.0': 'x' } },
			{ form: { intent: 'save-draft', expectedLockVersion: '1', 'terms.0.priceTiers': 'x' } },
			{ form: { intent: 'terminate', expectedLockVersion: '1', reason: 'x'.repeat(10_000) } },
			{ form: { intent: 'save-draft', expectedLockVersion: '1', 'terms.__proto__.polluted': 'yes' } },
			{
				form: {
					intent: 'save-draft',
					expectedLockVersion: '1',
					'terms.0.constructor.prototype.polluted': 'yes',
				},
			},
		]
		for (const attempt of attempts) {
			const result = await postAsBuyer(w, contractId, attempt)
			expect(result.status, JSON.stringify(attempt).slice(0, 80)).toBe(400)
		}
		const detail = await getContract(w.db, { contractId })
		expect(detail?.contract.lockVersion).toBe(1)
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
	})
})

describe('validation errors land on the nested field, with what was typed kept', () => {
	test('a plain form post: a looser SLA and a rising tier price, each on its own field', async () => {
		const w = await createWorld()
		const contractId = await draftContract(w)
		const result = await postAsBuyer(w, contractId, {
			form: {
				intent: 'save-draft',
				expectedLockVersion: '1',
				note: 'First go',
				...bulkTermFields(w, 0),
				...bulkTermFields(w, 1, {
					categoryId: w.ids.categories['document-management']!,
					ackSlaMinutes: '3000',
					'priceTiers.1.unitPriceMinor': '10.50',
				}),
			},
		})
		expect(result.status).toBe(400)
		const failure = result.data as Failure
		expect(failure.intent).toBe('save-draft')
		expect(failure.errors).toMatchObject({
			terms: [
				undefined,
				{
					ackSlaMinutes: {
						message: expect.stringMatching(
							/1 to 2880 minutes: it may be stricter than the Bulk policy, never looser/,
						),
					},
					priceTiers: [
						undefined,
						{ unitPriceMinor: { message: 'A higher tier cannot cost more per unit than a lower one.' } },
					],
				},
			],
		})
		expect(failure.defaultValues).toMatchObject({
			expectedLockVersion: '1',
			note: 'First go',
			terms: [
				{ priceTiers: [{ unitPriceMinor: '10.00' }, { minQuantity: '1,000', unitPriceMinor: '9.00' }] },
				{
					ackSlaMinutes: '3000',
					priceTiers: [{ minQuantity: '500' }, { unitPriceMinor: '10.50' }],
					penaltyPerBreachBps: '2.5',
				},
			],
		})
		expect((await getContract(w.db, { contractId }))?.draftVersion?.terms).toEqual([])
	})

	test('the JSON list react-hook-form posts reads the same, and saves in exact minor units', async () => {
		const w = await createWorld()
		const contractId = await draftContract(w)
		const typed = Object.entries(bulkTermFields(w, 0)).reduce<Record<string, unknown>>(
			(term, [key, value]) => {
				const path = key.split('.').slice(2)
				if (path[0] === 'priceTiers') {
					const tiers = (term.priceTiers ??= []) as Record<string, string>[]
					;(tiers[Number(path[1])] ??= {})[path[2]!] = value
				} else term[path[0]!] = value
				return term
			},
			{},
		)
		const result = await postAsBuyer(w, contractId, {
			form: {
				intent: 'save-draft',
				expectedLockVersion: '1',
				note: '',
				terms: JSON.stringify([{ ...typed, guaranteed24x7: false }]),
			},
		})
		expect(result.status).toBe(302)
		expect(result.location).toBe(`/buyer/contracts/${contractId}`)
		const draft = (await getContract(w.db, { contractId }))?.draftVersion
		expect(draft?.terms).toEqual([
			expect.objectContaining({
				unitPriceMinor: null,
				priceTiers: [
					{ minQuantity: 500, unitPriceMinor: 1000 },
					{ minQuantity: 1000, unitPriceMinor: 900 },
				],
				penaltyPerBreachBps: 250,
				guaranteed24x7: false,
			}),
		])
	})

	test('a stale lock version is a 409 with a clear message, and the typed terms come back', async () => {
		const w = await createWorld()
		const contractId = await draftContract(w)
		const form = { intent: 'save-draft', expectedLockVersion: '1', note: '', ...bulkTermFields(w, 0) }
		expect((await postAsBuyer(w, contractId, { form })).status).toBe(302)
		// A second save from a page rendered before the first one.
		const stale = await postAsBuyer(w, contractId, {
			form: { ...form, 'terms.0.priceTiers.1.unitPriceMinor': '8.75' },
		})
		expect(stale.status).toBe(409)
		const failure = stale.data as Failure
		expect(failure.errors).toMatchObject({
			root: { message: expect.stringMatching(/changed while you were looking at it/) },
		})
		expect(failure.defaultValues).toMatchObject({ terms: [{ priceTiers: [{}, { unitPriceMinor: '8.75' }] }] })
	})

	test('one-button forms get a message of their own: sending an empty draft, terminating without a reason', async () => {
		const w = await createWorld()
		const contractId = await draftContract(w)
		const send = await postAsBuyer(w, contractId, { form: { intent: 'send', expectedLockVersion: '1' } })
		expect(send.status).toBe(422)
		expect(send.data).toMatchObject({
			intent: 'send',
			errors: {},
			message: expect.stringMatching(/at least one term/),
		})
		const terminate = await postAsBuyer(w, contractId, {
			form: { intent: 'terminate', expectedLockVersion: '1', reason: ' ' },
		})
		expect(terminate.status).toBe(400)
		expect(terminate.data).toMatchObject({
			intent: 'terminate',
			errors: { reason: { message: expect.any(String) } },
		})
	})
})

describe('the supplier answers through its page', () => {
	test('a counter for a class it has no capability for: the rule’s message on that term’s class field', async () => {
		const w = await createWorld()
		const bulk = buildTerm(w.ids, 'bulk', 'data-entry')
		const { contractId, versionId, lockVersion } = await proposeContract(w, { terms: [bulk] })
		const result = await postAsSupplier(w, contractId, {
			intent: 'counter',
			expectedLockVersion: String(lockVersion),
			basedOnVersionId: versionId,
			note: 'Payroll in bulk instead?',
			...bulkTermFields(w, 0),
			...bulkTermFields(w, 1, {
				categoryId: w.ids.categories['payroll-processing']!,
				'priceTiers.1.unitPriceMinor': '8.00',
			}),
		})
		expect(result.status).toBe(422)
		const failure = result.data as Failure
		expect(failure.errors).toMatchObject({
			terms: [
				undefined,
				{ orderClassId: { message: 'You have no capability for Bulk · Payroll processing.' } },
			],
		})
		expect(failure.defaultValues).toMatchObject({
			note: 'Payroll in bulk instead?',
			terms: [{}, { priceTiers: [{}, { unitPriceMinor: '8.00' }] }],
		})
	})

	test('counter, then the buyer accepts: the contract is active with the supplier’s price', async () => {
		const w = await createWorld()
		const { contractId, versionId, lockVersion } = await proposeContract(w, {
			terms: [buildTerm(w.ids, 'bulk', 'data-entry')],
		})
		const countered = await postAsSupplier(w, contractId, {
			intent: 'counter',
			expectedLockVersion: String(lockVersion),
			basedOnVersionId: versionId,
			note: 'We can do 8.50 from 1,000 units.',
			...bulkTermFields(w, 0, { 'priceTiers.1.unitPriceMinor': '8.50' }),
		})
		expect(countered.status).toBe(302)
		const pending = (await getContract(w.db, { contractId }))!
		expect(pending.pendingVersion?.proposedBy).toBe('supplier')

		const accepted = await postAsBuyer(w, contractId, {
			form: {
				intent: 'accept',
				expectedLockVersion: String(pending.contract.lockVersion),
				versionId: pending.pendingVersion!.id,
			},
		})
		expect(accepted.status).toBe(302)
		const active = (await getContract(w.db, { contractId }))!
		expect(active.contract.status).toBe('active')
		expect(active.bindingVersion?.terms[0]?.priceTiers).toEqual([
			{ minQuantity: 500, unitPriceMinor: 1000 },
			{ minQuantity: 1000, unitPriceMinor: 850 },
		])
	})

	test('the supplier cannot use the buyer’s intents, and a stale lock version is a 409', async () => {
		const w = await createWorld()
		const { contractId, versionId, lockVersion } = await proposeContract(w)
		for (const intent of ['send', 'start-revision', 'terminate', 'save-draft']) {
			const result = await postAsSupplier(w, contractId, {
				intent,
				expectedLockVersion: String(lockVersion),
				reason: 'Because.',
			})
			expect(result.status, intent).toBe(400)
		}
		const stale = await postAsSupplier(w, contractId, {
			intent: 'accept',
			expectedLockVersion: String(lockVersion - 1),
			versionId,
		})
		expect(stale.status).toBe(409)
		expect(stale.data).toMatchObject({
			intent: 'accept',
			message: expect.stringMatching(/changed while you were looking/),
		})
	})

	test('a version the supplier proposed itself is not its to accept: 403 with the reason, on the page', async () => {
		const w = await createWorld()
		const { contractId, versionId, lockVersion } = await proposeContract(w, {
			terms: [buildTerm(w.ids, 'bulk', 'data-entry')],
		})
		const countered = await postAsSupplier(w, contractId, {
			intent: 'counter',
			expectedLockVersion: String(lockVersion),
			basedOnVersionId: versionId,
			note: 'Slightly cheaper.',
			...bulkTermFields(w, 0, { 'priceTiers.1.unitPriceMinor': '8.90' }),
		})
		expect(countered.status).toBe(302)
		const own = (await getContract(w.db, { contractId }))!
		const result = await postAsSupplier(w, contractId, {
			intent: 'accept',
			expectedLockVersion: String(own.contract.lockVersion),
			versionId: own.pendingVersion!.id,
		})
		expect(result.status).toBe(403)
		expect(result.thrown).toBe(false)
		expect(result.data).toMatchObject({
			intent: 'accept',
			message: expect.stringMatching(/wait for the other side/),
		})
		expect((await getContract(w.db, { contractId }))?.contract.status).toBe('negotiating')
	})
})
