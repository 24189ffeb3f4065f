import { Link } from '@remix-run/react'
import { type ContractStatus } from '#app/schemas/contract.ts'
import { ContractStatusBadge, formatPeriod } from './contract-format.tsx'

export type ContractListItem = {
	id: string
	number: string
	title: string
	supplierName: string
	status: ContractStatus
	startsOn: string
	endsOn: string
	pendingProposalBy: 'buyer' | 'supplier' | null
	classNames: string[]
}

/** A page of contracts; a proposal waiting for the viewer is marked and its row stands out. */
export function ContractsTable({
	rows,
	viewer,
	basePath,
}: {
	rows: readonly ContractListItem[]
	viewer: 'buyer' | 'supplier'
	basePath: string
}) {
	return (
		<div className="table-wrap">
			<table>
				<thead>
					<tr>
						<th scope="col">Contract</th>
						{viewer === 'buyer' ? <th scope="col">Supplier</th> : null}
						<th scope="col">Status</th>
						<th scope="col">Period</th>
						<th scope="col">Classes</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => {
						const waiting = row.pendingProposalBy !== null && row.pendingProposalBy !== viewer
						const waitingForOther = row.pendingProposalBy === viewer
						return (
							<tr key={row.id} className={waiting ? 'waiting' : undefined}>
								<td>
									<Link to={`${basePath}/${row.id}`}>{row.number}</Link>
									<div className="hint">{row.title}</div>
								</td>
								{viewer === 'buyer' ? <td>{row.supplierName}</td> : null}
								<td>
									<ContractStatusBadge status={row.status} />
									{waiting ? (
										<div>
											<span className="badge warn">Waiting for you</span>
										</div>
									) : waitingForOther ? (
										<div className="hint">Waiting for the {viewer === 'buyer' ? 'supplier' : 'buyer'}</div>
									) : null}
								</td>
								<td>{formatPeriod(row.startsOn, row.endsOn)}</td>
								<td>
									{row.classNames.length > 0 ? (
										row.classNames.join(', ')
									) : (
										<span className="muted">No terms yet</span>
									)}
								</td>
							</tr>
						)
					})}
				</tbody>
			</table>
		</div>
	)
}
