import { Button, Section, Text } from '@react-email/components'

/** Shared look of the order emails. */
export const orderEmailStyles = {
	heading: { color: '#111827', fontSize: '22px', margin: '0 0 16px' },
	urgent: { color: '#b91c1c', fontSize: '22px', margin: '0 0 16px' },
	text: { color: '#374151', fontSize: '15px', lineHeight: '22px' },
	fact: { color: '#111827', fontSize: '15px', lineHeight: '22px', margin: '0' },
	quote: {
		backgroundColor: '#f3f4f6',
		borderLeft: '4px solid #1e3a8a',
		color: '#111827',
		fontSize: '15px',
		lineHeight: '22px',
		margin: '0',
		padding: '12px 16px',
		whiteSpace: 'pre-wrap',
	},
	button: {
		backgroundColor: '#1e3a8a',
		borderRadius: '6px',
		color: '#ffffff',
		fontSize: '15px',
		fontWeight: 600,
		padding: '12px 20px',
		textDecoration: 'none',
	},
	small: { color: '#6b7280', fontSize: '13px', lineHeight: '20px' },
} as const

/** The facts of an order as they appear in its emails. */
export type OrderFacts = {
	orderNumber: string
	className: string
	categoryName: string
	quantity: number
	unit: string
	region: string
	neededBy: Date
}

export function OrderFactList({ facts, price }: { facts: OrderFacts; price?: string | null }) {
	return (
		<Section style={{ margin: '16px 0' }}>
			<Text style={orderEmailStyles.fact}>Order: {facts.orderNumber}</Text>
			<Text style={orderEmailStyles.fact}>
				Class and category: {facts.className}, {facts.categoryName}
			</Text>
			<Text style={orderEmailStyles.fact}>
				Quantity: {facts.quantity.toLocaleString('en-GB')} {facts.unit}
			</Text>
			<Text style={orderEmailStyles.fact}>Region: {facts.region}</Text>
			<Text style={orderEmailStyles.fact}>Needed by: {formatUtc(facts.neededBy)}</Text>
			{price ? <Text style={orderEmailStyles.fact}>Price: {price}</Text> : null}
		</Section>
	)
}

export function OpenOrderButton({ url, label = 'Open the order' }: { url: string; label?: string }) {
	return (
		<Section style={{ margin: '24px 0' }}>
			<Button href={url} style={orderEmailStyles.button}>
				{label}
			</Button>
		</Section>
	)
}

export function Quote({ children }: { children: string }) {
	return (
		<Section>
			<Text style={orderEmailStyles.quote}>{children}</Text>
		</Section>
	)
}

const UTC_DATE = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'UTC',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
})

// Recipients live in many time zones and the email cannot know theirs, so times are spelled out in UTC.
export function formatUtc(date: Date) {
	const hh = String(date.getUTCHours()).padStart(2, '0')
	const mm = String(date.getUTCMinutes()).padStart(2, '0')
	return `${UTC_DATE.format(date)} at ${hh}:${mm} UTC`
}
