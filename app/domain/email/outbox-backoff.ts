/** After this many failed attempts a message is marked `failed` and never retried. */
export const OUTBOX_MAX_ATTEMPTS = 8

export const OUTBOX_BASE_DELAY_MS = 30_000
export const OUTBOX_MAX_DELAY_MS = 60 * 60_000

/**
 * Delay before the next try after `attempts` failures: 30 s · 2^(attempts-1),
 * capped at one hour. Attempts below 1 count as the first failure.
 */
export function computeBackoffMs(attempts: number) {
	const exponent = Math.max(0, Math.floor(attempts) - 1)
	// 2 ** exponent overflows to Infinity for huge inputs, which the cap absorbs.
	return Math.min(OUTBOX_BASE_DELAY_MS * 2 ** exponent, OUTBOX_MAX_DELAY_MS)
}

export type RetryPlan = { status: 'failed' } | { status: 'pending'; nextAttemptAt: Date }

/** What happens to a message whose delivery has now failed `attempts` times. */
export function computeRetryPlan({ attempts, now }: { attempts: number; now: Date }): RetryPlan {
	if (attempts >= OUTBOX_MAX_ATTEMPTS) return { status: 'failed' }
	return { status: 'pending', nextAttemptAt: new Date(now.getTime() + computeBackoffMs(attempts)) }
}
