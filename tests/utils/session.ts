import { getDb, type Executor } from '#app/utils/db.server.ts'
import { createSession, serializeSessionCookie, type Session } from '#app/utils/session.server.ts'

/**
 * Starts a real session for `userId` (no login form) and returns the token,
 * the row and the `Cookie` request header value that carries it.
 */
export async function createTestSession(
	userId: string,
	{ now = new Date(), db = getDb() }: { now?: Date; db?: Executor } = {},
): Promise<{ token: string; session: Session; cookie: string; setCookie: string }> {
	const { token, session } = await createSession(db, userId, now)
	const setCookie = await serializeSessionCookie(token, session)
	return { token, session, cookie: cookieHeaderFrom(setCookie), setCookie }
}

/** The `Cookie` header value for a fresh session of `userId`. */
export async function sessionCookieFor(
	userId: string,
	options?: { now?: Date; db?: Executor },
): Promise<string> {
	return (await createTestSession(userId, options)).cookie
}

/** Turns a Set-Cookie header into the `name=value` a browser would send back. */
export function cookieHeaderFrom(setCookie: string | null | undefined): string {
	if (!setCookie) throw new Error('No Set-Cookie header')
	return setCookie.split(';')[0]!.trim()
}
