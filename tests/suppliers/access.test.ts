import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { loader as coverageLoader } from '#app/routes/buyer+/coverage.tsx'
import {
	action as supplierAction,
	loader as supplierLoader,
} from '#app/routes/buyer+/suppliers.$supplierId.tsx'
import { loader as directoryLoader } from '#app/routes/buyer+/suppliers._index.tsx'
import { action as inviteAction, loader as inviteLoader } from '#app/routes/buyer+/suppliers.new.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'

type RouteFn = Parameters<typeof callRoute>[0]

describe('the supplier directory and coverage are the buyer’s', () => {
	test('supplier users and auditors get 403 from every loader and action, and nothing changes', async () => {
		const supplier = await insertSupplier(getDb(), { status: 'on_hold' })
		const supplierUser = await insertUser(getDb(), { role: 'supplier', supplierId: supplier.id })
		const auditor = await insertUser(getDb(), { role: 'auditor' })
		const detail = `/buyer/suppliers/${supplier.id}`
		const calls: [string, RouteFn, string, Record<string, string> | undefined][] = [
			['directory', directoryLoader as RouteFn, '/buyer/suppliers', undefined],
			['invite page', inviteLoader as RouteFn, '/buyer/suppliers/new', undefined],
			['invite', inviteAction as RouteFn, '/buyer/suppliers/new', { name: 'Sneaky Org' }],
			['supplier page', supplierLoader as RouteFn, detail, undefined],
			['status change', supplierAction as RouteFn, detail, { toStatus: 'active', reason: 'Let me back in' }],
			['coverage', coverageLoader as RouteFn, '/buyer/coverage', undefined],
		]
		for (const user of [supplierUser, auditor]) {
			const cookie = await sessionCookieFor(user.id)
			for (const [name, fn, path, form] of calls) {
				const request = buildRequest(path, form ? { method: 'POST', cookie, form } : { cookie })
				const result = await callRoute(fn, request, { params: { supplierId: supplier.id } })
				expect(result.status, `${user.role}: ${name}`).toBe(403)
			}
		}
		const page = await callRoute(
			supplierLoader,
			buildRequest(detail, {
				cookie: await sessionCookieFor((await insertUser(getDb(), { role: 'buyer' })).id),
			}),
			{ params: { supplierId: supplier.id } },
		)
		expect(page.data).toMatchObject({ supplier: { status: 'on_hold' }, history: [] })
	})

	test('anonymous visitors are sent to log in', async () => {
		const result = await callRoute(directoryLoader as RouteFn, buildRequest('/buyer/suppliers?q=x'))
		expect(result.status).toBe(302)
		expect(result.location).toBe(`/login?redirectTo=${encodeURIComponent('/buyer/suppliers?q=x')}`)
	})

	test('admins pass where buyers do', async () => {
		const admin = await insertUser(getDb(), { role: 'admin' })
		const cookie = await sessionCookieFor(admin.id)
		const supplierId = randomUUID()
		expect(
			(await callRoute(directoryLoader as RouteFn, buildRequest('/buyer/suppliers', { cookie }))).status,
		).toBe(200)
		expect(
			(await callRoute(inviteLoader as RouteFn, buildRequest('/buyer/suppliers/new', { cookie }))).status,
		).toBe(200)
		const unknown = await callRoute(
			supplierLoader as RouteFn,
			buildRequest(`/buyer/suppliers/${supplierId}`, { cookie }),
			{
				params: { supplierId },
			},
		)
		expect(unknown.status).toBe(404)
	})
})
