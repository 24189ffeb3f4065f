import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { ageHours, BACKLOG_BUCKETS, backlogBucketOf, countBacklog, isOpenStatus } from './backlog.ts'

const NOW = new Date('2026-05-01T12:00:00Z')
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3_600_000)

describe('backlog buckets', () => {
	test('edges: the lower bound is in the bucket, the upper bound in the next', () => {
		expect(backlogBucketOf(0).key).toBe('under-1d')
		expect(backlogBucketOf(23.99).key).toBe('under-1d')
		expect(backlogBucketOf(24).key).toBe('1-3d')
		expect(backlogBucketOf(72).key).toBe('3-7d')
		expect(backlogBucketOf(167.9).key).toBe('3-7d')
		expect(backlogBucketOf(168).key).toBe('1-4w')
		expect(backlogBucketOf(672).key).toBe('over-4w')
		expect(backlogBucketOf(100_000).key).toBe('over-4w')
		// Submitted a moment "after" now: a clock ahead of ours.
		expect(backlogBucketOf(-0.1).key).toBe('under-1d')
	})

	test('every age falls in exactly the bucket whose bounds hold it', () => {
		fc.assert(
			fc.property(fc.double({ min: 0, max: 50_000, noNaN: true }), (hours) => {
				const holding = BACKLOG_BUCKETS.filter(
					(b) => hours >= b.minHours && (b.maxHours === null || hours < b.maxHours),
				)
				expect(holding).toEqual([backlogBucketOf(hours)])
			}),
		)
	})

	test('countBacklog counts every order once, every bucket present', () => {
		const counted = countBacklog([hoursAgo(1), hoursAgo(30), hoursAgo(31), hoursAgo(24 * 40)], NOW)
		expect(counted.total).toBe(4)
		expect(counted.buckets.map((b) => [b.key, b.count])).toEqual([
			['under-1d', 1],
			['1-3d', 2],
			['3-7d', 0],
			['1-4w', 0],
			['over-4w', 1],
		])
		fc.assert(
			fc.property(fc.array(fc.integer({ min: -10, max: 5_000 })), (ages) => {
				const result = countBacklog(ages.map(hoursAgo), NOW)
				expect(result.buckets.reduce((sum, b) => sum + b.count, 0)).toBe(ages.length)
			}),
		)
	})

	test('open means not closed, cancelled or rejected; age is in hours', () => {
		expect(isOpenStatus('delivered')).toBe(true)
		expect(isOpenStatus('unroutable')).toBe(true)
		expect(['closed', 'cancelled', 'rejected'].map((s) => isOpenStatus(s as 'closed'))).toEqual([
			false,
			false,
			false,
		])
		expect(ageHours(hoursAgo(36), NOW)).toBe(36)
	})
})
