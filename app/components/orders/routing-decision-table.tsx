import { formatMoney } from '#app/domain/pricing/money.ts'
import { LocalTime } from './local-time.tsx'

export type DecisionCandidate = {
	rank: number
	supplierId: string
	supplierName: string
	score: number
	components: { price: number; speed: number; reliability: number; capacity: number }
	priceMinor: number | null
	reasons?: readonly string[]
}

export type DecisionExclusion = { supplierId: string; supplierName: string; rule: string; reason: string }

export type RoutingDecisionView = {
	id: string
	attempt: number
	mode: string
	outcome: string
	decidedAt: string | Date
	candidates: readonly DecisionCandidate[]
	excluded: readonly DecisionExclusion[]
	offeredSupplierIds: readonly string[]
}

export type RankingWeights = { price: number; speed: number; reliability: number; capacity: number }

/** The ranking weights of a class policy as stored (weightPrice, …), for the table's headers. */
export function weightsOfPolicy(policy: {
	weightPrice: number
	weightSpeed: number
	weightReliability: number
	weightCapacity: number
}): RankingWeights {
	return {
		price: policy.weightPrice,
		speed: policy.weightSpeed,
		reliability: policy.weightReliability,
		capacity: policy.weightCapacity,
	}
}

export const EXCLUSION_RULE_LABELS: Record<string, string> = {
	supplier_not_active: 'Supplier not active',
	standing: 'Standing',
	no_capability: 'No capability',
	capability_paused: 'Capability paused',
	region: 'Region not served',
	capacity: 'No capacity left',
	no_contract: 'No contract term',
	not_24x7: 'Not 24x7',
	lead_time: 'Lead time too long',
	price: 'No price',
	already_declined: 'Already declined',
	already_offered: 'Already offered',
}

const COMPONENTS = ['price', 'speed', 'reliability', 'capacity'] as const
const COMPONENT_LABELS = { price: 'Price', speed: 'Speed', reliability: 'Reliability', capacity: 'Capacity' }

/** A 0..1 component as a whole number out of 100, with a bar that only repeats the number. */
function ComponentCell({ value }: { value: number }) {
	const points = Math.round(Math.min(1, Math.max(0, value)) * 100)
	return (
		<td className="component">
			<span className="bar" aria-hidden="true">
				<span style={{ width: `${points}%` }} />
			</span>
			<span className="component-value">{points}</span>
		</td>
	)
}

function Decision({
	decision,
	chosenSupplierId,
	currency,
	weights,
	latest,
}: {
	decision: RoutingDecisionView
	chosenSupplierId: string | null
	currency: string
	weights?: RankingWeights | null
	latest: boolean
}) {
	const offered = new Set(decision.offeredSupplierIds)
	const headingId = `decision-${decision.id}`
	return (
		<section aria-labelledby={headingId} className="routing-decision">
			<h3 id={headingId}>
				Routing run {decision.attempt}
				{latest ? ' (latest)' : ''}
			</h3>
			<p className="muted">
				<LocalTime value={decision.decidedAt} /> · {decision.mode === 'broadcast' ? 'Broadcast' : 'Cascade'} ·{' '}
				{decision.outcome === 'unroutable'
					? 'no supplier could take it'
					: decision.outcome === 'override'
						? 'assigned manually by a buyer (override)'
						: `offered to ${offered.size}`}
			</p>
			{decision.outcome === 'override' ? (
				<p>A buyer chose the supplier; the reason is with the offer below.</p>
			) : decision.candidates.length === 0 ? (
				<p className="empty">No supplier passed the rules below.</p>
			) : (
				<div className="table-wrap">
					<table className="rows-named">
						<caption className="visually-hidden">
							Candidates of routing run {decision.attempt}, best first, with their score out of 100 and its
							four parts out of 100
						</caption>
						<thead>
							<tr>
								<th scope="col">Rank</th>
								<th scope="col">Supplier</th>
								<th scope="col">Score</th>
								{COMPONENTS.map((c) => (
									<th scope="col" key={c}>
										{COMPONENT_LABELS[c]}
										{weights ? <span className="weight"> (weight {weights[c]})</span> : null}
									</th>
								))}
								<th scope="col">Price</th>
								<th scope="col">Outcome</th>
							</tr>
						</thead>
						<tbody>
							{decision.candidates.map((c) => {
								const chosen = c.supplierId === chosenSupplierId && offered.has(c.supplierId)
								return (
									<tr key={c.supplierId} className={chosen ? 'chosen' : undefined}>
										<td>{c.rank}</td>
										<th scope="row">{c.supplierName}</th>
										<td>
											<strong>{c.score.toFixed(1)}</strong>
										</td>
										{COMPONENTS.map((k) => (
											<ComponentCell key={k} value={c.components[k]} />
										))}
										<td className="nowrap">
											{c.priceMinor === null ? '—' : formatMoney(c.priceMinor, currency)}
										</td>
										<td>
											{chosen ? (
												<strong>Chosen</strong>
											) : offered.has(c.supplierId) ? (
												'Offered'
											) : (
												'Not offered'
											)}
										</td>
									</tr>
								)
							})}
						</tbody>
					</table>
				</div>
			)}
			{decision.excluded.length > 0 ? (
				<div className="table-wrap">
					<table className="rows-named">
						<caption>Excluded suppliers ({decision.excluded.length})</caption>
						<thead>
							<tr>
								<th scope="col">Supplier</th>
								<th scope="col">Rule</th>
								<th scope="col">Reason</th>
							</tr>
						</thead>
						<tbody>
							{decision.excluded.map((e) => (
								<tr key={`${e.supplierId}-${e.rule}`}>
									<th scope="row">{e.supplierName}</th>
									<td>{EXCLUSION_RULE_LABELS[e.rule] ?? e.rule.replaceAll('_', ' ')}</td>
									<td>{e.reason}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			) : null}
		</section>
	)
}

/**
 * "Why this supplier": every routing run of the order, newest first — each candidate with its rank,
 * score and the four parts of the score, and each excluded supplier with the rule that excluded it.
 */
export function RoutingDecisionTable({
	decisions,
	chosenSupplierId,
	currency,
	weights,
}: {
	decisions: readonly RoutingDecisionView[]
	chosenSupplierId: string | null
	currency: string
	weights?: RankingWeights | null
}) {
	const newestFirst = [...decisions].sort((a, b) => b.attempt - a.attempt)
	return (
		<section aria-labelledby="routing-heading" className="card stack">
			<h2 id="routing-heading">Why this supplier</h2>
			{newestFirst.length === 0 ? (
				<p className="empty">The order has not been routed yet.</p>
			) : (
				<>
					<p className="muted">
						Scores are out of 100: the class weights applied to price, speed, reliability and capacity
						headroom (each out of 100). Ties go to the lower price, then the name.
					</p>
					{newestFirst.map((d, i) => (
						<Decision
							key={d.id}
							decision={d}
							chosenSupplierId={chosenSupplierId}
							currency={currency}
							weights={weights}
							latest={i === 0 && newestFirst.length > 1}
						/>
					))}
				</>
			)}
		</section>
	)
}
