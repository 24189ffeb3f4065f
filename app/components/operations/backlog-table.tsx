import { Link } from '@remix-run/react'
import { type BacklogCount } from '#app/domain/operations/backlog.ts'
import { formatCount } from '#app/domain/operations/format.ts'
import { type OperationsLinks } from './order-links.ts'

/** Open orders by time since submission, as of now; each count opens those orders. */
export function BacklogTable({
	backlog,
	links,
}: {
	backlog: { total: number; buckets: readonly BacklogCount[] }
	links: OperationsLinks
}) {
	const widest = Math.max(1, ...backlog.buckets.map((b) => b.count))
	return (
		<section aria-labelledby="backlog-heading" className="stack">
			<h2 id="backlog-heading">Backlog age</h2>
			<p className="hint">
				Open orders (not closed, cancelled or rejected) by time since submission, as of now — not bound to the
				period. <Link to={links.open}>All {formatCount(backlog.total, ['open order', 'open orders'])}</Link>
			</p>
			{backlog.total === 0 ? (
				<p className="empty">No open orders.</p>
			) : (
				<div className="table-wrap">
					<table className="backlog">
						<caption className="visually-hidden">Open orders by age</caption>
						<thead>
							<tr>
								<th scope="col">Waiting since submission</th>
								<th scope="col">Open orders</th>
								<th scope="col">Share</th>
							</tr>
						</thead>
						<tbody>
							{backlog.buckets.map((b) => (
								<tr key={b.key}>
									<th scope="row">{b.label}</th>
									<td>
										{b.count === 0 ? (
											'0'
										) : (
											<Link
												to={links.backlog(b)}
												aria-label={`${formatCount(b.count, ['open order', 'open orders'])} waiting ${b.label.toLowerCase()}`}
											>
												{b.count}
											</Link>
										)}
									</td>
									<td>
										<span className="bar" aria-hidden="true">
											<span style={{ width: `${(b.count / widest) * 100}%` }} />
										</span>
										{Math.round((b.count / backlog.total) * 100)}%
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	)
}
