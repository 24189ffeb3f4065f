import { withBodies } from '#tests/utils/outbox.ts'
import { and, eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { INVITATION_TTL_MS } from '#app/domain/auth/invitation.ts'
import { acceptInvitation, getInvitationByToken } from '#app/models/user/accept-invitation.server.ts'
import { inviteUser, revokeInvitation } from '#app/models/user/invite-user.server.ts'
import {
	action as invitationAction,
	loader as invitationLoader,
} from '#app/routes/_auth+/invitations.$token.tsx'
import { action as inviteAction } from '#app/routes/admin+/users.new.tsx'
import { AppError } from '#app/utils/app-error.ts'
import { getOptionalUser, login } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { auditEvents, outboxEmails, users } from '#db/schema/index.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { buildRequest, callRoute, uniqueEmail } from '#tests/utils/route.ts'

const APP_URL = 'https://procura.example'
const NEW_PASSWORD = 'a long and lovely passphrase'

async function invite(overrides: Partial<Parameters<typeof inviteUser>[1]> = {}) {
	const db = getDb()
	const admin = await insertUser(db, { role: 'admin', name: 'Ada Admin' })
	const email = uniqueEmail('invitee')
	const invitation = await inviteUser(db, {
		actor: admin,
		email,
		name: 'Ian Invitee',
		role: 'buyer',
		appUrl: APP_URL,
		...overrides,
	})
	const token = invitation.acceptUrl.split('/invitations/')[1]!
	return { admin, email: invitation.email, invitation, token }
}

describe('invite → accept → login', () => {
	test('the invitee gets an email with a single-use link, sets a password and is logged in', async () => {
		const { admin, email, invitation, token } = await invite()
		expect(invitation.acceptUrl).toBe(`${APP_URL}/invitations/${token}`)

		const [mail] = await withBodies(
			await getDb().select().from(outboxEmails).where(eq(outboxEmails.toAddress, email)),
		)
		expect(mail?.subject).toBe('Ada Admin invited you to Procura')
		expect(mail?.html).toContain(invitation.acceptUrl)
		expect(mail?.text).toContain(invitation.acceptUrl)

		// The invitation page shows who is invited.
		const page = await callRoute(invitationLoader, buildRequest(`/invitations/${token}`), {
			params: { token },
		})
		expect(page.status).toBe(200)
		expect(page.data).toMatchObject({ invitation: { email, name: 'Ian Invitee', role: 'buyer' } })

		const accepted = await callRoute(
			invitationAction,
			buildRequest(`/invitations/${token}`, {
				method: 'POST',
				form: { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
			}),
			{ params: { token } },
		)
		expect(accepted.status).toBe(302)
		expect(accepted.location).toBe('/buyer')
		expect(accepted.setCookie).toMatch(/^procura_session=/)
		const cookie = accepted.setCookie!.split(';')[0]!
		expect(await getOptionalUser(buildRequest('/buyer', { cookie }))).toMatchObject({ email, role: 'buyer' })

		const loggedIn = await login({ email, password: NEW_PASSWORD, ip: null })
		expect('user' in loggedIn && loggedIn.user.email).toBe(email)

		const [user] = await getDb().select().from(users).where(eq(users.email, email))
		expect(user?.passwordHash).toMatch(/^\$argon2id\$/)
		const trail = await getDb()
			.select({ action: auditEvents.action, actor: auditEvents.actorUserId })
			.from(auditEvents)
			.where(eq(auditEvents.entityId, invitation.invitationId))
		expect(trail).toEqual([
			{ action: 'user.invited', actor: admin.id },
			{ action: 'user.invitation_accepted', actor: user!.id },
		])
	})

	test('a supplier invitation names the supplier and makes a user of that supplier', async () => {
		const supplier = await insertSupplier(getDb(), { name: 'Northwind Payroll' })
		const { email, token } = await invite({ role: 'supplier', supplierId: supplier.id })
		const [mail] = await withBodies(
			await getDb().select().from(outboxEmails).where(eq(outboxEmails.toAddress, email)),
		)
		expect(mail?.text).toContain('Northwind Payroll')

		const { user } = await acceptInvitation({ token, password: NEW_PASSWORD })
		expect(user).toMatchObject({ email, role: 'supplier', supplierId: supplier.id })
	})
})

describe('single use and expiry', () => {
	test('a second accept of the same token fails', async () => {
		const { token } = await invite()
		await acceptInvitation({ token, password: NEW_PASSWORD })
		await expect(acceptInvitation({ token, password: 'another long passphrase' })).rejects.toMatchObject({
			code: 'NOT_FOUND',
		})
		expect(await getInvitationByToken(token)).toBeNull()

		const again = await callRoute(
			invitationAction,
			buildRequest(`/invitations/${token}`, {
				method: 'POST',
				form: { password: NEW_PASSWORD, confirmPassword: NEW_PASSWORD },
			}),
			{ params: { token } },
		)
		expect(again.status).toBe(404)
	})

	test('an expired invitation is refused', async () => {
		const sentAt = new Date()
		const { token } = await invite({ now: sentAt })
		const justBefore = new Date(sentAt.getTime() + INVITATION_TTL_MS - 1)
		const expired = new Date(sentAt.getTime() + INVITATION_TTL_MS)
		expect(await getInvitationByToken(token, justBefore)).not.toBeNull()
		expect(await getInvitationByToken(token, expired)).toBeNull()
		await expect(acceptInvitation({ token, password: NEW_PASSWORD, now: expired })).rejects.toMatchObject({
			code: 'NOT_FOUND',
			message: 'This invitation link is invalid or has expired',
		})
	})

	test('an invitation sent more than 72 hours ago shows the invalid-link page with 404', async () => {
		const { token } = await invite({ now: new Date(Date.now() - INVITATION_TTL_MS - 60_000) })
		const page = await callRoute(invitationLoader, buildRequest(`/invitations/${token}`), {
			params: { token },
		})
		expect(page).toMatchObject({ status: 404, data: { invitation: null } })
		const unknown = await callRoute(invitationLoader, buildRequest('/invitations/nope'), {
			params: { token: 'nope' },
		})
		expect(unknown.status).toBe(404)
	})

	test('a revoked invitation stops working, and the address can be invited again', async () => {
		const { admin, email, invitation, token } = await invite()
		await revokeInvitation(getDb(), { actor: admin, invitationId: invitation.invitationId })
		expect(await getInvitationByToken(token)).toBeNull()
		await expect(
			revokeInvitation(getDb(), { actor: admin, invitationId: invitation.invitationId }),
		).rejects.toThrow(AppError)
		const second = await inviteUser(getDb(), {
			actor: admin,
			email,
			name: 'Ian',
			role: 'auditor',
			appUrl: APP_URL,
		})
		expect(second.invitationId).not.toBe(invitation.invitationId)
	})

	test('a weak password or a mismatch is answered with 400 and field messages', async () => {
		const { token } = await invite()
		const weak = await callRoute(
			invitationAction,
			buildRequest(`/invitations/${token}`, {
				method: 'POST',
				form: { password: 'short', confirmPassword: 'short' },
			}),
			{ params: { token } },
		)
		expect(weak.status).toBe(400)
		expect(weak.data).toMatchObject({ errors: { password: { message: 'Use at least 12 characters.' } } })

		const mismatch = await callRoute(
			invitationAction,
			buildRequest(`/invitations/${token}`, {
				method: 'POST',
				form: { password: NEW_PASSWORD, confirmPassword: `${NEW_PASSWORD}!` },
			}),
			{ params: { token } },
		)
		expect(mismatch.status).toBe(400)
		expect(mismatch.data).toMatchObject({
			errors: { confirmPassword: { message: 'The two passwords do not match.' } },
		})
		// Still usable after failed attempts.
		expect(await getInvitationByToken(token)).not.toBeNull()
	})
})

describe('inviting', () => {
	test('refuses an address that already has an account or an open invitation', async () => {
		const { admin, email } = await invite()
		await expect(
			inviteUser(getDb(), {
				actor: admin,
				email: email.toUpperCase(),
				name: 'Again',
				role: 'buyer',
				appUrl: APP_URL,
			}),
		).rejects.toMatchObject({
			code: 'RULE_VIOLATION',
			field: 'email',
			message: expect.stringMatching(/open invitation/),
		})

		const existing = await insertUser(getDb())
		await expect(
			inviteUser(getDb(), {
				actor: admin,
				email: existing.email,
				name: 'Again',
				role: 'buyer',
				appUrl: APP_URL,
			}),
		).rejects.toMatchObject({ code: 'RULE_VIOLATION', message: 'A user with this email already exists.' })
	})

	test('only admins can invite', async () => {
		const buyer = await insertUser(getDb(), { role: 'buyer' })
		await expect(
			inviteUser(getDb(), { actor: buyer, email: uniqueEmail(), name: 'X', role: 'buyer', appUrl: APP_URL }),
		).rejects.toMatchObject({ code: 'FORBIDDEN' })
	})

	test('the invite form: bad input gives 400 with messages, duplicates 422, success redirects with a toast', async () => {
		const admin = await insertUser(getDb(), { role: 'admin' })
		const cookie = await sessionCookieFor(admin.id)
		const post = (form: Record<string, string>) =>
			callRoute(inviteAction, buildRequest('/admin/users/new', { method: 'POST', cookie, form }))

		const noSupplier = await post({ email: uniqueEmail(), name: 'Sam', role: 'supplier', supplierId: '' })
		expect(noSupplier.status).toBe(400)
		expect(noSupplier.data).toMatchObject({
			errors: { supplierId: { message: 'Choose the supplier this user belongs to.' } },
			defaultValues: { name: 'Sam', role: 'supplier' },
		})

		const badEmail = await post({ email: 'not-an-email', name: '', role: 'wizard' })
		expect(badEmail.status).toBe(400)
		expect(Object.keys((badEmail.data as { errors: object }).errors).sort()).toEqual([
			'email',
			'name',
			'role',
		])

		const email = uniqueEmail('via-form')
		const sent = await post({ email, name: 'Fran Form', role: 'auditor' })
		expect(sent).toMatchObject({ status: 302, location: '/admin/users' })
		const [mail] = await withBodies(
			await getDb().select().from(outboxEmails).where(eq(outboxEmails.toAddress, email)),
		)
		expect(mail?.text).toContain('http://localhost:3000/invitations/')

		const duplicate = await post({ email, name: 'Fran Form', role: 'auditor' })
		expect(duplicate.status).toBe(422)
		expect(duplicate.data).toMatchObject({
			errors: { email: { message: expect.stringMatching(/open invitation/) } },
		})
	})

	test('the invite form is admin-only', async () => {
		const buyer = await insertUser(getDb(), { role: 'buyer' })
		const cookie = await sessionCookieFor(buyer.id)
		const email = uniqueEmail()
		const result = await callRoute(
			inviteAction,
			buildRequest('/admin/users/new', { method: 'POST', cookie, form: { email, name: 'N', role: 'admin' } }),
		)
		expect(result).toMatchObject({ status: 403, thrown: true })
		const rows = await getDb()
			.select()
			.from(outboxEmails)
			.where(and(eq(outboxEmails.toAddress, email)))
		expect(rows).toEqual([])
	})
})
