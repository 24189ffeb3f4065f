import { describe, expect, test } from 'vitest'
import { changeOrderClassPolicy } from '#app/models/order-class/change-policy.server.ts'
import { listOrderClassesWithPolicy } from '#app/models/order-class/current-policies.server.ts'
import { listPolicyHistory } from '#app/models/order-class/order-class-page.server.ts'
import {
	action as classAction,
	loader as classLoader,
} from '#app/routes/buyer+/order-classes.$orderClassId.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import {
	auditFor,
	BALANCED_POLICY,
	buyerWithCookie,
	insertOrderClass,
	policyForm,
	policyRows,
} from './fixtures.ts'

type ClassPage = Awaited<ReturnType<typeof classLoader>>
type FormAnswer = {
	errors: Record<string, { message: string }>
	defaultValues: Record<string, string | boolean>
	conflict: boolean
}

function postTo(orderClassId: string, cookie: string, form: Record<string, string>) {
	return callRoute(
		classAction,
		buildRequest(`/buyer/order-classes/${orderClassId}`, { method: 'POST', cookie, form }),
		{ params: { orderClassId } },
	)
}

describe('policy versions', () => {
	test('saving inserts v2, then v3; earlier rows stay exactly as they were', async () => {
		const { user, cookie } = await buyerWithCookie('Vera Versioner')
		const { id } = await insertOrderClass(user)
		const [v1Before] = await policyRows(id)

		const second = await postTo(id, cookie, {
			...policyForm(BALANCED_POLICY, { basedOnVersion: 1, changeNote: 'Faster answers' }),
			ackDeadlineMinutes: '600',
		})
		expect(second).toMatchObject({ status: 302, location: `/buyer/order-classes/${id}` })
		expect(second.setCookie).toMatch(/^en_toast=/)

		const third = await postTo(id, cookie, {
			...policyForm(
				{ ...BALANCED_POLICY, ackDeadlineMinutes: 600 },
				{ basedOnVersion: 2, changeNote: 'Favour price' },
			),
			weightPrice: '40',
			weightSpeed: '10',
		})
		expect(third.status).toBe(302)

		const rows = await policyRows(id)
		expect(rows.map((r) => r.version)).toEqual([1, 2, 3])
		expect(rows[0]).toEqual(v1Before)
		expect(rows[1]).toMatchObject({ ackDeadlineMinutes: 600, weightPrice: 30, changeNote: 'Faster answers' })
		expect(rows[2]).toMatchObject({
			ackDeadlineMinutes: 600,
			weightPrice: 40,
			weightSpeed: 10,
			createdByUserId: user.id,
		})
	})

	test('the history lists every version newest first, with the name, a readable diff and the note', async () => {
		const { user, cookie } = await buyerWithCookie('Hugo Historian')
		const { id } = await insertOrderClass(user, { policy: { ...BALANCED_POLICY, ackDeadlineMinutes: 30 } })
		await postTo(id, cookie, {
			...policyForm(
				{ ...BALANCED_POLICY, ackDeadlineMinutes: 30 },
				{ basedOnVersion: 1, changeNote: 'Tighter SLA' },
			),
			ackDeadlineMinutes: '20',
			routingMode: 'broadcast',
			broadcastCount: '3',
			approvalThreshold: '12,500.50',
		})

		const page = (
			await callRoute(classLoader, buildRequest(`/buyer/order-classes/${id}`, { cookie }), {
				params: { orderClassId: id },
			})
		).data as ClassPage
		expect(page.policy.version).toBe(2)
		expect(page.policy.values).toMatchObject({
			ackDeadlineMinutes: 20,
			routingMode: 'broadcast',
			broadcastCount: 3,
		})
		expect(page.history.map((h) => [h.version, h.changedByName, h.changeNote])).toEqual([
			[2, 'Hugo Historian', 'Tighter SLA'],
			[1, 'Hugo Historian', 'Created with the class'],
		])
		expect(page.history[0]!.changes.map((c) => `${c.label}: ${c.from} → ${c.to}`)).toEqual([
			'Acknowledgement deadline: 30 min → 20 min',
			'Approval threshold: EUR 50,000.00 → EUR 12,500.50',
			'Routing: Cascade → Broadcast to 3',
		])
		expect(page.history[1]!.changes).toEqual([])
	})

	test('the change is audited with the values before and after', async () => {
		const { user, cookie } = await buyerWithCookie()
		const { id } = await insertOrderClass(user)
		await postTo(id, cookie, {
			...policyForm(BALANCED_POLICY, { basedOnVersion: 1, changeNote: 'Why not' }),
			minQuantity: '10',
		})
		const [event] = await auditFor(id, 'order_class.policy_changed')
		expect(event).toMatchObject({
			actorUserId: user.id,
			actorRole: 'buyer',
			entityType: 'order_class',
			before: { version: 1, minQuantity: null, ackDeadlineMinutes: 1440 },
			after: { version: 2, minQuantity: 10, ackDeadlineMinutes: 1440, changeNote: 'Why not' },
		})
	})

	test('a save based on an old version answers 409, keeps the typed values and writes nothing', async () => {
		const alice = await buyerWithCookie('Alice First')
		const bob = await buyerWithCookie('Bob Second')
		const { id } = await insertOrderClass(alice.user)
		const aliceSave = await postTo(id, alice.cookie, {
			...policyForm(BALANCED_POLICY, { basedOnVersion: 1 }),
			ackDeadlineMinutes: '60',
		})
		expect(aliceSave.status).toBe(302)
		const eventsBefore = await auditFor(id)

		const bobSave = await postTo(id, bob.cookie, {
			...policyForm(BALANCED_POLICY, { basedOnVersion: 1, changeNote: 'Bob was slower' }),
			ackDeadlineMinutes: '90',
		})
		expect(bobSave.status).toBe(409)
		const answer = bobSave.data as FormAnswer
		expect(answer.conflict).toBe(true)
		expect(answer.errors.root?.message).toMatch(
			/While you were editing, Alice First saved version 2 of this policy/,
		)
		expect(answer.defaultValues).toMatchObject({
			ackDeadlineMinutes: '90',
			changeNote: 'Bob was slower',
			contractRequired: true,
		})
		expect((await policyRows(id)).map((r) => r.version)).toEqual([1, 2])
		expect(await auditFor(id)).toEqual(eventsBefore)
	})

	test('two saves at the same moment from the same version: exactly one wins', async () => {
		const { user } = await buyerWithCookie()
		const { id } = await insertOrderClass(user)
		const save = (ack: number) =>
			changeOrderClassPolicy(getDb(), {
				actor: user,
				orderClassId: id,
				basedOnVersion: 1,
				policy: { ...BALANCED_POLICY, ackDeadlineMinutes: ack },
				changeNote: `ack ${ack}`,
			})
		const results = await Promise.allSettled([save(100), save(200)])
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
		const [rejected] = results.filter((r) => r.status === 'rejected')
		expect(rejected?.reason).toMatchObject({ code: 'CONFLICT' })
		expect((await policyRows(id)).map((r) => r.version)).toEqual([1, 2])
		expect(await auditFor(id, 'order_class.policy_changed')).toHaveLength(1)
	})

	test('after a conflict, saving again based on the winning version succeeds', async () => {
		const { user, cookie } = await buyerWithCookie()
		const { id } = await insertOrderClass(user)
		await postTo(id, cookie, {
			...policyForm(BALANCED_POLICY, { basedOnVersion: 1 }),
			ackDeadlineMinutes: '60',
		})
		expect(
			(
				await postTo(id, cookie, {
					...policyForm(BALANCED_POLICY, { basedOnVersion: 1 }),
					ackDeadlineMinutes: '90',
				})
			).status,
		).toBe(409)
		expect(
			(
				await postTo(id, cookie, {
					...policyForm(BALANCED_POLICY, { basedOnVersion: 2 }),
					ackDeadlineMinutes: '90',
				})
			).status,
		).toBe(302)
		expect((await listPolicyHistory(getDb(), { orderClassId: id }))[0]).toMatchObject({
			version: 3,
			values: { ackDeadlineMinutes: 90 },
		})
	})
})

describe('a policy that breaks the rules is refused with messages next to the fields', () => {
	async function refused(
		form: (base: Record<string, string>) => Record<string, string>,
		classPolicy = BALANCED_POLICY,
	) {
		const { user, cookie } = await buyerWithCookie()
		const { id } = await insertOrderClass(user, { policy: classPolicy })
		const result = await postTo(id, cookie, form(policyForm(classPolicy, { basedOnVersion: 1 })))
		expect(result.status).toBe(400)
		expect((await policyRows(id)).map((r) => r.version)).toEqual([1])
		expect(await auditFor(id, 'order_class.policy_changed')).toEqual([])
		return result.data as FormAnswer
	}

	test('weights that do not add up to 100', async () => {
		const answer = await refused((f) => ({ ...f, weightPrice: '25' }))
		expect(answer.errors.weights?.message).toBe('The four weights must add up to 100; they now add up to 95.')
		expect(answer.defaultValues).toMatchObject({ weightPrice: '25', weightSpeed: '20' })
	})

	test('no change note', async () => {
		const answer = await refused((f) => ({ ...f, changeNote: '   ', ackDeadlineMinutes: '60' }))
		expect(answer.errors.changeNote?.message).toMatch(/Say why the policy changes/)
	})

	test('numbers that are not numbers, and out-of-range deadlines', async () => {
		const answer = await refused((f) => ({
			...f,
			ackDeadlineMinutes: 'soon',
			deliveryTargetHours: '-3',
			weightSpeed: '2.5',
		}))
		expect(Object.keys(answer.errors).sort()).toEqual([
			'ackDeadlineMinutes',
			'deliveryTargetHours',
			'weightSpeed',
		])
		const range = await refused((f) => ({ ...f, ackDeadlineMinutes: '20000' }))
		expect(range.errors.ackDeadlineMinutes?.message).toMatch(/from 1 to 10,080/)
	})

	test('broadcast without a count, and a delivery target shorter than the deadline', async () => {
		const answer = await refused((f) => ({
			...f,
			routingMode: 'broadcast',
			broadcastCount: '',
			deliveryTargetHours: '12',
		}))
		expect(answer.errors.broadcastCount?.message).toBe(
			'Broadcast offers the order to 2 to 10 suppliers at once.',
		)
		expect(answer.errors.deliveryTargetHours?.message).toBe(
			'The delivery target (12 h) cannot be shorter than the acknowledgement deadline (24 h).',
		)
	})

	test('a negative approval threshold', async () => {
		const answer = await refused((f) => ({ ...f, approvalThreshold: '-10' }))
		expect(answer.errors.approvalThreshold?.message).toBe('The approval threshold cannot be negative.')
	})

	test('the same values again: nothing to save', async () => {
		const answer = await refused((f) => f)
		expect(answer.errors.root?.message).toBe('Nothing to save: these values are the same as version 1.')
	})

	test('the emergency class keeps justification and 24x7, and bulk its minimum quantity', async () => {
		const { cookie } = await buyerWithCookie()
		const seeded = await listOrderClassesWithPolicy(getDb())
		const cases: Array<[string, Record<string, string | null>, string]> = [
			['emergency', { requires24x7: null }, 'requires24x7'],
			['emergency', { justificationRequired: null }, 'justificationRequired'],
			['bulk', { minQuantity: '' }, 'minQuantity'],
			['bulk', { minQuantity: '1' }, 'minQuantity'],
		]
		for (const [key, overrides, field] of cases) {
			const c = seeded.find((s) => s.key === key)!
			const form = policyForm(c.policy, { basedOnVersion: c.policy.version, ackDeadlineMinutes: '25' })
			// null: the checkbox is unticked, so the browser leaves it out.
			for (const [name, value] of Object.entries(overrides)) {
				if (value === null) delete form[name]
				else form[name] = value
			}
			const result = await postTo(c.id, cookie, form)
			expect(result.status, `${key} ${field}`).toBe(400)
			expect((result.data as FormAnswer).errors[field], `${key} ${field}`).toBeDefined()
		}
		// Nothing was written to the seeded classes other tests rely on.
		const after = await listOrderClassesWithPolicy(getDb())
		expect(after.map((c) => c.policy.version)).toEqual(seeded.map((c) => c.policy.version))
	})
})
