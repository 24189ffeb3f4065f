// Login throttling: too many recent failures for one account or one address → wait.

export type ThrottlePolicy = { maxFailures: number; windowMs: number }

export const LOGIN_THROTTLE: ThrottlePolicy = { maxFailures: 10, windowMs: 15 * 60_000 }

export type ThrottleDecision = { throttled: false } | { throttled: true; retryAfterSeconds: number }

/**
 * Decides from the times of recent failed attempts (any order; callers may pass
 * only the newest `maxFailures`, which is all this needs). Throttled while at
 * least `maxFailures` failures for the account, or for the IP, lie inside the
 * window ending at `now`; `retryAfterSeconds` is when enough of them have aged
 * out for the next attempt to be allowed.
 */
export function isThrottled({
	failuresForAccount,
	failuresForIp,
	now,
	policy = LOGIN_THROTTLE,
}: {
	failuresForAccount: readonly Date[]
	failuresForIp: readonly Date[]
	now: Date
	policy?: ThrottlePolicy
}): ThrottleDecision {
	const retryAts = [failuresForAccount, failuresForIp]
		.map((failures) => retryAt(failures, now, policy))
		.filter((t): t is number => t !== null)
	if (retryAts.length === 0) return { throttled: false }
	const waitMs = Math.max(...retryAts) - now.getTime()
	return { throttled: true, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) }
}

function retryAt(
	failures: readonly Date[],
	now: Date,
	{ maxFailures, windowMs }: ThrottlePolicy,
): number | null {
	const windowStart = now.getTime() - windowMs
	const recent = failures
		.map((d) => d.getTime())
		.filter((t) => t > windowStart && t <= now.getTime())
		.sort((a, b) => b - a)
	if (recent.length < maxFailures) return null
	// Allowed again once the maxFailures-th newest failure leaves the window.
	return recent[maxFailures - 1]! + windowMs
}

/** "Too many failed attempts. Try again in N minutes." with N rounded up. */
export function throttleMessage(retryAfterSeconds: number): string {
	const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60))
	return `Too many failed attempts. Try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`
}
