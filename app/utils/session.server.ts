// The only module that knows how sessions are stored (after lucia-auth.com's session guide).
import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { createCookie } from '@remix-run/node'
import { eq, lte, or } from 'drizzle-orm'
import {
	isSessionExpired,
	newSessionTimes,
	renewedIdleExpiry,
	sessionPolicyFrom,
	type SessionPolicy,
} from '#app/domain/auth/session-expiry.ts'
import { type Role } from '#app/domain/permissions.ts'
import { getDb, type Executor } from '#app/utils/db.server.ts'
import { runPrepared, timestampOf } from '#app/utils/prepared-statements.server.ts'
import { sessions } from '#db/schema/index.ts'

export const SESSION_COOKIE_NAME = 'procura_session'

export type SessionUser = { id: string; email: string; name: string; role: Role; supplierId: string | null }
export type Session = {
	id: string
	userId: string
	createdAt: Date
	expiresAt: Date
	absoluteExpiresAt: Date
}
export type ValidatedSession = { session: Session; user: SessionUser }

// 20 random bytes → 32 base32 characters: 160 bits, beyond guessing.
const TOKEN_PATTERN = /^[a-z2-7]{32}$/

/** Idle and absolute limits from SESSION_IDLE_MINUTES / SESSION_ABSOLUTE_HOURS, else 12 h and 7 days. */
export function getSessionPolicy(): SessionPolicy {
	return sessionPolicyFrom({
		idleMinutes: process.env.SESSION_IDLE_MINUTES,
		absoluteHours: process.env.SESSION_ABSOLUTE_HOURS,
	})
}

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20)
	crypto.getRandomValues(bytes)
	return encodeBase32LowerCaseNoPadding(bytes)
}

/** The stored id is the token's SHA-256, so a leaked sessions table cannot be replayed as cookies. */
function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}

/** Starts a session for `userId`; the caller puts the returned token in the cookie. */
export async function createSession(
	tx: Executor,
	userId: string,
	now: Date = new Date(),
): Promise<{ token: string; session: Session }> {
	const token = generateSessionToken()
	const session: Session = {
		id: sessionIdFromToken(token),
		userId,
		createdAt: now,
		...newSessionTimes(now, getSessionPolicy()),
	}
	await tx.insert(sessions).values(session)
	return { token, session }
}

/**
 * The session and user behind `token`, or null. Expired sessions are deleted;
 * a live one has its idle expiry pushed forward (at most once per slice of the
 * idle window). A disabled user gets null, so disabling takes effect at once
 * even if a session row were somehow left behind.
 */
export async function validateSessionToken(
	token: string,
	now: Date = new Date(),
	db: Executor = getDb(),
): Promise<ValidatedSession | null> {
	if (!TOKEN_PATTERN.test(token)) return null
	const sessionId = sessionIdFromToken(token)
	const [found] = await runPrepared<SessionRow>(db, SESSION_TEXT, [sessionId])
	const row = found ? sessionAndUser(found) : undefined
	if (!row) return null

	const { session, user } = row
	if (isSessionExpired(session, now) || user.disabledAt) {
		await db.delete(sessions).where(eq(sessions.id, sessionId))
		return null
	}

	const renewed = renewedIdleExpiry(session, now, getSessionPolicy())
	if (renewed) {
		await db.update(sessions).set({ expiresAt: renewed }).where(eq(sessions.id, sessionId))
		session.expiresAt = renewed
	}
	return {
		session,
		user: { id: user.id, email: user.email, name: user.name, role: user.role, supplierId: user.supplierId },
	}
}

// Every page request reads its session: a fixed text, since drizzle's builder cost more Node CPU
// than the query.
const SESSION_TEXT = `
	select s.id, s.user_id, s.created_at, s.expires_at, s.absolute_expires_at,
		u.email, u.name, u.role, u.supplier_id, u.disabled_at
	from sessions s
	join users u on u.id = s.user_id
	where s.id = $1`

type SessionRow = {
	id: string
	user_id: string
	created_at: string
	expires_at: string
	absolute_expires_at: string
	email: string
	name: string
	role: Role
	supplier_id: string | null
	disabled_at: string | null
}

function sessionAndUser(r: SessionRow) {
	return {
		session: {
			id: r.id,
			userId: r.user_id,
			createdAt: timestampOf(r.created_at),
			expiresAt: timestampOf(r.expires_at),
			absoluteExpiresAt: timestampOf(r.absolute_expires_at),
		},
		user: {
			id: r.user_id,
			email: r.email,
			name: r.name,
			role: r.role,
			supplierId: r.supplier_id,
			disabledAt: timestampOf(r.disabled_at),
		},
	}
}

/** Ends one session at once. Returns whether it existed. */
export async function invalidateSession(tx: Executor, sessionId: string): Promise<boolean> {
	const deleted = await tx.delete(sessions).where(eq(sessions.id, sessionId)).returning({ id: sessions.id })
	return deleted.length > 0
}

/** Ends every session of `userId` (disabling, password change). Returns how many ended. */
export async function invalidateUserSessions(tx: Executor, userId: string): Promise<number> {
	const deleted = await tx.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })
	return deleted.length
}

/** Housekeeping for a periodic job: expired rows are harmless but pile up. */
export async function deleteExpiredSessions(db: Executor, now: Date = new Date()): Promise<number> {
	const deleted = await db
		.delete(sessions)
		.where(or(lte(sessions.expiresAt, now), lte(sessions.absoluteExpiresAt, now)))
		.returning({ id: sessions.id })
	return deleted.length
}

// Built per call so tests and the start script can set the environment first.
function sessionCookie() {
	return createCookie(SESSION_COOKIE_NAME, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: process.env.NODE_ENV === 'production' && process.env.COOKIE_SECURE !== 'false',
		// Signed: a forged or truncated cookie is rejected before it costs a query.
		secrets: sessionSecrets(),
	})
}

function sessionSecrets() {
	const configured = process.env.SESSION_SECRET?.split(',').filter(Boolean) ?? []
	if (configured.length > 0) return configured
	if (process.env.NODE_ENV === 'production') throw new Error('SESSION_SECRET must be set in production')
	return ['procura-development-secret']
}

/** The session token from the request's cookie, if any (unverified: pass it to `validateSessionToken`). */
export async function getSessionToken(request: Request): Promise<string | null> {
	const value: unknown = await sessionCookie().parse(request.headers.get('cookie'))
	return typeof value === 'string' && value !== '' ? value : null
}

/**
 * Set-Cookie for a new session. The cookie lives until the absolute expiry;
 * the idle limit is enforced on the server, so renewals need no new cookie.
 */
export async function serializeSessionCookie(token: string, session: Pick<Session, 'absoluteExpiresAt'>) {
	return sessionCookie().serialize(token, { expires: session.absoluteExpiresAt })
}

/** Set-Cookie that removes the session cookie. */
export async function serializeBlankSessionCookie() {
	return sessionCookie().serialize('', { expires: new Date(0), maxAge: 0 })
}
