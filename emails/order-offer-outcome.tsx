import { Heading, Text } from '@react-email/components'
import { EmailLayout } from './components/layout.tsx'
import { formatUtc, OpenOrderButton, orderEmailStyles as s, Quote } from './order-email-parts.tsx'

export type OfferOutcome = 'accepted' | 'declined' | 'expired'

export type OrderOfferOutcomeEmailProps = {
	recipientName: string
	orderNumber: string
	supplierName: string
	outcome: OfferOutcome
	/** The supplier's reason for declining. */
	reason?: string | null
	/** The agreed price when accepted. */
	price?: string | null
	/** When the offer expired or was answered. */
	at: Date
	/** What happens to the order now, e.g. "It was offered to the next supplier." */
	nextStep?: string | null
	url: string
}

const HEADLINES: Record<OfferOutcome, string> = {
	accepted: 'accepted',
	declined: 'declined',
	expired: 'did not answer in time for',
}

export function getOrderOfferOutcomeSubject({
	orderNumber,
	supplierName,
	outcome,
}: Pick<OrderOfferOutcomeEmailProps, 'orderNumber' | 'supplierName' | 'outcome'>) {
	if (outcome === 'expired') return `${orderNumber}: the offer to ${supplierName} expired`
	return `${orderNumber} was ${outcome} by ${supplierName}`
}

/** Tells the buyer who placed an order how a supplier answered (or did not answer) its offer. */
export function OrderOfferOutcomeEmail({
	recipientName,
	orderNumber,
	supplierName,
	outcome,
	reason,
	price,
	at,
	nextStep,
	url,
}: OrderOfferOutcomeEmailProps) {
	return (
		<EmailLayout preview={getOrderOfferOutcomeSubject({ orderNumber, supplierName, outcome })}>
			<Heading style={s.heading}>
				{supplierName} {HEADLINES[outcome]} {orderNumber}
			</Heading>
			<Text style={s.text}>Hello {recipientName},</Text>
			<Text style={s.text}>
				{outcome === 'expired'
					? `The offer of ${orderNumber} to ${supplierName} expired on ${formatUtc(at)} without an answer.`
					: `${supplierName} ${outcome} ${orderNumber} on ${formatUtc(at)}.`}
				{outcome === 'accepted' && price ? ` The agreed price is ${price}.` : ''}
			</Text>
			{outcome === 'declined' && reason ? (
				<>
					<Text style={s.text}>Their reason:</Text>
					<Quote>{reason}</Quote>
				</>
			) : null}
			{nextStep ? <Text style={s.text}>{nextStep}</Text> : null}
			<OpenOrderButton url={url} />
		</EmailLayout>
	)
}
