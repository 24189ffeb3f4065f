import { Link, useSearchParams } from '@remix-run/react'

/**
 * Previous/next links that keep the list's other search parameters. A page with two lists gives the
 * second its own `param` (as getPaging reads it) and each a `label` that tells them apart.
 */
export function Pager({
	page,
	pageSize,
	total,
	param = 'page',
	label = 'Pages',
}: {
	page: number
	pageSize: number
	total: number
	param?: string
	label?: string
}) {
	const [searchParams] = useSearchParams()
	const pages = Math.max(1, Math.ceil(total / pageSize))
	if (pages <= 1) return null
	const hrefFor = (p: number) => {
		const next = new URLSearchParams(searchParams)
		next.set(param, String(p))
		return `?${next.toString()}`
	}
	return (
		<nav className="pager" aria-label={label}>
			{page > 1 ? <Link to={hrefFor(page - 1)}>← Previous</Link> : <span className="muted">← Previous</span>}
			<span>
				Page {page} of {pages} · {total} in all
			</span>
			{page < pages ? <Link to={hrefFor(page + 1)}>Next →</Link> : <span className="muted">Next →</span>}
		</nav>
	)
}
