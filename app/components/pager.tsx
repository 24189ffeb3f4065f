import { Link, useSearchParams } from '@remix-run/react'

/** Previous/next links that keep the list's other search parameters. */
export function Pager({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
	const [searchParams] = useSearchParams()
	const pages = Math.max(1, Math.ceil(total / pageSize))
	if (pages <= 1) return null
	const hrefFor = (p: number) => {
		const next = new URLSearchParams(searchParams)
		next.set('page', String(p))
		return `?${next.toString()}`
	}
	return (
		<nav className="pager" aria-label="Pages">
			{page > 1 ? <Link to={hrefFor(page - 1)}>← Previous</Link> : <span className="muted">← Previous</span>}
			<span>
				Page {page} of {pages} · {total} in all
			</span>
			{page < pages ? <Link to={hrefFor(page + 1)}>Next →</Link> : <span className="muted">Next →</span>}
		</nav>
	)
}
