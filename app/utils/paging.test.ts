import { describe, expect, test } from 'vitest'
import { formatListCount, pagerView } from './paging.ts'

describe('pagerView', () => {
	test('one page holds everything: no pager', () => {
		expect(pagerView({ page: 1, pageSize: 25, total: 25, more: false })).toBeNull()
		expect(pagerView({ page: 1, pageSize: 25, total: 0, more: false })).toBeNull()
	})

	test('a counted list: page of pages, the total, previous and next where they exist', () => {
		expect(pagerView({ page: 1, pageSize: 25, total: 1234, more: false })).toEqual({
			summary: 'Page 1 of 50 · 1,234 in all',
			hasPrevious: false,
			hasNext: true,
		})
		expect(pagerView({ page: 50, pageSize: 25, total: 1234, more: false })).toEqual({
			summary: 'Page 50 of 50 · 1,234 in all',
			hasPrevious: true,
			hasNext: false,
		})
	})

	test('a list counted only so far: "+" on both figures and always a next page', () => {
		expect(pagerView({ page: 1, pageSize: 25, total: 1000, more: true })).toEqual({
			summary: 'Page 1 of 40+ · 1,000+ in all',
			hasPrevious: false,
			hasNext: true,
		})
		// Past the first count: the count reaches further with the page.
		expect(pagerView({ page: 41, pageSize: 25, total: 2000, more: true })?.hasNext).toBe(true)
		// Even when what was counted fits one page, the pager shows there is more.
		expect(pagerView({ page: 1, pageSize: 25, total: 20, more: true })?.summary).toBe('Page 1 of 1+ · 20+ in all')
	})
})

describe('formatListCount', () => {
	test('a counted list says how many; one counted only so far says "more than"', () => {
		expect(formatListCount({ total: 1, more: false }, ['order', 'orders'])).toBe('1 order')
		expect(formatListCount({ total: 237, more: false }, ['order', 'orders'])).toBe('237 orders')
		expect(formatListCount({ total: 1000, more: true }, ['event', 'events'])).toBe('More than 1,000 events')
	})
})
