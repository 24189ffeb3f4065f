import { redirect } from '@remix-run/node'
import { and, desc, eq, gt, lte, type SQL } from 'drizzle-orm'
import { LOGIN_THROTTLE, isThrottled } from '#app/domain/auth/login-throttle.ts'
import { safeRedirect } from '#app/domain/auth/safe-redirect.ts'
import { portalForRole, type Role } from '#app/domain/permissions.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { getDb, type Executor } from '#app/utils/db.server.ts'
import { logEvent } from '#app/utils/log.server.ts'
import { verifyPassword } from '#app/utils/password.server.ts'
import {
	createSession,
	getSessionToken,
	invalidateSession,
	serializeBlankSessionCookie,
	serializeSessionCookie,
	validateSessionToken,
	type Session,
	type SessionUser,
	type ValidatedSession,
} from '#app/utils/session.server.ts'
import { loginAttempts, users } from '#db/schema/index.ts'

export { type SessionUser } from '#app/utils/session.server.ts'

/** `now` is for tests; requests use the wall clock. */
type ClockOptions = { now?: Date }

async function getAuthState(request: Request, { now = new Date() }: ClockOptions = {}) {
	const token = await getSessionToken(request)
	const validated: ValidatedSession | null = token ? await validateSessionToken(token, now) : null
	return { hadToken: token !== null, validated }
}

/** The logged-in user, or null for anonymous requests and dead sessions. */
export async function getOptionalUser(request: Request, options?: ClockOptions): Promise<SessionUser | null> {
	return (await getAuthState(request, options)).validated?.user ?? null
}

export async function getUserId(request: Request, options?: ClockOptions): Promise<string | null> {
	return (await getOptionalUser(request, options))?.id ?? null
}

/**
 * The logged-in user, or a thrown redirect to `/login?redirectTo=<this page>`
 * (pass `redirectTo: null` to leave it out). A dead session's cookie is cleared
 * on the way.
 */
export async function requireUser(
	request: Request,
	{ redirectTo, now }: { redirectTo?: string | null } & ClockOptions = {},
): Promise<SessionUser> {
	const { hadToken, validated } = await getAuthState(request, { now })
	if (validated) return validated.user
	const url = new URL(request.url)
	const target = redirectTo === undefined ? `${url.pathname}${url.search}` : redirectTo
	const search = target ? `?${new URLSearchParams({ redirectTo: target })}` : ''
	throw redirect(`/login${search}`, {
		headers: hadToken ? { 'set-cookie': await serializeBlankSessionCookie() } : undefined,
	})
}

export async function requireUserId(
	request: Request,
	options?: { redirectTo?: string | null } & ClockOptions,
): Promise<string> {
	return (await requireUser(request, options)).id
}

/** For login and invitation pages: a logged-in user is sent to their own portal. */
export async function requireAnonymous(request: Request, options?: ClockOptions): Promise<void> {
	const user = await getOptionalUser(request, options)
	if (user) throw redirect(portalForRole(user.role))
}

/**
 * The logged-in user if their role is one of `role`, else a thrown 403. Admins
 * pass wherever buyers do (they can do everything a buyer can).
 */
export async function requireUserWithRole(
	request: Request,
	role: Role | readonly Role[],
	options?: ClockOptions,
): Promise<SessionUser> {
	const user = await requireUser(request, options)
	const allowed: readonly Role[] = typeof role === 'string' ? [role] : role
	if (allowed.includes(user.role) || (user.role === 'admin' && allowed.includes('buyer'))) return user
	logEvent('auth.denied', {
		userId: user.id,
		role: user.role,
		requiredRole: allowed,
		path: new URL(request.url).pathname,
	})
	throw Response.json({ error: 'Forbidden', requiredRole: allowed }, { status: 403 })
}

/** A supplier user: the supplier id always comes from here, never from the URL. */
export type SupplierSessionUser = SessionUser & { role: 'supplier'; supplierId: string }

/** A logged-in supplier user with their supplier id, for supplier-scoped queries; others get 403. */
export async function requireSupplierUser(
	request: Request,
	options?: ClockOptions,
): Promise<SupplierSessionUser> {
	const user = await requireUserWithRole(request, 'supplier', options)
	// The users_supplier_membership check makes this unreachable; it narrows the type.
	if (user.role !== 'supplier' || !user.supplierId)
		throw Response.json({ error: 'Forbidden' }, { status: 403 })
	return { ...user, role: 'supplier', supplierId: user.supplierId }
}

/**
 * The client's address as the HTTP front saw it: `clientIp` in the load context
 * (Express `req.ip`, which honours X-Forwarded-For only from trusted proxies).
 * Headers are never read here: a spoofed X-Forwarded-For could dodge the per-IP
 * limit or lock out someone else's address. Null means only the per-account
 * throttle applies, rather than one bucket shared by everyone.
 */
export function getClientIp(context?: unknown): string | null {
	const clientIp = (context as { clientIp?: unknown } | undefined)?.clientIp
	return typeof clientIp === 'string' && clientIp ? clientIp : null
}

export type LoginResult =
	| { user: SessionUser; sessionToken: string; session: Session }
	| { error: 'invalid' }
	| { error: 'throttled'; retryAfterSeconds: number }

/**
 * Checks credentials and starts a fresh session (a new session id at every
 * login). Every attempt is recorded; 10 failures in 15 minutes for the account
 * or the IP throttle further attempts, which are then refused without checking
 * the password. Logs carry email and IP, never the password or the token.
 */
export async function login({
	email,
	password,
	ip,
	now = new Date(),
}: {
	email: string
	password: string
	ip: string | null
	now?: Date
}): Promise<LoginResult> {
	const db = getDb()
	const normalizedEmail = email.trim().toLowerCase()
	const [failuresForAccount, failuresForIp] = await Promise.all([
		recentFailures(db, eq(loginAttempts.email, normalizedEmail), now),
		ip ? recentFailures(db, eq(loginAttempts.ip, ip), now) : [],
	])
	const throttle = isThrottled({ failuresForAccount, failuresForIp, now })
	if (throttle.throttled) {
		// Not recorded as a failure: otherwise a persistent attacker would keep the window shut forever.
		logEvent('auth.throttled', { email: normalizedEmail, ip, retryAfterSeconds: throttle.retryAfterSeconds })
		return { error: 'throttled', retryAfterSeconds: throttle.retryAfterSeconds }
	}

	const [user] = await db
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			role: users.role,
			supplierId: users.supplierId,
			passwordHash: users.passwordHash,
			disabledAt: users.disabledAt,
		})
		.from(users)
		.where(eq(users.email, normalizedEmail))
	// Always verify (against a dummy hash when there is no user) so timing does not reveal accounts.
	const passwordMatches = await verifyPassword(user?.passwordHash, password)
	const attempt = { email: normalizedEmail, ip: ip ?? 'unknown', attemptedAt: now }

	if (!user || !passwordMatches || user.disabledAt) {
		await db.insert(loginAttempts).values({ ...attempt, succeeded: false })
		const reason = !user ? 'unknown_email' : !passwordMatches ? 'wrong_password' : 'disabled'
		logEvent('auth.login_failed', { email: normalizedEmail, ip, reason })
		return { error: 'invalid' }
	}

	const sessionUser: SessionUser = {
		id: user.id,
		email: user.email,
		name: user.name,
		role: user.role,
		supplierId: user.supplierId,
	}
	const { token, session } = await db.transaction(async (tx) => {
		await tx.insert(loginAttempts).values({ ...attempt, succeeded: true })
		const created = await createSession(tx, user.id, now)
		await recordAuditEvent(tx, {
			actorUserId: user.id,
			actorRole: user.role,
			action: 'user.logged_in',
			entityType: 'user',
			entityId: user.id,
			supplierId: user.supplierId,
			after: { ip },
			occurredAt: now,
		})
		return created
	})
	logEvent('auth.login_succeeded', { email: normalizedEmail, ip, userId: user.id })
	return { user: sessionUser, sessionToken: token, session }
}

async function recentFailures(db: Executor, who: SQL, now: Date): Promise<Date[]> {
	const rows = await db
		.select({ attemptedAt: loginAttempts.attemptedAt })
		.from(loginAttempts)
		.where(
			and(
				who,
				eq(loginAttempts.succeeded, false),
				gt(loginAttempts.attemptedAt, new Date(now.getTime() - LOGIN_THROTTLE.windowMs)),
				lte(loginAttempts.attemptedAt, now),
			),
		)
		.orderBy(desc(loginAttempts.attemptedAt))
		// The decision only needs the newest maxFailures.
		.limit(LOGIN_THROTTLE.maxFailures)
	return rows.map((r) => r.attemptedAt)
}

/**
 * Redirects into the app with the new session's cookie: to `redirectTo` when
 * it is a safe same-site path, else to the user's portal.
 */
export async function redirectWithNewSession(
	{ user, sessionToken, session }: { user: SessionUser; sessionToken: string; session: Session },
	redirectTo?: string | null,
): Promise<Response> {
	return redirect(safeRedirect(redirectTo, portalForRole(user.role)), {
		headers: { 'set-cookie': await serializeSessionCookie(sessionToken, session) },
	})
}

/** Ends the request's session at once and redirects to /login with the cookie cleared. */
export async function logout(request: Request, { now = new Date() }: ClockOptions = {}): Promise<Response> {
	const token = await getSessionToken(request)
	const validated = token ? await validateSessionToken(token, now) : null
	if (validated) {
		const { session, user } = validated
		await getDb().transaction(async (tx) => {
			if (!(await invalidateSession(tx, session.id))) return
			await recordAuditEvent(tx, {
				actorUserId: user.id,
				actorRole: user.role,
				action: 'user.logged_out',
				entityType: 'user',
				entityId: user.id,
				supplierId: user.supplierId,
				occurredAt: now,
			})
		})
		logEvent('auth.logged_out', { userId: user.id })
	}
	return redirect('/login', { headers: { 'set-cookie': await serializeBlankSessionCookie() } })
}
