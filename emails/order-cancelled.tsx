import { Heading, Text } from '@react-email/components'
import { EmailLayout } from './components/layout.tsx'
import { formatUtc, OpenOrderButton, orderEmailStyles as s, Quote } from './order-email-parts.tsx'

export type OrderCancelledEmailProps = {
	recipientName: string
	orderNumber: string
	reason: string
	cancelledAt: Date
	url: string
}

export function getOrderCancelledSubject({ orderNumber }: { orderNumber: string }) {
	return `${orderNumber} was cancelled`
}

/** The buyer cancelled an order; whoever was working on it (or offered it) is told why. */
export function OrderCancelledEmail({
	recipientName,
	orderNumber,
	reason,
	cancelledAt,
	url,
}: OrderCancelledEmailProps) {
	return (
		<EmailLayout preview={getOrderCancelledSubject({ orderNumber })}>
			<Heading style={s.heading}>{orderNumber} was cancelled</Heading>
			<Text style={s.text}>Hello {recipientName},</Text>
			<Text style={s.text}>
				The buyer cancelled {orderNumber} on {formatUtc(cancelledAt)}. Please stop any work on it.
			</Text>
			<Text style={s.text}>The reason they gave:</Text>
			<Quote>{reason}</Quote>
			<OpenOrderButton url={url} />
		</EmailLayout>
	)
}
