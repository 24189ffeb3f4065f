import { describe, expect, test, vi } from 'vitest'
import { type Role } from '#app/domain/permissions.ts'
import { loader as indexLoader } from '#app/routes/_index.tsx'
import { loader as usersLoader } from '#app/routes/admin+/users._index.tsx'
import {
	requireAnonymous,
	requireSupplierUser,
	requireUser,
	requireUserId,
	requireUserWithRole,
} from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { requireUserWithPermission } from '#app/utils/permissions.server.ts'
import { insertUser } from '#tests/factories/users.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'

async function requestAs(role: Role, path = '/') {
	const user = await insertUser(getDb(), { role })
	return { user, request: buildRequest(path, { cookie: await sessionCookieFor(user.id) }) }
}

async function thrown(promise: Promise<unknown>): Promise<Response> {
	try {
		await promise
	} catch (error) {
		if (error instanceof Response) return error
		throw error
	}
	throw new Error('expected the guard to throw a Response')
}

describe('anonymous', () => {
	test('is redirected to login with the page it wanted, path and search', async () => {
		const response = await thrown(requireUserId(buildRequest('/buyer/contracts?status=active')))
		expect(response.status).toBe(302)
		expect(response.headers.get('location')).toBe('/login?redirectTo=%2Fbuyer%2Fcontracts%3Fstatus%3Dactive')
		expect(response.headers.get('set-cookie')).toBeNull()
	})

	test('an explicit redirectTo wins; null leaves it out', async () => {
		const explicit = await thrown(requireUser(buildRequest('/x'), { redirectTo: '/audit' }))
		expect(explicit.headers.get('location')).toBe('/login?redirectTo=%2Faudit')
		const none = await thrown(requireUser(buildRequest('/x'), { redirectTo: null }))
		expect(none.headers.get('location')).toBe('/login')
	})

	test('role guards redirect rather than 403 when nobody is logged in', async () => {
		const response = await thrown(requireUserWithRole(buildRequest('/admin/users'), 'admin'))
		expect(response.headers.get('location')).toBe('/login?redirectTo=%2Fadmin%2Fusers')
	})
})

describe('requireUserWithRole', () => {
	test('a supplier on a buyer-only page gets 403, and the denial is logged', async () => {
		const log = vi.spyOn(console, 'log').mockImplementation(() => {})
		const { user, request } = await requestAs('supplier', '/buyer/contracts')
		const response = await thrown(requireUserWithRole(request, 'buyer'))
		expect(response.status).toBe(403)
		expect(await response.json()).toEqual({ error: 'Forbidden', requiredRole: ['buyer'] })
		const denied = log.mock.calls.map((c) => JSON.parse(String(c[0]))).find((e) => e.event === 'auth.denied')
		expect(denied).toMatchObject({ userId: user.id, role: 'supplier', path: '/buyer/contracts' })
	})

	test('admin passes wherever buyer is allowed, but not where only auditors are', async () => {
		const { request } = await requestAs('admin')
		expect((await requireUserWithRole(request, 'buyer')).role).toBe('admin')
		expect((await thrown(requireUserWithRole(request, 'auditor'))).status).toBe(403)
	})

	test('buyers and auditors cannot reach admin pages; a list of roles allows any of them', async () => {
		for (const role of ['buyer', 'auditor', 'supplier'] as const) {
			const { request } = await requestAs(role)
			expect((await thrown(requireUserWithRole(request, 'admin'))).status).toBe(403)
		}
		const { request } = await requestAs('auditor')
		expect((await requireUserWithRole(request, ['buyer', 'auditor'])).role).toBe('auditor')
	})

	test('route loaders call their own guard: a buyer gets 403 from the admin users page', async () => {
		const { request } = await requestAs('buyer', '/admin/users')
		expect(await callRoute(usersLoader, request)).toMatchObject({ status: 403, thrown: true })
	})
})

describe('requireUserWithPermission', () => {
	test('403 JSON names the required permission', async () => {
		const { request } = await requestAs('auditor')
		const response = await thrown(requireUserWithPermission(request, 'update:contract:any'))
		expect(response.status).toBe(403)
		expect(await response.json()).toEqual({ error: 'Forbidden', requiredPermission: 'update:contract:any' })
		expect((await requireUserWithPermission(request, 'read:scorecard:any')).role).toBe('auditor')
	})

	test('own permissions pass for suppliers, any permissions do not', async () => {
		const { request } = await requestAs('supplier')
		expect((await requireUserWithPermission(request, 'read:order:own')).role).toBe('supplier')
		expect((await thrown(requireUserWithPermission(request, 'read:order:any'))).status).toBe(403)
	})
})

describe('requireSupplierUser', () => {
	test('gives the supplier id from the session', async () => {
		const { user, request } = await requestAs('supplier')
		const supplierUser = await requireSupplierUser(request)
		expect(supplierUser.supplierId).toBe(user.supplierId)
		expect(supplierUser.supplierId).not.toBeNull()
	})

	test('refuses everyone else, admins included', async () => {
		for (const role of ['buyer', 'admin', 'auditor'] as const) {
			const { request } = await requestAs(role)
			expect((await thrown(requireSupplierUser(request))).status).toBe(403)
		}
	})
})

describe('requireAnonymous and /', () => {
	test('a logged-in user is sent to their own portal', async () => {
		const portals = { admin: '/admin', buyer: '/buyer', supplier: '/supplier', auditor: '/audit' } as const
		for (const [role, portal] of Object.entries(portals) as [Role, string][]) {
			const { request } = await requestAs(role)
			expect((await thrown(requireAnonymous(request))).headers.get('location')).toBe(portal)
			const home = await callRoute(indexLoader, buildRequest('/', { cookie: request.headers.get('cookie') }))
			expect(home).toMatchObject({ status: 302, location: portal })
		}
	})

	test('anonymous visitors of / go to /login', async () => {
		expect(await callRoute(indexLoader, buildRequest('/'))).toMatchObject({ status: 302, location: '/login' })
		await expect(requireAnonymous(buildRequest('/login'))).resolves.toBeUndefined()
	})
})
