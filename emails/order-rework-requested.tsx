import { Heading, Text } from '@react-email/components'
import { EmailLayout } from './components/layout.tsx'
import { OpenOrderButton, orderEmailStyles as s, Quote } from './order-email-parts.tsx'

export type OrderReworkRequestedEmailProps = {
	supplierName: string
	orderNumber: string
	reason: string
	url: string
}

export function getOrderReworkRequestedSubject({ orderNumber }: { orderNumber: string }) {
	return `Rework requested on ${orderNumber}`
}

/** The buyer did not accept a delivery and asks the supplier to rework it. */
export function OrderReworkRequestedEmail({
	supplierName,
	orderNumber,
	reason,
	url,
}: OrderReworkRequestedEmailProps) {
	return (
		<EmailLayout preview={getOrderReworkRequestedSubject({ orderNumber })}>
			<Heading style={s.heading}>Rework requested on {orderNumber}</Heading>
			<Text style={s.text}>
				The buyer reviewed the delivery of {orderNumber} and asks {supplierName} to rework it. The order is
				back with you; resume work when you start on it.
			</Text>
			<Text style={s.text}>What needs to change:</Text>
			<Quote>{reason}</Quote>
			<OpenOrderButton url={url} />
			<Text style={s.small}>You receive this as a user of {supplierName}.</Text>
		</EmailLayout>
	)
}
