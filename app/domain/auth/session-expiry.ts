// Session lifetime rules: an idle limit that slides with use, capped by an absolute limit.

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS

export type SessionPolicy = {
	idleTimeoutMs: number
	absoluteTimeoutMs: number
	/**
	 * Renew the idle expiry only once this fraction of the idle window has
	 * passed since the last renewal, so an active user costs one write per
	 * slice of the window instead of one per request.
	 */
	renewAfterFraction: number
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
	idleTimeoutMs: 12 * HOUR_MS,
	absoluteTimeoutMs: 7 * 24 * HOUR_MS,
	// With the default 12 h window: at most one write per hour per session, and an
	// effective idle limit never shorter than 11 h.
	renewAfterFraction: 1 / 12,
}

export type SessionTimes = { expiresAt: Date; absoluteExpiresAt: Date }

/**
 * Builds a policy from configured minutes/hours (strings as read from the
 * environment). Missing, non-numeric or non-positive values fall back to the
 * defaults, and the idle limit never exceeds the absolute one.
 */
export function sessionPolicyFrom({
	idleMinutes,
	absoluteHours,
}: {
	idleMinutes?: string | number | null
	absoluteHours?: string | number | null
}): SessionPolicy {
	const idle = positiveNumber(idleMinutes)
	const absolute = positiveNumber(absoluteHours)
	const absoluteTimeoutMs = absolute ? absolute * HOUR_MS : DEFAULT_SESSION_POLICY.absoluteTimeoutMs
	const idleTimeoutMs = Math.min(
		idle ? idle * MINUTE_MS : DEFAULT_SESSION_POLICY.idleTimeoutMs,
		absoluteTimeoutMs,
	)
	return { idleTimeoutMs, absoluteTimeoutMs, renewAfterFraction: DEFAULT_SESSION_POLICY.renewAfterFraction }
}

function positiveNumber(value: string | number | null | undefined) {
	const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
	return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null
}

/** Expiry times for a session created at `now`. */
export function newSessionTimes(now: Date, policy: SessionPolicy): SessionTimes {
	const absoluteExpiresAt = new Date(now.getTime() + policy.absoluteTimeoutMs)
	return { expiresAt: nextIdleExpiry(now, policy, absoluteExpiresAt), absoluteExpiresAt }
}

/** The idle expiry after activity at `now`; never later than the absolute expiry. */
export function nextIdleExpiry(now: Date, policy: SessionPolicy, absoluteExpiresAt?: Date): Date {
	const idle = now.getTime() + policy.idleTimeoutMs
	return new Date(absoluteExpiresAt ? Math.min(idle, absoluteExpiresAt.getTime()) : idle)
}

/** Expired when either limit has been reached. */
export function isSessionExpired(session: SessionTimes, now: Date): boolean {
	const t = now.getTime()
	return t >= session.expiresAt.getTime() || t >= session.absoluteExpiresAt.getTime()
}

/**
 * The new idle expiry when a live session should be renewed at `now`, or null
 * when it should be left alone (too soon since the last renewal, or already
 * pinned to the absolute limit).
 */
export function renewedIdleExpiry(session: SessionTimes, now: Date, policy: SessionPolicy): Date | null {
	if (isSessionExpired(session, now)) return null
	// expiresAt was set to (last activity + idle), so this is the time since the last renewal.
	const sinceRenewal = now.getTime() - (session.expiresAt.getTime() - policy.idleTimeoutMs)
	if (sinceRenewal < policy.idleTimeoutMs * policy.renewAfterFraction) return null
	const next = nextIdleExpiry(now, policy, session.absoluteExpiresAt)
	return next.getTime() > session.expiresAt.getTime() ? next : null
}
