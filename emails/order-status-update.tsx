import { Heading, Text } from '@react-email/components'
import { EmailLayout } from './components/layout.tsx'
import { OpenOrderButton, orderEmailStyles as s, Quote } from './order-email-parts.tsx'

export type OrderStatusUpdateEmailProps = {
	recipientName: string
	orderNumber: string
	/** One line saying what happened, e.g. "Northwind started work on PO-2026-000123." */
	headline: string
	detail?: string | null
	/** Text someone wrote (a note, a review reason), quoted as it is. */
	note?: string | null
	url: string
}

export function getOrderStatusUpdateSubject({
	orderNumber,
	headline,
}: {
	orderNumber: string
	headline: string
}) {
	return `${orderNumber}: ${headline}`
}

/** Progress on an order for the other side: work started, an update, delivered, closed, reviewed. */
export function OrderStatusUpdateEmail({
	recipientName,
	orderNumber,
	headline,
	detail,
	note,
	url,
}: OrderStatusUpdateEmailProps) {
	return (
		<EmailLayout preview={getOrderStatusUpdateSubject({ orderNumber, headline })}>
			<Heading style={s.heading}>{orderNumber}</Heading>
			<Text style={s.text}>Hello {recipientName},</Text>
			<Text style={s.text}>{headline}</Text>
			{detail ? <Text style={s.text}>{detail}</Text> : null}
			{note ? <Quote>{note}</Quote> : null}
			<OpenOrderButton url={url} />
		</EmailLayout>
	)
}
