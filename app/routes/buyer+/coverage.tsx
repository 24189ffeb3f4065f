import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatCoverageCell, formatCoverageSummary, isCoverageGap } from '#app/domain/suppliers/coverage.ts'
import { getCoverageMatrix } from '#app/models/coverage.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	return { matrix: await getCoverageMatrix(getDb()) }
}

export const meta: MetaFunction = () => [{ title: 'Coverage · Buyer · Procura' }]

export default function CoveragePage() {
	const { matrix } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<h1>Capability coverage</h1>
			<p className="muted">
				Each cell counts the active suppliers with a capability that is not paused for that category and order
				class, and adds up their weekly capacity. A gap means orders of that kind have nowhere to go yet.
			</p>
			<p className={matrix.gapCount > 0 ? 'coverage-summary has-gaps' : 'coverage-summary'}>
				{matrix.gapCount > 0 ? <span aria-hidden="true">⚠ </span> : null}
				{formatCoverageSummary(matrix)}
			</p>
			{matrix.rows.length === 0 || matrix.orderClasses.length === 0 ? (
				<p className="empty">
					There are no categories or order classes in use yet, so there is nothing to cover.
				</p>
			) : (
				<div className="table-wrap">
					<table className="coverage">
						<caption>Capability coverage: categories × order classes</caption>
						<thead>
							<tr>
								<td />
								{matrix.orderClasses.map((c) => (
									<th key={c.id} scope="col">
										{c.name}
									</th>
								))}
							</tr>
						</thead>
						<tbody>
							{matrix.rows.map((row) => (
								<tr key={row.category.id}>
									<th scope="row">{row.category.name}</th>
									{row.cells.map((cell) => {
										const text = formatCoverageCell(cell)
										if (isCoverageGap(cell)) {
											return (
												<td key={cell.orderClassId} className="gap">
													{text}
												</td>
											)
										}
										const params = new URLSearchParams({
											category: cell.categoryId,
											orderClass: cell.orderClassId,
										})
										return (
											<td key={cell.orderClassId}>
												<Link to={`/buyer/suppliers?${params}`}>{text}</Link>
											</td>
										)
									})}
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
