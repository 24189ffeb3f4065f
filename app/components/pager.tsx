import { Link, useSearchParams } from '@remix-run/react'
import { pagerView } from '#app/utils/paging.ts'

/**
 * Previous/next links that keep the list's other search parameters. A page with two lists gives the
 * second its own `param` (as getPaging reads it) and each a `label` that tells them apart.
 */
export function Pager({
	page,
	pageSize,
	total,
	more = false,
	param = 'page',
	label = 'Pages',
}: {
	page: number
	pageSize: number
	total: number
	/** There are more than `total` (a long list counts only so far): the last page is not known yet. */
	more?: boolean
	param?: string
	label?: string
}) {
	const [searchParams] = useSearchParams()
	const view = pagerView({ page, pageSize, total, more })
	if (!view) return null
	const hrefFor = (p: number) => {
		const next = new URLSearchParams(searchParams)
		next.set(param, String(p))
		return `?${next.toString()}`
	}
	return (
		<nav className="pager" aria-label={label}>
			{view.hasPrevious ? (
				<Link to={hrefFor(page - 1)}>← Previous</Link>
			) : (
				<span className="muted">← Previous</span>
			)}
			<span>{view.summary}</span>
			{view.hasNext ? <Link to={hrefFor(page + 1)}>Next →</Link> : <span className="muted">Next →</span>}
		</nav>
	)
}
