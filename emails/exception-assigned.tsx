import { Heading, Text } from '@react-email/components'
import { EmailLayout } from './components/layout.tsx'
import { formatUtc, OpenOrderButton, orderEmailStyles as s, Quote } from './order-email-parts.tsx'

export type ExceptionAssignedEmailProps = {
	recipientName: string
	orderNumber: string
	/** How the kind reads in a sentence, e.g. "Unroutable". */
	kindLabel: string
	detail: string
	openedAt: Date
	/** Who assigned it; null when it was assigned on opening. */
	assignedBy: string | null
	url: string
}

export function getExceptionAssignedSubject({
	orderNumber,
	kindLabel,
}: {
	orderNumber: string
	kindLabel: string
}) {
	return `Exception on ${orderNumber}: ${kindLabel.toLowerCase()} — assigned to you`
}

/** An exception on an order needs a person, and that person is the recipient. */
export function ExceptionAssignedEmail({
	recipientName,
	orderNumber,
	kindLabel,
	detail,
	openedAt,
	assignedBy,
	url,
}: ExceptionAssignedEmailProps) {
	return (
		<EmailLayout preview={getExceptionAssignedSubject({ orderNumber, kindLabel })}>
			<Heading style={s.heading}>
				{kindLabel}: {orderNumber}
			</Heading>
			<Text style={s.text}>Hello {recipientName},</Text>
			<Text style={s.text}>
				{assignedBy ? `${assignedBy} assigned you` : 'You own'} an exception on {orderNumber}, opened on{' '}
				{formatUtc(openedAt)}. It stays in the exception queue until someone resolves it.
			</Text>
			<Quote>{detail}</Quote>
			<OpenOrderButton url={url} label="Open the order" />
		</EmailLayout>
	)
}
