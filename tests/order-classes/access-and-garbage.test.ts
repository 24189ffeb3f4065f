import { describe, expect, test } from 'vitest'
import { listOrderClassesWithPolicy } from '#app/models/order-class/current-policies.server.ts'
import * as categoryPage from '#app/routes/buyer+/categories.$categoryId.tsx'
import * as categoriesList from '#app/routes/buyer+/categories._index.tsx'
import * as newCategory from '#app/routes/buyer+/categories.new.tsx'
import * as classPage from '#app/routes/buyer+/order-classes.$orderClassId.tsx'
import * as classList from '#app/routes/buyer+/order-classes._index.tsx'
import * as newClass from '#app/routes/buyer+/order-classes.new.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import {
	auditFor,
	BALANCED_POLICY,
	buyerWithCookie,
	insertOrderClass,
	policyForm,
	policyRows,
} from './fixtures.ts'

type Fn = Parameters<typeof callRoute>[0]

async function routesWithIds() {
	const { user } = await buyerWithCookie()
	const orderClass = await insertOrderClass(user)
	const [category] = await (await import('#app/models/category.server.ts')).listCategories(getDb())
	const classParams = { orderClassId: orderClass.id }
	const categoryParams = { categoryId: category!.id }
	const routes: Array<{
		name: string
		path: string
		params: Record<string, string>
		loader: Fn
		action?: Fn
	}> = [
		{ name: 'class list', path: '/buyer/order-classes', params: {}, loader: classList.loader as Fn },
		{
			name: 'new class',
			path: '/buyer/order-classes/new',
			params: {},
			loader: newClass.loader as Fn,
			action: newClass.action as Fn,
		},
		{
			name: 'class page',
			path: `/buyer/order-classes/${orderClass.id}`,
			params: classParams,
			loader: classPage.loader as Fn,
			action: classPage.action as Fn,
		},
		{
			name: 'category list',
			path: '/buyer/categories?index',
			params: {},
			loader: categoriesList.loader as Fn,
			action: categoriesList.action as Fn,
		},
		{
			name: 'new category',
			path: '/buyer/categories/new',
			params: {},
			loader: newCategory.loader as Fn,
			action: newCategory.action as Fn,
		},
		{
			name: 'category page',
			path: `/buyer/categories/${category!.id}`,
			params: categoryParams,
			loader: categoryPage.loader as Fn,
			action: categoryPage.action as Fn,
		},
	]
	return { routes, orderClass, category: category! }
}

describe('only buyers and admins reach these pages', () => {
	test.each(['supplier', 'auditor'] as const)(
		'a %s user gets 403 on every loader and action, and nothing changes',
		async (role) => {
			const { routes, orderClass, category } = await routesWithIds()
			const outsider = await insertUser(getDb(), { role })
			const cookie = await sessionCookieFor(outsider.id)
			const hostile = {
				...policyForm(BALANCED_POLICY, { basedOnVersion: 1 }),
				ackDeadlineMinutes: '5',
				name: 'Hijacked',
				categoryId: category.id,
			}
			for (const route of routes) {
				const page = await callRoute(route.loader, buildRequest(route.path, { cookie }), {
					params: route.params,
				})
				expect(page.status, `${route.name} loader`).toBe(403)
				if (!route.action) continue
				for (const intent of ['policy', 'details', 'retire']) {
					const post = await callRoute(
						route.action,
						buildRequest(route.path, { method: 'POST', cookie, form: { ...hostile, intent } }),
						{ params: route.params },
					)
					expect(post.status, `${route.name} action ${intent}`).toBe(403)
				}
			}
			expect((await policyRows(orderClass.id)).map((r) => r.version)).toEqual([1])
			expect((await auditFor(orderClass.id)).map((e) => e.action)).toEqual(['order_class.created'])
			expect(await auditFor(category.id, 'category.retired')).toEqual([])
		},
	)

	test('an anonymous visitor is sent to the login page', async () => {
		const { routes } = await routesWithIds()
		for (const route of routes) {
			const page = await callRoute(route.loader, buildRequest(route.path), { params: route.params })
			expect(page.status, route.name).toBe(302)
			expect(page.location, route.name).toMatch(/^\/login\?redirectTo=/)
		}
	})
})

describe('bad or garbage bodies answer 400, never 500', () => {
	const bodies: Array<
		[string, { body?: BodyInit; form?: Record<string, string>; headers?: Record<string, string> }]
	> = [
		['an empty body', { body: '' }],
		['JSON', { body: '{"intent":"policy"}', headers: { 'content-type': 'application/json' } }],
		['a broken multipart body', { body: 'garbage', headers: { 'content-type': 'multipart/form-data' } }],
		['an unknown intent', { form: { intent: 'delete' } }],
		[
			'repeated, nested and huge fields',
			{ form: { 'intent[]': 'policy', 'name.first': 'x', weightPrice: '9'.repeat(5000) } },
		],
		[
			'a policy with every field wrong',
			{
				form: {
					intent: 'policy',
					basedOnVersion: 'x',
					ackDeadlineMinutes: '1e3',
					routingMode: 'lottery',
					currency: 'XXX',
					weightPrice: '-1',
					approvalThreshold: '1.234',
					changeNote: 'n',
				},
			},
		],
	]

	test.each(bodies)('%s', async (_label, init) => {
		const { routes, orderClass } = await routesWithIds()
		const { cookie } = await buyerWithCookie()
		for (const route of routes) {
			if (!route.action) continue
			const result = await callRoute(
				route.action,
				buildRequest(route.path, { method: 'POST', cookie, ...init }),
				{ params: route.params },
			)
			expect(result.status, route.name).toBe(400)
		}
		expect((await policyRows(orderClass.id)).map((r) => r.version)).toEqual([1])
	})

	test('the seeded classes are untouched by all of the above', async () => {
		const classes = await listOrderClassesWithPolicy(getDb(), { includeRetired: true })
		const emergency = classes.find((c) => c.key === 'emergency')
		expect(emergency?.retiredAt).toBeNull()
	})
})
