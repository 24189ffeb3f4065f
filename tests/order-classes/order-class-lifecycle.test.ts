import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { loader as listLoader } from '#app/routes/buyer+/order-classes._index.tsx'
import {
	action as classAction,
	loader as classLoader,
} from '#app/routes/buyer+/order-classes.$orderClassId.tsx'
import { action as newAction, loader as newLoader } from '#app/routes/buyer+/order-classes.new.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { orderClasses } from '#db/schema/index.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import {
	auditFor,
	BALANCED_POLICY,
	buyerWithCookie,
	insertOrderClass,
	policyForm,
	policyRows,
	uniqueKey,
} from './fixtures.ts'

type FormAnswer = {
	errors: Record<string, { message: string }>
	defaultValues: Record<string, string | boolean>
}
type ListPage = Awaited<ReturnType<typeof listLoader>>

function newClassForm(overrides: Record<string, string> = {}) {
	const {
		intent: _intent,
		basedOnVersion: _based,
		changeNote: _note,
		...policy
	} = policyForm(BALANCED_POLICY, {
		basedOnVersion: 1,
	})
	return {
		name: `Night shift ${uniqueKey('n')}`,
		description: 'Work done overnight',
		priorityRank: '7',
		...policy,
		...overrides,
	}
}

const postNew = (cookie: string, form: Record<string, string>) =>
	callRoute(newAction, buildRequest('/buyer/order-classes/new', { method: 'POST', cookie, form }))

const postTo = (orderClassId: string, cookie: string, form: Record<string, string>) =>
	callRoute(
		classAction,
		buildRequest(`/buyer/order-classes/${orderClassId}`, { method: 'POST', cookie, form }),
		{
			params: { orderClassId },
		},
	)

test('a buyer creates a class with its first policy in one form; the key comes from the name', async () => {
	const { user, cookie } = await buyerWithCookie('Cora Creator')
	expect(
		(await callRoute(newLoader, buildRequest('/buyer/order-classes/new', { cookie }))).data,
	).toMatchObject({
		nextRank: expect.any(Number),
	})
	const name = `Overnight ${uniqueKey('o')}`
	const result = await postNew(cookie, newClassForm({ name, routingMode: 'broadcast', broadcastCount: '4' }))
	expect(result.status).toBe(302)
	const [created] = await getDb().select().from(orderClasses).where(eq(orderClasses.name, name))
	expect(created).toMatchObject({
		key: name.toLowerCase().replace(/ /g, '-'),
		priorityRank: 7,
		retiredAt: null,
	})
	expect(result.location).toBe(`/buyer/order-classes/${created!.id}`)
	const [v1] = await policyRows(created!.id)
	expect(v1).toMatchObject({
		version: 1,
		routingMode: 'broadcast',
		broadcastCount: 4,
		createdByUserId: user.id,
	})
	const [event] = await auditFor(created!.id, 'order_class.created')
	expect(event).toMatchObject({
		actorUserId: user.id,
		after: { key: created!.key, name, policy: { version: 1, broadcastCount: 4, weightPrice: 30 } },
	})
})

test('a key already in use, or a malformed one, is refused on the key field', async () => {
	const { user, cookie } = await buyerWithCookie()
	const { key } = await insertOrderClass(user)
	const duplicate = await postNew(cookie, newClassForm({ key }))
	expect(duplicate.status).toBe(400)
	expect((duplicate.data as FormAnswer).errors.key?.message).toBe(
		`An order class with the key "${key}" already exists.`,
	)
	expect((duplicate.data as FormAnswer).defaultValues).toMatchObject({
		key,
		priorityRank: '7',
		contractRequired: true,
	})

	const seededKey = await postNew(cookie, newClassForm({ key: 'urgent' }))
	expect((seededKey.data as FormAnswer).errors.key?.message).toMatch(/already exists/)

	const malformed = await postNew(cookie, newClassForm({ key: 'Not a slug!' }))
	expect(malformed.status).toBe(400)
	expect((malformed.data as FormAnswer).errors.key?.message).toMatch(/lowercase letters/)

	const noLetters = await postNew(cookie, newClassForm({ name: '!!!' }))
	expect((noLetters.data as FormAnswer).errors.key?.message).toMatch(/Enter a key/)
})

test('the new class form applies the policy rules too', async () => {
	const { cookie } = await buyerWithCookie()
	const result = await postNew(cookie, newClassForm({ weightCapacity: '0', ackDeadlineMinutes: '0' }))
	expect(result.status).toBe(400)
	const { errors } = result.data as FormAnswer
	expect(Object.keys(errors).sort()).toEqual(['ackDeadlineMinutes', 'weights'])
})

test('name, description and rank are edited and audited; the same values again change nothing', async () => {
	const { user, cookie } = await buyerWithCookie()
	const { id, name } = await insertOrderClass(user)
	const edit = {
		intent: 'details',
		name: `${name} (renamed)`,
		description: 'Now described',
		priorityRank: '9',
	}
	expect((await postTo(id, cookie, edit)).status).toBe(302)
	expect((await postTo(id, cookie, edit)).status).toBe(302)
	const events = await auditFor(id, 'order_class.updated')
	expect(events).toHaveLength(1)
	expect(events[0]).toMatchObject({
		before: { name, description: 'Made by a test', priorityRank: 50 },
		after: { name: `${name} (renamed)`, description: 'Now described', priorityRank: 9 },
	})

	const bad = await postTo(id, cookie, { intent: 'details', name: '', priorityRank: '0' })
	expect(bad.status).toBe(400)
	expect(Object.keys((bad.data as FormAnswer).errors).sort()).toEqual(['name', 'priorityRank'])
})

test('retire and reinstate are audited, never delete, and the list shows retired classes apart', async () => {
	const { user, cookie } = await buyerWithCookie()
	const { id } = await insertOrderClass(user)
	const list = async () =>
		(await callRoute(listLoader, buildRequest('/buyer/order-classes', { cookie }))).data as ListPage

	expect((await postTo(id, cookie, { intent: 'retire' })).status).toBe(302)
	expect((await list()).retired.map((c) => c.id)).toContain(id)
	expect((await list()).active.map((c) => c.id)).not.toContain(id)
	// Retiring twice records nothing new.
	await postTo(id, cookie, { intent: 'retire' })
	expect((await postTo(id, cookie, { intent: 'reinstate' })).status).toBe(302)
	expect((await list()).active.map((c) => c.id)).toContain(id)

	const events = await auditFor(id)
	expect(events.map((e) => e.action)).toEqual([
		'order_class.created',
		'order_class.retired',
		'order_class.reinstated',
	])
	expect(events[1]).toMatchObject({ before: { retiredAt: null }, after: { retiredAt: expect.any(String) } })
	expect(events[2]).toMatchObject({ after: { retiredAt: null } })
})

test('unknown and malformed class ids answer 404 on the page and its action', async () => {
	const { cookie } = await buyerWithCookie()
	for (const orderClassId of ['00000000-0000-4000-8000-999999999999', 'not-a-uuid', "1' or '1'='1"]) {
		const page = await callRoute(classLoader, buildRequest(`/buyer/order-classes/x`, { cookie }), {
			params: { orderClassId },
		})
		expect(page.status, orderClassId).toBe(404)
		const post = await postTo(orderClassId, cookie, { intent: 'retire' })
		expect(post.status, orderClassId).toBe(404)
	}
})

test('an admin may do what a buyer does', async () => {
	const { user, cookie } = await buyerWithCookie('Ada Admin', 'admin')
	const { id } = await insertOrderClass(user)
	const result = await postTo(id, cookie, {
		...policyForm(BALANCED_POLICY, { basedOnVersion: 1 }),
		weightPrice: '20',
		weightCapacity: '30',
	})
	expect(result.status).toBe(302)
	const [, v2] = await policyRows(id)
	expect(v2).toMatchObject({ version: 2, weightPrice: 20, createdByUserId: user.id })
	expect((await auditFor(id, 'order_class.policy_changed'))[0]).toMatchObject({ actorRole: 'admin' })
})
