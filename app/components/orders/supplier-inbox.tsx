import { Link } from '@remix-run/react'
import { formatMoney } from '#app/domain/pricing/money.ts'
import { type ActionFailure } from '#app/schemas/order-actions.ts'
import { ActionForm, ActionTextField, ownFailure } from './action-form.tsx'
import { LocalTime } from './local-time.tsx'
import { OfferCountdown } from './offer-countdown.tsx'

export type InboxOffer = {
	offerId: string
	orderId: string
	orderNumber: string
	orderVersion: number
	className: string
	isEmergency: boolean
	categoryName: string
	quantity: number
	unit: string
	description: string
	region: string
	neededBy: string | Date
	currency: string
	priceMinor: number | null
	expiresAt: string | Date
	overrideReason: string | null
	changePendingSince: string | Date | null
}

/** Accept, or decline with a reason: the two answers to one offer. */
export function OfferAnswerForms({
	offerId,
	orderVersion,
	orderNumber,
	failure,
}: {
	offerId: string
	orderVersion: number
	orderNumber: string
	failure: ActionFailure | null
}) {
	const accept = ownFailure(failure, ['accept'], offerId)
	const decline = ownFailure(failure, ['decline'], offerId)
	return (
		<div className="offer-answers">
			<ActionForm
				version={orderVersion}
				hidden={{ offerId }}
				failure={accept}
				buttons={[{ intent: 'accept', label: `Accept ${orderNumber}` }]}
			/>
			<details open={decline !== null}>
				<summary>Decline {orderNumber}…</summary>
				<ActionForm
					version={orderVersion}
					hidden={{ offerId }}
					failure={decline}
					buttons={[{ intent: 'decline', label: `Decline ${orderNumber}`, className: 'danger' }]}
				>
					<ActionTextField name="declineReason" label="Reason for declining" multiline failure={decline} />
				</ActionForm>
			</details>
		</div>
	)
}

/** Pending offers, emergency first and then by deadline (the order the model returns), each with its countdown. */
export function SupplierInbox({
	offers,
	failure,
}: {
	offers: readonly InboxOffer[]
	failure: ActionFailure | null
}) {
	if (offers.length === 0) return <p className="empty">No offers wait for an answer.</p>
	return (
		<ol className="inbox">
			{offers.map((o) => (
				<li key={o.offerId} className={o.isEmergency ? 'card offer emergency' : 'card offer'}>
					<div className="offer-head">
						<h3 id={`offer-${o.offerId}`}>
							<Link to={`/supplier/orders/${o.orderId}`}>{o.orderNumber}</Link>
						</h3>
						{o.isEmergency ? (
							<span className="badge bad">{o.className}</span>
						) : (
							<span className="badge">{o.className}</span>
						)}
						<OfferCountdown expiresAt={o.expiresAt} />
					</div>
					<dl className="facts">
						<div>
							<dt>Category</dt>
							<dd>{o.categoryName}</dd>
						</div>
						<div>
							<dt>Quantity</dt>
							<dd>
								{o.quantity.toLocaleString('en-GB')} {o.unit}
							</dd>
						</div>
						<div>
							<dt>Region</dt>
							<dd>{o.region}</dd>
						</div>
						<div>
							<dt>Needed by</dt>
							<dd>
								<LocalTime value={o.neededBy} />
							</dd>
						</div>
						<div>
							<dt>Price</dt>
							<dd>{o.priceMinor === null ? 'No contract price' : formatMoney(o.priceMinor, o.currency)}</dd>
						</div>
					</dl>
					<p className="prewrap">{o.description}</p>
					{o.overrideReason ? <p className="notice">Chosen by the buyer: {o.overrideReason}</p> : null}
					{o.changePendingSince ? (
						<p className="notice">The buyer changed this order; open it to acknowledge.</p>
					) : null}
					<OfferAnswerForms
						offerId={o.offerId}
						orderVersion={o.orderVersion}
						orderNumber={o.orderNumber}
						failure={failure}
					/>
				</li>
			))}
		</ol>
	)
}
