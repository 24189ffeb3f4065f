import { Heading, Text } from '@react-email/components'
import { EmailLayout } from './components/layout.tsx'
import {
	formatUtc,
	OpenOrderButton,
	OrderFactList,
	type OrderFacts,
	orderEmailStyles as s,
	Quote,
} from './order-email-parts.tsx'

export type OrderOfferEmailProps = {
	supplierName: string
	facts: OrderFacts
	description: string
	/** The formatted price under the supplier's contract term; null without one. */
	price: string | null
	expiresAt: Date
	isEmergency: boolean
	/** Set when a buyer assigned the order by hand instead of the router. */
	overrideReason?: string | null
	url: string
}

export function getOrderOfferSubject({
	facts,
	expiresAt,
	isEmergency,
}: Pick<OrderOfferEmailProps, 'facts' | 'expiresAt' | 'isEmergency'>) {
	return `${isEmergency ? 'EMERGENCY: ' : ''}New order ${facts.orderNumber} — answer by ${formatUtc(expiresAt)}`
}

/** An order offered to a supplier, with the deadline for its answer. */
export function OrderOfferEmail({
	supplierName,
	facts,
	description,
	price,
	expiresAt,
	isEmergency,
	overrideReason,
	url,
}: OrderOfferEmailProps) {
	return (
		<EmailLayout preview={`${facts.className} order ${facts.orderNumber}: answer by ${formatUtc(expiresAt)}`}>
			<Heading style={isEmergency ? s.urgent : s.heading}>
				{isEmergency ? 'Emergency order' : 'New order'} {facts.orderNumber} for {supplierName}
			</Heading>
			<Text style={s.text}>
				{overrideReason
					? 'A buyer assigned this order to your organisation.'
					: 'Procura routed this order to your organisation.'}{' '}
				Accept or decline it by <strong>{formatUtc(expiresAt)}</strong>; after that the offer expires
				{overrideReason ? '.' : ' and the order goes to the next supplier.'}
			</Text>
			<OrderFactList facts={facts} price={price} />
			<Text style={s.text}>What is needed:</Text>
			<Quote>{description}</Quote>
			{overrideReason ? (
				<>
					<Text style={s.text}>The buyer’s reason for choosing you:</Text>
					<Quote>{overrideReason}</Quote>
				</>
			) : null}
			<OpenOrderButton url={url} label="Answer the offer" />
			<Text style={s.small}>You receive this as a user of {supplierName}.</Text>
		</EmailLayout>
	)
}
