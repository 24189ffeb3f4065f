// Backlog age: how long open orders have waited since they were submitted, in fixed buckets.
import { type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'

/** Finished for good; every other status is open work. */
export const FINISHED_STATUSES = ['closed', 'cancelled', 'rejected'] as const satisfies readonly OrderStatus[]

export function isOpenStatus(status: OrderStatus): boolean {
	return !(FINISHED_STATUSES as readonly OrderStatus[]).includes(status)
}

export type BacklogBucket = {
	key: string
	label: string
	/** Age in hours, included. */
	minHours: number
	/** Age in hours, excluded; null: no upper bound. */
	maxHours: number | null
}

export const BACKLOG_BUCKETS = [
	{ key: 'under-1d', label: 'Under 1 day', minHours: 0, maxHours: 24 },
	{ key: '1-3d', label: '1–3 days', minHours: 24, maxHours: 72 },
	{ key: '3-7d', label: '3–7 days', minHours: 72, maxHours: 168 },
	{ key: '1-4w', label: '1–4 weeks', minHours: 168, maxHours: 672 },
	{ key: 'over-4w', label: 'Over 4 weeks', minHours: 672, maxHours: null },
] as const satisfies readonly BacklogBucket[]

export type BacklogBucketKey = (typeof BACKLOG_BUCKETS)[number]['key']

/** Hours from `submittedAt` to `now`. */
export function ageHours(submittedAt: Date, now: Date): number {
	return (now.getTime() - submittedAt.getTime()) / 3_600_000
}

/**
 * The bucket of an age. An age below zero (submitted after `now`, a clock ahead
 * of ours) counts as under a day, which is also what the order list's
 * "younger than 24 hours" filter matches.
 */
export function backlogBucketOf(hours: number): BacklogBucket {
	return BACKLOG_BUCKETS.find((b) => b.maxHours === null || hours < b.maxHours)!
}

export type BacklogCount = BacklogBucket & { count: number }

/** Counts open orders per bucket, every bucket present (zero included), youngest first. */
export function countBacklog(
	submittedAts: readonly Date[],
	now: Date,
): { total: number; buckets: BacklogCount[] } {
	const counts = new Map<string, number>()
	for (const at of submittedAts) {
		const bucket = backlogBucketOf(ageHours(at, now))
		counts.set(bucket.key, (counts.get(bucket.key) ?? 0) + 1)
	}
	return {
		total: submittedAts.length,
		buckets: BACKLOG_BUCKETS.map((b) => ({ ...b, count: counts.get(b.key) ?? 0 })),
	}
}
