import { z } from 'zod'
import { formatCount } from '#app/domain/operations/format.ts'
import { formatQuantity } from '#app/domain/pricing/money.ts'

export const DEFAULT_PAGE_SIZE = 25

const PageSchema = z.coerce.number().int().min(1).max(100_000).catch(1)

/**
 * Reads `?page=` (or `param`, for a second list on the same page) leniently: a bad value means the
 * first page, never an error.
 */
export function getPaging(url: URL, pageSize = DEFAULT_PAGE_SIZE, param = 'page') {
	const page = PageSchema.parse(url.searchParams.get(param) ?? 1)
	return { page, pageSize, limit: pageSize, offset: (page - 1) * pageSize }
}

/** A list's matches; `more`: there are more than `total` (a long list counts only so far). */
export type ListCount = { total: number; more: boolean }

export function pageCount(total: number, pageSize: number) {
	return Math.max(1, Math.ceil(total / pageSize))
}

/**
 * What a pager shows, or null when one page holds everything. With `more` the last page is not known:
 * "Page 1 of 40+ · 1,000+ in all", and there is always a next page.
 */
export function pagerView({ page, pageSize, total, more }: ListCount & { page: number; pageSize: number }) {
	const pages = pageCount(total, pageSize)
	if (pages <= 1 && !more) return null
	const plus = more ? '+' : ''
	return {
		summary: `Page ${page} of ${pages}${plus} · ${formatQuantity(total)}${plus} in all`,
		hasPrevious: page > 1,
		hasNext: page < pages || more,
	}
}

/** A list's heading: "237 orders", or "More than 1,000 orders" when it was counted only so far. */
export function formatListCount({ total, more }: ListCount, noun: [string, string]) {
	return `${more ? 'More than ' : ''}${formatCount(total, noun)}`
}
