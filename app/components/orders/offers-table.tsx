import { formatMoney } from '#app/domain/pricing/money.ts'
import { LocalTime } from './local-time.tsx'
import { OfferCountdown } from './offer-countdown.tsx'

export type OfferView = {
	id: string
	supplierName?: string
	rank?: number
	scoreCenti?: number
	priceMinor: number | null
	offeredAt: string | Date
	expiresAt: string | Date
	response: 'pending' | 'accepted' | 'declined' | 'expired' | 'withdrawn'
	respondedAt: string | Date | null
	declineReason: string | null
	overrideReason: string | null
}

const RESPONSE_LABELS: Record<OfferView['response'], string> = {
	pending: 'Waiting for an answer',
	accepted: 'Accepted',
	declined: 'Declined',
	expired: 'Expired unanswered',
	withdrawn: 'Withdrawn',
}
const RESPONSE_BADGES: Record<OfferView['response'], string> = {
	pending: 'badge warn',
	accepted: 'badge ok',
	declined: 'badge bad',
	expired: 'badge bad',
	withdrawn: 'badge',
}

/** The order's offers, newest first: to whom, at what price, until when, and what came of each. */
export function OffersTable({
	offers,
	currency,
	showSupplier = true,
}: {
	offers: readonly OfferView[]
	currency: string
	showSupplier?: boolean
}) {
	if (offers.length === 0) return <p className="empty">No offers yet.</p>
	return (
		<div className="table-wrap">
			<table className="rows-named">
				<thead>
					<tr>
						{showSupplier ? <th scope="col">Supplier</th> : null}
						{showSupplier ? <th scope="col">Rank</th> : null}
						<th scope="col">Price</th>
						<th scope="col">Offered</th>
						<th scope="col">Answer by</th>
						<th scope="col">Answer</th>
					</tr>
				</thead>
				<tbody>
					{offers.map((o) => (
						<tr key={o.id}>
							{showSupplier ? <th scope="row">{o.supplierName}</th> : null}
							{showSupplier ? <td>{o.overrideReason ? 'Manual' : o.rank}</td> : null}
							<td className="nowrap">{o.priceMinor === null ? '—' : formatMoney(o.priceMinor, currency)}</td>
							<td>
								<LocalTime value={o.offeredAt} />
							</td>
							<td>
								{o.response === 'pending' ? (
									<OfferCountdown expiresAt={o.expiresAt} />
								) : (
									<LocalTime value={o.expiresAt} />
								)}
							</td>
							<td>
								<span className={RESPONSE_BADGES[o.response]}>{RESPONSE_LABELS[o.response]}</span>
								{o.respondedAt ? (
									<span className="muted">
										{' '}
										<LocalTime value={o.respondedAt} />
									</span>
								) : null}
								{o.declineReason ? <p className="prewrap">“{o.declineReason}”</p> : null}
								{o.overrideReason ? <p className="prewrap">Override: {o.overrideReason}</p> : null}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
