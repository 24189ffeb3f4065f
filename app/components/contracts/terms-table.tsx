import { type TermInput } from '#app/domain/contracts/contract-terms.ts'
import { formatCount, formatHours, formatMinutes } from '#app/domain/order-classes/format.ts'
import { formatBasisPoints, formatMoney } from '#app/domain/pricing/money.ts'
import { termLabel } from './contract-format.tsx'

/** A term as a page shows it: its values plus the names of its class and category. */
export type TermRow = TermInput & { id?: string; orderClassName: string; categoryName: string | null }

/** The price of a term in words: a flat price, or each tier from its threshold. */
export function PriceSummary({ term, currency }: { term: TermRow; currency: string }) {
	if (term.priceTiers.length === 0) {
		return (
			<>{term.unitPriceMinor === null ? '—' : `${formatMoney(term.unitPriceMinor, currency)} per unit`}</>
		)
	}
	return (
		<ul className="tier-list">
			{term.priceTiers.map((tier) => (
				<li key={tier.minQuantity}>
					from {formatCount(tier.minQuantity)} units: {formatMoney(tier.unitPriceMinor, currency)}
				</li>
			))}
		</ul>
	)
}

/** Terms of one contract version, one row per (class, category); scrolls sideways on a phone. */
export function TermsTable({
	terms,
	currency,
	caption,
}: {
	terms: readonly TermRow[]
	currency: string
	caption: string
}) {
	if (terms.length === 0) return <p className="empty">This version has no terms.</p>
	return (
		<div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
			<table>
				<caption className="visually-hidden">{caption}</caption>
				<thead>
					<tr>
						<th scope="col">Class · category</th>
						<th scope="col">Price</th>
						<th scope="col">Acknowledge within</th>
						<th scope="col">Deliver within</th>
						<th scope="col">Priority surcharge</th>
						<th scope="col">Penalty per breach</th>
						<th scope="col">24x7</th>
						<th scope="col">Volume commitment</th>
					</tr>
				</thead>
				<tbody>
					{terms.map((term) => (
						<tr key={term.id ?? `${term.orderClassId}|${term.categoryId ?? '*'}`}>
							<th scope="row">{termLabel(term)}</th>
							<td>
								<PriceSummary term={term} currency={currency} />
							</td>
							<td>{formatMinutes(term.ackSlaMinutes)}</td>
							<td>{formatHours(term.deliverySlaHours)}</td>
							<td>{term.prioritySurchargeBps > 0 ? formatBasisPoints(term.prioritySurchargeBps) : 'None'}</td>
							<td>
								{term.penaltyPerBreachBps > 0
									? `${formatBasisPoints(term.penaltyPerBreachBps)} of the order value`
									: 'None'}
							</td>
							<td>{term.guaranteed24x7 ? 'Guaranteed' : 'No'}</td>
							<td>
								{term.volumeCommitmentPerMonth === null
									? 'None'
									: `${formatCount(term.volumeCommitmentPerMonth)} units a month`}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
