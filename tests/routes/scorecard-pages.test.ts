import { describe, expect, test } from 'vitest'
import { getScorecardPolicy } from '#app/models/scorecard/policy.server.ts'
import { raiseDispute } from '#app/models/scorecard/disputes.server.ts'
import { action as policyAction, loader as policyLoader } from '#app/routes/admin+/scorecard-policy.tsx'
import { loader as auditDisputesLoader } from '#app/routes/audit+/disputes.tsx'
import { action as disputesAction, loader as disputesLoader } from '#app/routes/buyer+/disputes._index.tsx'
import { loader as evidenceLoader } from '#app/routes/supplier+/scorecard.evidence.tsx'
import {
	action as scorecardAction,
	loader as scorecardLoader,
} from '#app/routes/supplier+/scorecard._index.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { createBuyer, createCapableSupplier, createCategory, createOrderClass } from '../orders/fixtures.ts'

async function world() {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db)
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const a = await createCapableSupplier(db, ids, { name: 'Alder Scorecards' })
	const b = await createCapableSupplier(db, ids, { name: 'Birch Scorecards' })
	const buyer = await createBuyer(db)
	const admin = await createBuyer(db, 'admin')
	const auditor = await insertUser(db, { role: 'auditor' })
	const cookie = {
		a: await sessionCookieFor(a.user.id),
		b: await sessionCookieFor(b.user.id),
		buyer: await sessionCookieFor(buyer.id),
		admin: await sessionCookieFor(admin.id),
		auditor: await sessionCookieFor(auditor.id),
	}
	return { db, cls, a, b, buyer, admin, cookie }
}

const errorsOf = (data: unknown) => (data as { errors: Record<string, { message: string }> }).errors

describe('scorecard pages', () => {
	test('a supplier sees only itself: ?supplierId=<B> is ignored', async () => {
		const w = await world()
		const page = await callRoute(
			scorecardLoader,
			buildRequest(`/supplier/scorecard?supplierId=${w.b.supplier.id}&month=bad`, { cookie: w.cookie.a }),
			{ params: { supplierId: w.b.supplier.id } },
		)
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({ page: { supplier: { id: w.a.supplier.id, name: 'Alder Scorecards' } } })
		expect(JSON.stringify(page.data)).not.toContain('Birch Scorecards')
		const evidence = await callRoute(
			evidenceLoader,
			buildRequest(
				`/supplier/scorecard/evidence?class=${w.cls.id}&month=2031-05&metric=onTimeRate&supplierId=${w.b.supplier.id}`,
				{
					cookie: w.cookie.a,
				},
			),
		)
		expect(evidence.status).toBe(200)
		expect(evidence.data).toMatchObject({
			supplierName: 'Alder Scorecards',
			metrics: [{ key: 'onTimeRate' }],
		})
		const garbage = await callRoute(
			evidenceLoader,
			buildRequest('/supplier/scorecard/evidence?class=x&month=13', { cookie: w.cookie.a }),
		)
		expect(garbage.status).toBe(404)
	})

	test('403 by role', async () => {
		const w = await world()
		const cases = [
			[scorecardLoader, '/supplier/scorecard', w.cookie.buyer],
			[evidenceLoader, `/supplier/scorecard/evidence?class=${w.cls.id}&month=2031-05`, w.cookie.auditor],
			[disputesLoader, '/buyer/disputes', w.cookie.a],
			[disputesLoader, '/buyer/disputes', w.cookie.auditor],
			[auditDisputesLoader, '/audit/disputes', w.cookie.buyer],
			[policyLoader, '/admin/scorecard-policy', w.cookie.buyer],
			[policyLoader, '/admin/scorecard-policy', w.cookie.a],
		] as const
		for (const [fn, path, cookie] of cases) {
			const result = await callRoute(fn, buildRequest(path, { cookie }))
			expect(result.status, path).toBe(403)
		}
		const post = (fn: Parameters<typeof callRoute>[0], path: string, cookie: string) =>
			callRoute(fn, buildRequest(path, { method: 'POST', cookie, form: { outcome: 'upheld' } }))
		expect((await post(disputesAction, '/buyer/disputes', w.cookie.auditor)).status).toBe(403)
		expect((await post(disputesAction, '/buyer/disputes', w.cookie.a)).status).toBe(403)
		expect((await post(policyAction, '/admin/scorecard-policy', w.cookie.buyer)).status).toBe(403)
		expect((await post(scorecardAction, '/supplier/scorecard', w.cookie.buyer)).status).toBe(403)
		// The auditor sees disputes.
		expect(
			(
				await callRoute(
					auditDisputesLoader,
					buildRequest('/audit/disputes?status=open', { cookie: w.cookie.auditor }),
				)
			).status,
		).toBe(200)
	})

	test('bad input answers 400 with field errors, never 500; typed values come back', async () => {
		const w = await world()
		const short = await callRoute(
			scorecardAction,
			buildRequest('/supplier/scorecard', {
				method: 'POST',
				cookie: w.cookie.a,
				form: { intent: 'dispute', orderClassId: w.cls.id, month: '2031-05', metric: 'nope', comment: 'x' },
			}),
		)
		expect(short.status).toBe(400)
		expect(Object.keys(errorsOf(short.data)).sort()).toEqual(['comment', 'metric'])
		expect(short.data).toMatchObject({ defaultValues: { comment: 'x' } })
		const unreadable = await callRoute(
			scorecardAction,
			buildRequest('/supplier/scorecard', {
				method: 'POST',
				cookie: w.cookie.a,
				body: 'not a form',
				headers: { 'content-type': 'application/json' },
			}),
		)
		expect(unreadable.status).toBe(400)
		// Another supplier's (or no) order: a field error, not a leak.
		const foreign = await callRoute(
			scorecardAction,
			buildRequest('/supplier/scorecard', {
				method: 'POST',
				cookie: w.cookie.a,
				form: {
					intent: 'dispute',
					orderClassId: w.cls.id,
					month: '2031-05',
					metric: 'onTimeRate',
					orderId: crypto.randomUUID(),
					comment: 'Not mine',
				},
			}),
		)
		expect(foreign.status).toBe(400)
		expect(errorsOf(foreign.data).orderId?.message).toBe('This order does not exist.')

		const raised = await raiseDispute(w.db, {
			actor: w.a.user,
			supplierId: w.a.supplier.id,
			orderClassId: w.cls.id,
			month: '2031-05',
			metric: 'qualityRate',
			comment: 'The whole figure',
		})
		const resolve = (form: Record<string, string>) =>
			callRoute(
				disputesAction,
				buildRequest('/buyer/disputes', { method: 'POST', cookie: w.cookie.buyer, form }),
			)
		const bad = await resolve({
			disputeId: raised.id,
			expectedVersion: '1',
			outcome: 'maybe',
			resolution: 'ok',
		})
		expect(bad.status).toBe(400)
		expect(Object.keys(errorsOf(bad.data)).sort()).toEqual(['outcome', 'resolution'])
		const noOrder = await resolve({
			disputeId: raised.id,
			expectedVersion: '1',
			outcome: 'corrected',
			resolution: 'Correct it',
		})
		expect(noOrder.status).toBe(422)
		expect(errorsOf(noOrder.data).outcome?.message).toMatch(/names no order/)
		const ok = await resolve({
			disputeId: raised.id,
			expectedVersion: '1',
			outcome: 'upheld',
			resolution: 'Checked',
		})
		expect(ok.status).toBe(302)
		const stale = await resolve({
			disputeId: raised.id,
			expectedVersion: '1',
			outcome: 'upheld',
			resolution: 'Checked again',
		})
		expect(stale.status).toBe(409)
		expect(errorsOf(stale.data).root?.message).toBe('This dispute changed, reload.')
		const listed = await callRoute(
			disputesLoader,
			buildRequest('/buyer/disputes?status=upheld', { cookie: w.cookie.buyer }),
		)
		expect(JSON.stringify(listed.data)).toContain(raised.id)
	})

	test('admin saves the policy as a new version; stale answers 409; bad values 400 next to fields', async () => {
		const w = await world()
		const policy = await getScorecardPolicy(w.db)
		const form = (version: number, overrides: Record<string, string> = {}) => {
			const f: Record<string, string> = {
				expectedVersion: String(version),
				changeNote: 'Quality matters more',
				minOrders: '5',
			}
			for (const [k, v] of Object.entries({
				response: '0.2',
				acceptance: '0.1',
				onTime: '0.3',
				quality: '0.3',
				exception: '0.1',
			}))
				f[`weightsByClassKey.standard.${k}`] = v
			policy.standings.forEach((s, i) => {
				f[`standings.${i}.key`] = s.key
				f[`standings.${i}.label`] = s.label
				f[`standings.${i}.minScore`] = String(s.minScore)
				f[`standings.${i}.consequences.reviewAboveMinor`] = i === 2 ? '1,500.50' : ''
				if (s.consequences.flagInRouting) f[`standings.${i}.consequences.flagInRouting`] = 'on'
				if (s.consequences.excludedClassKeys[0])
					f[`standings.${i}.consequences.excludedClassKeys`] = s.consequences.excludedClassKeys[0]
			})
			return { ...f, ...overrides }
		}
		const post = (f: Record<string, string>) =>
			callRoute(
				policyAction,
				buildRequest('/admin/scorecard-policy', { method: 'POST', cookie: w.cookie.admin, form: f }),
			)
		const invalid = await post(
			form(policy.version, {
				'weightsByClassKey.standard.onTime': 'lots',
				'standings.1.minScore': '99',
				changeNote: '',
			}),
		)
		expect(invalid.status).toBe(400)
		const errors = (invalid.data as { errors: Record<string, unknown> }).errors
		expect(errors).toMatchObject({
			changeNote: { message: expect.stringMatching(/Say why/) },
			weightsByClassKey: { standard: { onTime: { message: 'On-time delivery weight must be a number.' } } },
			standings: { 1: { minScore: { message: expect.stringMatching(/must need a lower score/) } } },
		})
		expect(invalid.data).toMatchObject({ values: { weightsByClassKey: { standard: { onTime: 'lots' } } } })

		const saved = await post(form(policy.version))
		expect(saved.status).toBe(302)
		const now = await getScorecardPolicy(w.db)
		expect(now.version).toBe(policy.version + 1)
		expect(now.standings[2]!.consequences.reviewAboveMinor).toBe(150_050)
		expect(now.weightsByClass.standard).toEqual({
			response: 0.2,
			acceptance: 0.1,
			onTime: 0.3,
			quality: 0.3,
			exception: 0.1,
		})
		const stale = await post(form(policy.version))
		expect(stale.status).toBe(409)
		expect(errorsOf(stale.data).root?.message).toMatch(/changed/)
		const page = await callRoute(
			policyLoader,
			buildRequest('/admin/scorecard-policy', { cookie: w.cookie.admin }),
		)
		expect(page.data).toMatchObject({
			policy: { version: policy.version + 1, changeNote: 'Quality matters more' },
		})
	})
})
