import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, test } from 'vitest'
import { setUserDisabled } from '#app/models/user/set-user-disabled.server.ts'
import { action as logoutAction, loader as logoutLoader } from '#app/routes/_auth+/logout.tsx'
import { getOptionalUser, login, requireUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { getSessionToken, serializeSessionCookie, validateSessionToken } from '#app/utils/session.server.ts'
import { auditEvents, sessions } from '#db/schema/index.ts'
import { insertUser, TEST_PASSWORD } from '#tests/factories/users.ts'
import { createTestSession } from '#tests/utils/session.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

async function storedSession(id: string) {
	const [row] = await getDb().select().from(sessions).where(eq(sessions.id, id))
	return row ?? null
}

describe('expiry with an injected clock', () => {
	test('idle: alive until 12 h without activity, then gone (and its row deleted)', async () => {
		const user = await insertUser(getDb())
		const t0 = new Date('2026-03-02T08:00:00Z')
		const { token, session } = await createTestSession(user.id, { now: t0 })
		expect(session.expiresAt).toEqual(new Date(t0.getTime() + 12 * HOUR))
		expect(session.absoluteExpiresAt).toEqual(new Date(t0.getTime() + 7 * DAY))

		const alive = await validateSessionToken(token, new Date(t0.getTime() + 12 * HOUR - 1))
		expect(alive?.user.id).toBe(user.id)

		const second = await createTestSession(user.id, { now: t0 })
		expect(await validateSessionToken(second.token, new Date(t0.getTime() + 12 * HOUR))).toBeNull()
		expect(await storedSession(second.session.id)).toBeNull()
	})

	test('a valid token gives the session as stored and its user without the disabled flag', async () => {
		const user = await insertUser(getDb(), { role: 'auditor', name: 'Ida Auditor' })
		const t0 = new Date('2026-03-02T08:00:00.123Z')
		const { token, session } = await createTestSession(user.id, { now: t0 })
		const stored = await storedSession(session.id)
		expect(await validateSessionToken(token, new Date(t0.getTime() + MINUTE))).toEqual({
			session: stored,
			user: { id: user.id, email: user.email, name: 'Ida Auditor', role: 'auditor', supplierId: null },
		})
	})

	test('absolute: a session used every few hours still ends 7 days after login', async () => {
		const user = await insertUser(getDb())
		const t0 = new Date('2026-03-02T08:00:00Z')
		const { token, session } = await createTestSession(user.id, { now: t0 })
		for (let t = 6 * HOUR; t < 7 * DAY; t += 6 * HOUR) {
			expect(
				await validateSessionToken(token, new Date(t0.getTime() + t)),
				`after ${t / HOUR} h`,
			).not.toBeNull()
		}
		const row = await storedSession(session.id)
		expect(row?.expiresAt).toEqual(new Date(t0.getTime() + 7 * DAY))
		expect(await validateSessionToken(token, new Date(t0.getTime() + 7 * DAY))).toBeNull()
		expect(await storedSession(session.id)).toBeNull()
	})

	test('sliding: no write right after login, renewal once a slice of the window has passed', async () => {
		const user = await insertUser(getDb())
		const t0 = new Date('2026-03-02T08:00:00Z')
		const { token, session } = await createTestSession(user.id, { now: t0 })

		await validateSessionToken(token, new Date(t0.getTime() + 30 * MINUTE))
		expect((await storedSession(session.id))?.expiresAt).toEqual(session.expiresAt)

		const later = new Date(t0.getTime() + 2 * HOUR)
		const renewed = await validateSessionToken(token, later)
		expect(renewed?.session.expiresAt).toEqual(new Date(later.getTime() + 12 * HOUR))
		expect((await storedSession(session.id))?.expiresAt).toEqual(new Date(later.getTime() + 12 * HOUR))
		// Alive past the original idle expiry thanks to the renewal.
		expect(await validateSessionToken(token, new Date(t0.getTime() + 13 * HOUR))).not.toBeNull()
	})

	test('the guards take the same clock: an idle session redirects to login', async () => {
		const user = await insertUser(getDb())
		const t0 = new Date()
		const { cookie } = await createTestSession(user.id, { now: t0 })
		const request = () => buildRequest('/buyer/orders?page=2', { cookie })
		expect(await getOptionalUser(request(), { now: new Date(t0.getTime() + HOUR) })).toMatchObject({
			id: user.id,
		})
		const redirect = await requireUser(request(), { now: new Date(t0.getTime() + 13 * HOUR) }).catch(
			(r: Response) => r,
		)
		expect(redirect).toBeInstanceOf(Response)
		expect((redirect as Response).headers.get('location')).toBe(
			'/login?redirectTo=%2Fbuyer%2Forders%3Fpage%3D2',
		)
		// The dead cookie is cleared on the way.
		expect((redirect as Response).headers.get('set-cookie')).toMatch(/^procura_session=;.*Max-Age=0/)
	})

	test('SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS configure the limits', async () => {
		process.env.SESSION_IDLE_MINUTES = '30'
		process.env.SESSION_ABSOLUTE_HOURS = '2'
		try {
			const user = await insertUser(getDb())
			const t0 = new Date('2026-03-02T08:00:00Z')
			const { token, session } = await createTestSession(user.id, { now: t0 })
			expect(session.expiresAt).toEqual(new Date(t0.getTime() + 30 * MINUTE))
			expect(session.absoluteExpiresAt).toEqual(new Date(t0.getTime() + 2 * HOUR))
			expect(await validateSessionToken(token, new Date(t0.getTime() + 31 * MINUTE))).toBeNull()
		} finally {
			delete process.env.SESSION_IDLE_MINUTES
			delete process.env.SESSION_ABSOLUTE_HOURS
		}
	})
})

describe('cookie', () => {
	afterEach(() => {
		process.env.NODE_ENV = 'test'
		delete process.env.COOKIE_SECURE
	})

	test('is Secure in production unless COOKIE_SECURE=false', async () => {
		const session = { absoluteExpiresAt: new Date(Date.now() + DAY) }
		process.env.NODE_ENV = 'production'
		expect(await serializeSessionCookie('a'.repeat(32), session)).toMatch(/; Secure/)
		process.env.COOKIE_SECURE = 'false'
		expect(await serializeSessionCookie('a'.repeat(32), session)).not.toMatch(/Secure/)
	})

	test('a tampered or foreign cookie is ignored', async () => {
		const user = await insertUser(getDb())
		const { cookie, token } = await createTestSession(user.id)
		const [name, value] = cookie.split('=') as [string, string]
		const tampered = `${name}=${value.slice(0, -2)}xx`
		expect(await getSessionToken(buildRequest('/', { cookie: tampered }))).toBeNull()
		expect(await getOptionalUser(buildRequest('/', { cookie: `procura_session=${token}` }))).toBeNull()
		expect(await getOptionalUser(buildRequest('/', { cookie }))).toMatchObject({ id: user.id })
	})
})

describe('ending sessions', () => {
	test('logout ends the session at once, clears the cookie and redirects to /login', async () => {
		const user = await insertUser(getDb())
		const { cookie, session } = await createTestSession(user.id)
		const result = await callRoute(logoutAction, buildRequest('/logout', { method: 'POST', cookie }))
		expect(result).toMatchObject({ status: 302, location: '/login' })
		expect(result.setCookie).toMatch(/^procura_session=;.*Max-Age=0/)
		expect(await storedSession(session.id)).toBeNull()
		expect(await getOptionalUser(buildRequest('/buyer', { cookie }))).toBeNull()
		const trail = await getDb()
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(eq(auditEvents.entityId, user.id))
		expect(trail.map((e) => e.action)).toContain('user.logged_out')
	})

	test('logout is POST only; a GET just goes home', async () => {
		const user = await insertUser(getDb())
		const { cookie, session } = await createTestSession(user.id)
		expect(await callRoute(logoutLoader, buildRequest('/logout', { cookie }))).toMatchObject({
			status: 302,
			location: '/',
		})
		expect(await storedSession(session.id)).not.toBeNull()
		// Anonymous logout is harmless.
		expect(await callRoute(logoutAction, buildRequest('/logout', { method: 'POST' }))).toMatchObject({
			location: '/login',
		})
	})

	test('a disabled user loses access at once; re-enabled, they can log in again', async () => {
		const admin = await insertUser(getDb(), { role: 'admin' })
		const user = await insertUser(getDb(), { role: 'buyer' })
		const first = await createTestSession(user.id)
		const second = await createTestSession(user.id)

		await setUserDisabled(getDb(), { actor: admin, userId: user.id, disabled: true })
		for (const { cookie, session } of [first, second]) {
			const denied = await requireUser(buildRequest('/buyer', { cookie })).catch((r: Response) => r)
			expect((denied as Response).status).toBe(302)
			expect((denied as Response).headers.get('location')).toBe('/login?redirectTo=%2Fbuyer')
			expect(await storedSession(session.id)).toBeNull()
		}
		expect(await login({ email: user.email, password: TEST_PASSWORD, ip: null })).toEqual({
			error: 'invalid',
		})

		await setUserDisabled(getDb(), { actor: admin, userId: user.id, disabled: false })
		// Old sessions stay ended; a fresh login works.
		expect(await getOptionalUser(buildRequest('/buyer', { cookie: first.cookie }))).toBeNull()
		expect(await login({ email: user.email, password: TEST_PASSWORD, ip: null })).toHaveProperty('user')

		const trail = await getDb()
			.select({ action: auditEvents.action, after: auditEvents.after })
			.from(auditEvents)
			.where(eq(auditEvents.entityId, user.id))
		expect(trail).toEqual(
			expect.arrayContaining([
				{ action: 'user.disabled', after: expect.objectContaining({ sessionsEnded: 2 }) },
				{ action: 'user.enabled', after: { disabledAt: null } },
			]),
		)
	})

	test('an admin cannot disable their own account; disabling twice records once', async () => {
		const admin = await insertUser(getDb(), { role: 'admin' })
		await expect(
			setUserDisabled(getDb(), { actor: admin, userId: admin.id, disabled: true }),
		).rejects.toMatchObject({
			code: 'RULE_VIOLATION',
		})
		const user = await insertUser(getDb())
		expect(await setUserDisabled(getDb(), { actor: admin, userId: user.id, disabled: true })).toMatchObject({
			changed: true,
		})
		expect(await setUserDisabled(getDb(), { actor: admin, userId: user.id, disabled: true })).toMatchObject({
			changed: false,
		})
		const buyer = await insertUser(getDb(), { role: 'buyer' })
		await expect(
			setUserDisabled(getDb(), { actor: buyer, userId: user.id, disabled: false }),
		).rejects.toMatchObject({
			code: 'FORBIDDEN',
		})
	})
})
