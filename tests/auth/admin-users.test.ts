import { randomUUID } from 'node:crypto'
import { expect, test } from 'vitest'
import { getInvitationByToken } from '#app/models/user/accept-invitation.server.ts'
import { inviteUser } from '#app/models/user/invite-user.server.ts'
import { listUsers } from '#app/models/user/list-users.server.ts'
import { action as usersAction, loader as usersLoader } from '#app/routes/admin+/users._index.tsx'
import { loader as newUserLoader } from '#app/routes/admin+/users.new.tsx'
import { getOptionalUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { createTestSession, sessionCookieFor } from '#tests/utils/session.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'

async function adminCookie() {
	const admin = await insertUser(getDb(), { role: 'admin', name: 'Ada Admin' })
	return { admin, cookie: await sessionCookieFor(admin.id) }
}

type UsersPage = Awaited<ReturnType<typeof usersLoader>>

test('lists users with search, role filter, paging and disabled state', async () => {
	const tag = randomUUID().slice(0, 8)
	for (let i = 0; i < 27; i++) {
		await insertUser(getDb(), {
			name: `Paged ${tag} ${String(i).padStart(2, '0')}`,
			role: i % 3 === 0 ? 'auditor' : 'buyer',
		})
	}
	const { cookie } = await adminCookie()
	const page = async (search: string) =>
		(await callRoute(usersLoader, buildRequest(`/admin/users?${search}`, { cookie }))).data as UsersPage

	const first = await page(`q=${tag}`)
	expect(first.total).toBe(27)
	expect(first.users).toHaveLength(25)
	expect(first.users[0]?.name).toBe(`Paged ${tag} 00`)
	const second = await page(`q=${tag}&page=2`)
	expect(second.users.map((u) => u.name)).toEqual([`Paged ${tag} 25`, `Paged ${tag} 26`])

	const auditors = await page(`q=${tag}&role=auditor`)
	expect(auditors.total).toBe(9)
	expect(auditors.users.every((u) => u.role === 'auditor')).toBe(true)

	// Unreadable parameters fall back instead of failing.
	const garbage = await page(`q=${tag}&role=wizard&page=-3`)
	expect(garbage.total).toBe(27)
	expect(garbage.query.page).toBe(1)
})

test('search treats % and _ as text', async () => {
	await insertUser(getDb(), { name: 'Percent 100% Sure' })
	const { users } = await listUsers(getDb(), { search: '100%', limit: 25, offset: 0 })
	expect(users.every((u) => u.name.includes('100%') || u.email.includes('100%'))).toBe(true)
	const { total } = await listUsers(getDb(), { search: `zz_${randomUUID()}`, limit: 25, offset: 0 })
	expect(total).toBe(0)
})

test('disable and enable through the page: the user is signed out at once, and a toast reports it', async () => {
	const { cookie } = await adminCookie()
	const user = await insertUser(getDb(), { role: 'buyer', name: `Dana ${randomUUID().slice(0, 6)}` })
	const userSession = await createTestSession(user.id)
	const post = (form: Record<string, string>) =>
		callRoute(
			usersAction,
			buildRequest(`/admin/users?index&q=${encodeURIComponent(user.name)}`, { method: 'POST', cookie, form }),
		)

	const disabled = await post({ intent: 'disable', userId: user.id })
	expect(disabled).toMatchObject({
		status: 302,
		location: `/admin/users?q=${encodeURIComponent(user.name).replace(/%20/g, '+')}`,
	})
	expect(disabled.setCookie).toMatch(/^en_toast=/)
	expect(await getOptionalUser(buildRequest('/buyer', { cookie: userSession.cookie }))).toBeNull()

	const listed = (
		await callRoute(usersLoader, buildRequest(`/admin/users?q=${encodeURIComponent(user.name)}`, { cookie }))
	).data as UsersPage
	expect(listed.users[0]?.disabledAt).toBeInstanceOf(Date)

	expect(await post({ intent: 'enable', userId: user.id })).toMatchObject({ status: 302 })
	const relisted = (
		await callRoute(usersLoader, buildRequest(`/admin/users?q=${encodeURIComponent(user.name)}`, { cookie }))
	).data as UsersPage
	expect(relisted.users[0]?.disabledAt).toBeNull()
})

test('an admin disabling themselves gets an error toast and stays active', async () => {
	const { admin, cookie } = await adminCookie()
	const result = await callRoute(
		usersAction,
		buildRequest('/admin/users', { method: 'POST', cookie, form: { intent: 'disable', userId: admin.id } }),
	)
	expect(result).toMatchObject({ status: 302, location: '/admin/users' })
	expect(await getOptionalUser(buildRequest('/admin', { cookie }))).toMatchObject({ id: admin.id })
})

test('bad input to the page action is answered with 400', async () => {
	const { cookie } = await adminCookie()
	const forms: Record<string, string>[] = [
		{},
		{ intent: 'delete-everything' },
		{ intent: 'disable', userId: 'not-a-uuid' },
	]
	for (const form of forms) {
		const result = await callRoute(
			usersAction,
			buildRequest('/admin/users', { method: 'POST', cookie, form }),
		)
		expect(result.status).toBe(400)
	}
	const unknownUser = await callRoute(
		usersAction,
		buildRequest('/admin/users', {
			method: 'POST',
			cookie,
			form: { intent: 'disable', userId: randomUUID() },
		}),
	)
	// A well-formed id that matches nobody: the toast explains, nothing breaks.
	expect(unknownUser.status).toBe(302)
})

test('pending invitations are listed and can be revoked from the page', async () => {
	const { admin, cookie } = await adminCookie()
	const email = `pending-${randomUUID()}@procura.test`
	const invitation = await inviteUser(getDb(), {
		actor: admin,
		email,
		name: 'Pat Pending',
		role: 'buyer',
		appUrl: 'http://x',
	})
	const token = invitation.acceptUrl.split('/invitations/')[1]!

	const page = (await callRoute(usersLoader, buildRequest('/admin/users', { cookie }))).data as UsersPage
	expect(page.invitations).toEqual(
		expect.arrayContaining([
			expect.objectContaining({ email, name: 'Pat Pending', invitedByName: 'Ada Admin' }),
		]),
	)

	const revoked = await callRoute(
		usersAction,
		buildRequest('/admin/users', {
			method: 'POST',
			cookie,
			form: { intent: 'revoke-invitation', invitationId: invitation.invitationId },
		}),
	)
	expect(revoked.status).toBe(302)
	expect(await getInvitationByToken(token)).toBeNull()
})

test('the invite page offers suppliers that can get users', async () => {
	const { cookie } = await adminCookie()
	const active = await insertSupplier(getDb(), { name: `Active ${randomUUID()}` })
	const blocked = await insertSupplier(getDb(), { name: `Blocked ${randomUUID()}`, status: 'blocked' })
	const { data } = await callRoute(newUserLoader, buildRequest('/admin/users/new', { cookie }))
	const ids = (data as { suppliers: { id: string }[] }).suppliers.map((s) => s.id)
	expect(ids).toContain(active.id)
	expect(ids).not.toContain(blocked.id)
})
