import { Link } from '@remix-run/react'
import { formatMoment } from './contract-format.tsx'

export type WaitingProposal = {
	contractId: string
	number: string
	title: string
	versionNumber: number
	proposedAt: string | Date | null
}

/** The supplier dashboard's panel: the buyer's proposals that wait for this supplier's answer. */
export function WaitingProposalsPanel({ proposals }: { proposals: readonly WaitingProposal[] }) {
	return (
		<section
			aria-labelledby="waiting-proposals"
			className={proposals.length > 0 ? 'card stack attention' : 'card'}
		>
			<h2 id="waiting-proposals">Proposals waiting for you</h2>
			{proposals.length === 0 ? (
				<p className="muted">No contract proposal is waiting for your answer.</p>
			) : (
				<ul>
					{proposals.map((p) => (
						<li key={p.contractId}>
							<Link to={`/supplier/contracts/${p.contractId}`}>
								{p.number} · {p.title}
							</Link>{' '}
							<span className="muted">
								version {p.versionNumber}, sent {formatMoment(p.proposedAt)}
							</span>
						</li>
					))}
				</ul>
			)}
		</section>
	)
}
