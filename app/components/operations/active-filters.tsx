import { Link, useSearchParams } from '@remix-run/react'
import {
	type ActiveFilter,
	OPERATIONS_FILTER_PARAMS,
	type OperationsFilterParam,
} from '#app/schemas/order-list-filters.ts'

/**
 * The order list's operations filters (set by links from the operations dashboard) as removable
 * chips, a link clearing them all, and a note on parameters that could not be read.
 */
export function ActiveFilterChips({
	filters,
	ignored,
}: {
	filters: readonly ActiveFilter[]
	ignored: readonly OperationsFilterParam[]
}) {
	const [searchParams] = useSearchParams()
	const without = (params: readonly string[]) => {
		const next = new URLSearchParams(searchParams)
		for (const p of [...params, 'page']) next.delete(p)
		const text = next.toString()
		return text ? `?${text}` : '?'
	}
	if (filters.length === 0 && ignored.length === 0) return null
	return (
		<div className="active-filters">
			{filters.length > 0 ? (
				<>
					<span id="active-filters-label">Also filtered by:</span>
					<ul aria-labelledby="active-filters-label">
						{filters.map((f) => (
							<li key={f.params.join()}>
								<Link className="chip" to={without(f.params)} aria-label={`Remove filter: ${f.label}`}>
									{f.label} <span aria-hidden="true">×</span>
								</Link>
							</li>
						))}
					</ul>
					<Link to={without(OPERATIONS_FILTER_PARAMS)}>Clear these filters</Link>
				</>
			) : null}
			{ignored.length > 0 ? (
				<p className="notice" role="status">
					Ignored {ignored.length === 1 ? 'a filter' : 'filters'} that could not be read: {ignored.join(', ')}
					. Days look like 2026-03-01, ages are whole hours, flags are 1.
				</p>
			) : null}
		</div>
	)
}
