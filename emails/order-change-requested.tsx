import { Heading, Text } from '@react-email/components'
import { EmailLayout } from './components/layout.tsx'
import { formatUtc, OpenOrderButton, orderEmailStyles as s, Quote } from './order-email-parts.tsx'

export type OrderChange = { label: string; from: string; to: string }

export type OrderChangeRequestedEmailProps = {
	supplierName: string
	orderNumber: string
	changes: OrderChange[]
	reason: string
	/** The re-computed price under the contract term, when there is one. */
	price: string | null
	ackDueAt: Date
	url: string
}

export function getOrderChangeRequestedSubject({
	orderNumber,
	ackDueAt,
}: Pick<OrderChangeRequestedEmailProps, 'orderNumber' | 'ackDueAt'>) {
	return `${orderNumber} changed — acknowledge by ${formatUtc(ackDueAt)}`
}

/** A buyer changed quantity or needed-by; the supplier must acknowledge within the class deadline. */
export function OrderChangeRequestedEmail({
	supplierName,
	orderNumber,
	changes,
	reason,
	price,
	ackDueAt,
	url,
}: OrderChangeRequestedEmailProps) {
	return (
		<EmailLayout preview={getOrderChangeRequestedSubject({ orderNumber, ackDueAt })}>
			<Heading style={s.heading}>{orderNumber} changed</Heading>
			<Text style={s.text}>The buyer changed {orderNumber}:</Text>
			{changes.map((c) => (
				<Text key={c.label} style={s.fact}>
					{c.label}: {c.from} → {c.to}
				</Text>
			))}
			{price ? <Text style={s.text}>The price under your contract term is now {price}.</Text> : null}
			<Text style={s.text}>The buyer’s reason:</Text>
			<Quote>{reason}</Quote>
			<Text style={s.text}>
				Please acknowledge the change by <strong>{formatUtc(ackDueAt)}</strong>.
			</Text>
			<OpenOrderButton url={url} label="Review the change" />
			<Text style={s.small}>You receive this as a user of {supplierName}.</Text>
		</EmailLayout>
	)
}
