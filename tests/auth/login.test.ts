import { eq } from 'drizzle-orm'
import { describe, expect, test, vi } from 'vitest'
import { LOGIN_THROTTLE } from '#app/domain/auth/login-throttle.ts'
import { setUserDisabled } from '#app/models/user/set-user-disabled.server.ts'
import { action as loginAction, loader as loginLoader } from '#app/routes/_auth+/login.tsx'
import { getOptionalUser, login } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { verifyPassword } from '#app/utils/password.server.ts'
import { loginAttempts, sessions } from '#db/schema/index.ts'
import { insertUser, TEST_PASSWORD } from '#tests/factories/users.ts'
import { cookieHeaderFrom, sessionCookieFor } from '#tests/utils/session.ts'
import { buildRequest, callRoute, uniqueEmail, uniqueIp } from '#tests/utils/route.ts'

function postLogin(
	form: Record<string, string>,
	{ ip = uniqueIp(), cookie }: { ip?: string; cookie?: string } = {},
) {
	// The HTTP front puts the client address into the load context.
	return callRoute(loginAction, buildRequest('/login', { method: 'POST', form, cookie }), {
		context: { clientIp: ip },
	})
}

describe('login form', () => {
	test('valid credentials: a session cookie and a redirect to the portal', async () => {
		const user = await insertUser(getDb(), { role: 'auditor' })
		const result = await postLogin({ email: user.email.toUpperCase(), password: TEST_PASSWORD })
		expect(result.status).toBe(302)
		expect(result.location).toBe('/audit')
		expect(result.setCookie).toMatch(/^procura_session=[^;]+;/)
		expect(result.setCookie).toMatch(/HttpOnly/)
		expect(result.setCookie).toMatch(/SameSite=Lax/)
		expect(result.setCookie).toMatch(/Path=\//)
		expect(result.setCookie).not.toMatch(/Secure/)
		const me = await getOptionalUser(buildRequest('/audit', { cookie: cookieHeaderFrom(result.setCookie) }))
		expect(me).toEqual({ id: user.id, email: user.email, name: user.name, role: 'auditor', supplierId: null })
	})

	test('a safe redirectTo is followed; an external one is replaced by the portal', async () => {
		const user = await insertUser(getDb(), { role: 'buyer' })
		const inside = await postLogin({
			email: user.email,
			password: TEST_PASSWORD,
			redirectTo: '/buyer/contracts?x=1',
		})
		expect(inside.location).toBe('/buyer/contracts?x=1')
		for (const redirectTo of ['//evil.example', '/\\evil.example', 'https://evil.example/']) {
			const outside = await postLogin({ email: user.email, password: TEST_PASSWORD, redirectTo })
			expect(outside.location).toBe('/buyer')
		}
	})

	test('every login gets a new session id', async () => {
		const user = await insertUser(getDb())
		const first = await login({ email: user.email, password: TEST_PASSWORD, ip: null })
		const second = await login({ email: user.email, password: TEST_PASSWORD, ip: null })
		if (!('user' in first) || !('user' in second)) throw new Error('login failed')
		expect(second.session.id).not.toBe(first.session.id)
		expect(second.sessionToken).not.toBe(first.sessionToken)
		// The stored id is the token's hash, never the token itself.
		expect(second.session.id).toMatch(/^[0-9a-f]{64}$/)
		const rows = await getDb().select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, user.id))
		expect(rows.map((r) => r.id)).not.toContain(second.sessionToken)
	})

	test('wrong password or unknown email: one generic message, the email kept, the password not echoed', async () => {
		const user = await insertUser(getDb())
		const wrong = await postLogin({ email: user.email, password: 'not the password at all' })
		const unknown = await postLogin({ email: uniqueEmail('nobody'), password: 'whatever it may be' })
		for (const result of [wrong, unknown]) {
			expect(result.status).toBe(400)
			expect(result.setCookie).toBeNull()
			expect(result.data).toMatchObject({ errors: { root: { message: 'Invalid email or password.' } } })
		}
		expect((wrong.data as { defaultValues: object }).defaultValues).toEqual({ email: user.email })
	})

	test('a disabled account cannot log in; re-enabled, it can', async () => {
		const admin = await insertUser(getDb(), { role: 'admin' })
		const user = await insertUser(getDb())
		await setUserDisabled(getDb(), { actor: admin, userId: user.id, disabled: true })
		expect(await postLogin({ email: user.email, password: TEST_PASSWORD })).toMatchObject({ status: 400 })
		await setUserDisabled(getDb(), { actor: admin, userId: user.id, disabled: false })
		expect(await postLogin({ email: user.email, password: TEST_PASSWORD })).toMatchObject({ status: 302 })
	})

	test.each([
		['a JSON body', { 'content-type': 'application/json' }, '{"email":'],
		['plain text', { 'content-type': 'text/plain' }, 'hello'],
		['a broken multipart body', { 'content-type': 'multipart/form-data; boundary=x' }, '--y\r\ngarbage'],
		['no content type', {}, '\u0000\u0001\u0002'],
		['unexpected fields', { 'content-type': 'application/x-www-form-urlencoded' }, 'email[]=1&password.a=2'],
	])('garbage (%s) is answered with 400, not 500', async (_label, headers, body) => {
		const result = await callRoute(loginAction, buildRequest('/login', { method: 'POST', headers, body }))
		expect(result.status).toBe(400)
	})

	test('a filled honeypot field is answered with 400 and no session', async () => {
		const user = await insertUser(getDb())
		const result = await postLogin({
			email: user.email,
			password: TEST_PASSWORD,
			website: 'https://spam.example',
		})
		expect(result.status).toBe(400)
		expect(result.setCookie).toBeNull()
	})

	test('a logged-in user opening /login is sent to their portal', async () => {
		const user = await insertUser(getDb(), { role: 'supplier' })
		const cookie = await sessionCookieFor(user.id)
		const result = await callRoute(loginLoader, buildRequest('/login', { cookie }))
		expect(result).toMatchObject({ status: 302, location: '/supplier', thrown: true })
	})
})

describe('throttling', () => {
	const FIFTEEN_MINUTES = LOGIN_THROTTLE.windowMs

	test('after 10 failures for one account: 429 even with the right password, until the window passes', async () => {
		const user = await insertUser(getDb())
		const start = new Date()
		for (let i = 0; i < 10; i++) {
			const at = new Date(start.getTime() + i)
			const failed = await login({
				email: user.email,
				password: `wrong password ${i}`,
				ip: uniqueIp(),
				now: at,
			})
			expect(failed).toEqual({ error: 'invalid' })
		}

		const afterFailures = new Date(start.getTime() + 10)
		const throttled = await login({
			email: user.email,
			password: TEST_PASSWORD,
			ip: uniqueIp(),
			now: afterFailures,
		})
		expect(throttled).toEqual({ error: 'throttled', retryAfterSeconds: FIFTEEN_MINUTES / 1000 })

		// Through the form, with the wall clock: 429, a clear message, Retry-After, the email kept.
		const response = await postLogin({ email: user.email, password: TEST_PASSWORD })
		expect(response.status).toBe(429)
		expect(response.headers.get('retry-after')).toMatch(/^\d+$/)
		expect(response.data).toMatchObject({
			errors: {
				root: { message: expect.stringMatching(/^Too many failed attempts\. Try again in 1[45] minutes\.$/) },
			},
			defaultValues: { email: user.email },
		})

		// Refused attempts do not extend the window.
		const almost = new Date(start.getTime() + FIFTEEN_MINUTES - 1000)
		expect(await login({ email: user.email, password: TEST_PASSWORD, ip: null, now: almost })).toMatchObject({
			error: 'throttled',
		})
		const after = new Date(start.getTime() + FIFTEEN_MINUTES + 1000)
		expect(await login({ email: user.email, password: TEST_PASSWORD, ip: null, now: after })).toHaveProperty(
			'user',
		)
	})

	test('after 10 failures from one IP, whatever the accounts: that IP is throttled, others are not', async () => {
		const ip = uniqueIp()
		const start = new Date()
		for (let i = 0; i < 10; i++) {
			await login({
				email: uniqueEmail('spray'),
				password: 'guess guess guess',
				ip,
				now: new Date(start.getTime() + i),
			})
		}
		const user = await insertUser(getDb())
		const afterFailures = new Date(start.getTime() + 10)
		expect(await login({ email: user.email, password: TEST_PASSWORD, ip, now: afterFailures })).toMatchObject(
			{
				error: 'throttled',
			},
		)
		expect(await postLogin({ email: user.email, password: TEST_PASSWORD }, { ip })).toMatchObject({
			status: 429,
		})
		expect(
			await login({ email: user.email, password: TEST_PASSWORD, ip: uniqueIp(), now: afterFailures }),
		).toHaveProperty('user')
		const after = new Date(start.getTime() + FIFTEEN_MINUTES + 1000)
		expect(await login({ email: user.email, password: TEST_PASSWORD, ip, now: after })).toHaveProperty('user')
	})

	test('the address comes from the server, so a spoofed X-Forwarded-For cannot lock someone else out', async () => {
		const victimIp = uniqueIp()
		for (let i = 0; i < 10; i++) {
			const request = buildRequest('/login', {
				method: 'POST',
				form: { email: uniqueEmail('spoof'), password: 'guess guess guess' },
				headers: { 'x-forwarded-for': victimIp },
			})
			await callRoute(loginAction, request, { context: { clientIp: uniqueIp() } })
		}
		const user = await insertUser(getDb())
		expect(await postLogin({ email: user.email, password: TEST_PASSWORD }, { ip: victimIp })).toMatchObject({
			status: 302,
		})
	})

	test('nine failures are still allowed', async () => {
		const user = await insertUser(getDb())
		const now = new Date()
		for (let i = 0; i < 9; i++) await login({ email: user.email, password: 'nope nope nope', ip: null, now })
		expect(await login({ email: user.email, password: TEST_PASSWORD, ip: null, now })).toHaveProperty('user')
		const attempts = await getDb().select().from(loginAttempts).where(eq(loginAttempts.email, user.email))
		expect(attempts.filter((a) => a.succeeded)).toHaveLength(1)
		expect(attempts.filter((a) => !a.succeeded)).toHaveLength(9)
	})
})

describe('logging', () => {
	test('failed, throttled and successful logins log email and IP, never the password or the token', async () => {
		const log = vi.spyOn(console, 'log').mockImplementation(() => {})
		const user = await insertUser(getDb())
		const ip = uniqueIp()
		const wrongPassword = 'Sup3r-Secret-Wrong-Password'
		const now = new Date()

		await postLogin({ email: user.email, password: wrongPassword }, { ip })
		for (let i = 0; i < 10; i++) await login({ email: user.email, password: `${wrongPassword}${i}`, ip, now })
		await login({ email: user.email, password: TEST_PASSWORD, ip, now })
		const ok = await login({
			email: user.email,
			password: TEST_PASSWORD,
			ip: null,
			now: new Date(now.getTime() + 3_600_000),
		})
		if (!('sessionToken' in ok)) throw new Error('login failed')

		const lines = log.mock.calls.map((args) => args.map(String).join(' '))
		const events = lines.map((line) => JSON.parse(line) as { event: string; email?: string; ip?: string })
		expect(events.map((e) => e.event)).toEqual(
			expect.arrayContaining(['auth.login_failed', 'auth.throttled', 'auth.login_succeeded']),
		)
		expect(events.find((e) => e.event === 'auth.login_failed')).toMatchObject({ email: user.email, ip })
		expect(events.find((e) => e.event === 'auth.throttled')).toMatchObject({ email: user.email, ip })
		for (const line of lines) {
			expect(line).not.toContain(wrongPassword)
			expect(line).not.toContain(TEST_PASSWORD)
			expect(line).not.toContain(ok.sessionToken)
		}
	})
})

test('stored password hashes are argon2id with the production parameters unless a test lowers them', async () => {
	const { PASSWORD_HASH_OPTIONS, hashPassword } = await import('#app/utils/password.server.ts')
	expect(PASSWORD_HASH_OPTIONS).toEqual({ memoryCost: 19456, timeCost: 2, parallelism: 1 })
	const hash = await hashPassword('a test password here')
	expect(hash).toMatch(/^\$argon2id\$/)
	expect(await verifyPassword(hash, 'a test password here')).toBe(true)
	expect(await verifyPassword(hash, 'another password')).toBe(false)
	expect(await verifyPassword(null, 'a test password here')).toBe(false)
	expect(await verifyPassword('not-a-hash', 'a test password here')).toBe(false)
})
