import { z } from 'zod'

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

export function pageCount(total: number, pageSize: number) {
	return Math.max(1, Math.ceil(total / pageSize))
}
