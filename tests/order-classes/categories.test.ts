import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { listCategories } from '#app/models/category.server.ts'
import {
	action as categoryAction,
	loader as categoryLoader,
} from '#app/routes/buyer+/categories.$categoryId.tsx'
import { action as listAction, loader as listLoader } from '#app/routes/buyer+/categories._index.tsx'
import { action as newAction } from '#app/routes/buyer+/categories.new.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { categories } from '#db/schema/index.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { auditFor, buyerWithCookie } from './fixtures.ts'

type FormAnswer = { errors: Record<string, { message: string }>; defaultValues: Record<string, string> }
type ListPage = Awaited<ReturnType<typeof listLoader>>

const postNew = (cookie: string, form: Record<string, string>) =>
	callRoute(newAction, buildRequest('/buyer/categories/new', { method: 'POST', cookie, form }))

async function categoryByName(name: string) {
	const [row] = await getDb().select().from(categories).where(eq(categories.name, name))
	return row!
}

test('a buyer creates a category; the key is made from the name unless given', async () => {
	const { user, cookie } = await buyerWithCookie()
	const tag = randomUUID().slice(0, 6)
	const derived = await postNew(cookie, { name: `Tax Filing ${tag}`, description: 'Returns and filings' })
	expect(derived).toMatchObject({ status: 302, location: '/buyer/categories' })
	const created = await categoryByName(`Tax Filing ${tag}`)
	expect(created).toMatchObject({
		key: `tax-filing-${tag}`,
		description: 'Returns and filings',
		retiredAt: null,
	})
	expect((await auditFor(created.id, 'category.created'))[0]).toMatchObject({
		actorUserId: user.id,
		after: { key: `tax-filing-${tag}`, name: `Tax Filing ${tag}` },
	})

	const explicit = await postNew(cookie, { name: `Payroll audits ${tag}`, key: `pa-${tag}` })
	expect(explicit.status).toBe(302)
	expect((await categoryByName(`Payroll audits ${tag}`)).key).toBe(`pa-${tag}`)

	const listed = (await callRoute(listLoader, buildRequest('/buyer/categories', { cookie }))).data as ListPage
	expect(listed.categories.map((c) => c.key)).toEqual(
		expect.arrayContaining([`tax-filing-${tag}`, 'payroll-processing']),
	)
})

test('a duplicate key is refused on the key field, keeping what was typed', async () => {
	const { cookie } = await buyerWithCookie()
	const result = await postNew(cookie, {
		name: 'Payroll again',
		key: 'payroll-processing',
		description: 'dup',
	})
	expect(result.status).toBe(400)
	const answer = result.data as FormAnswer
	expect(answer.errors.key?.message).toBe('A category with the key "payroll-processing" already exists.')
	expect(answer.defaultValues).toEqual({
		name: 'Payroll again',
		key: 'payroll-processing',
		description: 'dup',
	})

	// The same key made from the name is a duplicate too.
	const derived = await postNew(cookie, { name: 'Accounting' })
	expect((derived.data as FormAnswer).errors.key?.message).toMatch(/already exists/)

	const empty = await postNew(cookie, { name: '  ', key: 'Bad Key' })
	expect(Object.keys((empty.data as FormAnswer).errors).sort()).toEqual(['key', 'name'])
})

test('rename is audited with before and after; the key never changes', async () => {
	const { cookie } = await buyerWithCookie()
	const tag = randomUUID().slice(0, 6)
	await postNew(cookie, { name: `Scanning ${tag}` })
	const { id, key } = await categoryByName(`Scanning ${tag}`)
	const rename = (form: Record<string, string>) =>
		callRoute(categoryAction, buildRequest(`/buyer/categories/${id}`, { method: 'POST', cookie, form }), {
			params: { categoryId: id },
		})
	expect(
		(await rename({ intent: 'details', name: `Scanning and indexing ${tag}`, key: 'hacked' })).status,
	).toBe(302)
	const renamed = await categoryByName(`Scanning and indexing ${tag}`)
	expect(renamed.key).toBe(key)
	expect((await auditFor(id, 'category.updated'))[0]).toMatchObject({
		before: { name: `Scanning ${tag}`, description: '' },
		after: { name: `Scanning and indexing ${tag}`, description: '' },
	})
	const bad = await rename({ intent: 'details', name: '' })
	expect(bad.status).toBe(400)
	expect((bad.data as FormAnswer).errors.name?.message).toBe('Enter a name.')

	const page = await callRoute(categoryLoader, buildRequest(`/buyer/categories/${id}`, { cookie }), {
		params: { categoryId: id },
	})
	expect(page.data).toMatchObject({ category: { id, name: `Scanning and indexing ${tag}` } })
})

test('retire and reinstate from the list are audited; retired ones stay listed and marked', async () => {
	const { cookie } = await buyerWithCookie()
	const tag = randomUUID().slice(0, 6)
	await postNew(cookie, { name: `Courier ${tag}` })
	const { id } = await categoryByName(`Courier ${tag}`)
	const post = (form: Record<string, string>) =>
		callRoute(listAction, buildRequest('/buyer/categories?index', { method: 'POST', cookie, form }))

	expect(await post({ intent: 'retire', categoryId: id })).toMatchObject({
		status: 302,
		location: '/buyer/categories',
	})
	const listed = (await listCategories(getDb())).find((c) => c.id === id)
	expect(listed?.retiredAt).toBeInstanceOf(Date)
	await post({ intent: 'retire', categoryId: id })
	expect((await post({ intent: 'reinstate', categoryId: id })).status).toBe(302)
	expect((await auditFor(id)).map((e) => e.action)).toEqual([
		'category.created',
		'category.retired',
		'category.reinstated',
	])

	expect((await post({ intent: 'retire', categoryId: '00000000-0000-4000-8000-999999999999' })).status).toBe(
		404,
	)
	expect((await post({ intent: 'retire', categoryId: 'nope' })).status).toBe(400)
	expect((await post({ intent: 'delete', categoryId: id })).status).toBe(400)
})

test('unknown and malformed category ids answer 404', async () => {
	const { cookie } = await buyerWithCookie()
	for (const categoryId of ['00000000-0000-4000-8000-999999999999', 'not-a-uuid']) {
		const page = await callRoute(categoryLoader, buildRequest('/buyer/categories/x', { cookie }), {
			params: { categoryId },
		})
		expect(page.status).toBe(404)
		const post = await callRoute(
			categoryAction,
			buildRequest('/buyer/categories/x', { method: 'POST', cookie, form: { intent: 'retire' } }),
			{ params: { categoryId } },
		)
		expect(post.status).toBe(404)
	}
})
