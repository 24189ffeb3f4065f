import { Heading, Section, Text } from '@react-email/components'
import { SUPPLIER_STATUS_LABELS, type SupplierStatus } from '#app/domain/suppliers/supplier-status.ts'
import { EmailLayout } from './components/layout.tsx'

export type SupplierStatusChangedEmailProps = {
	recipientName: string
	supplierName: string
	fromStatus: SupplierStatus
	toStatus: SupplierStatus
	reason: string
	changedAt: Date
}

const styles = {
	heading: { color: '#111827', fontSize: '22px', margin: '0 0 16px' },
	text: { color: '#374151', fontSize: '15px', lineHeight: '22px' },
	reason: {
		backgroundColor: '#f3f4f6',
		borderLeft: '4px solid #1e3a8a',
		color: '#111827',
		fontSize: '15px',
		lineHeight: '22px',
		margin: '0',
		padding: '12px 16px',
		whiteSpace: 'pre-wrap',
	},
	small: { color: '#6b7280', fontSize: '13px', lineHeight: '20px' },
} as const

// What the new status means for the people who receive the email.
const CONSEQUENCES: Record<SupplierStatus, string> = {
	invited: 'Your organisation has been invited but cannot receive orders yet.',
	active: 'Your organisation can receive new orders through Procura.',
	on_hold:
		'While on hold, your organisation is not offered new orders. Work you have already accepted continues.',
	blocked:
		'While blocked, your organisation is not offered any orders. Contact the buying organisation if you have questions.',
}

export function getSupplierStatusChangedSubject({
	supplierName,
	toStatus,
}: {
	supplierName: string
	toStatus: SupplierStatus
}) {
	return `${supplierName} is now ${SUPPLIER_STATUS_LABELS[toStatus].toLowerCase()} on Procura`
}

export function SupplierStatusChangedEmail({
	recipientName,
	supplierName,
	fromStatus,
	toStatus,
	reason,
	changedAt,
}: SupplierStatusChangedEmailProps) {
	const from = SUPPLIER_STATUS_LABELS[fromStatus].toLowerCase()
	const to = SUPPLIER_STATUS_LABELS[toStatus].toLowerCase()
	return (
		<EmailLayout preview={`${supplierName} is now ${to} on Procura`}>
			<Heading style={styles.heading}>
				{supplierName} is now {to}
			</Heading>
			<Text style={styles.text}>Hello {recipientName},</Text>
			<Text style={styles.text}>
				On {formatUtc(changedAt)}, the buying organisation changed the status of {supplierName} on Procura
				from {from} to {to}. {CONSEQUENCES[toStatus]}
			</Text>
			<Text style={styles.text}>The reason they gave:</Text>
			<Section>
				<Text style={styles.reason}>{reason}</Text>
			</Section>
			<Text style={styles.small}>You receive this as a user of {supplierName}.</Text>
		</EmailLayout>
	)
}

const UTC_DATE = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'UTC',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
})

// The email cannot know the reader's time zone, so the time is spelled out in UTC.
function formatUtc(date: Date) {
	const hh = String(date.getUTCHours()).padStart(2, '0')
	const mm = String(date.getUTCMinutes()).padStart(2, '0')
	return `${UTC_DATE.format(date)} at ${hh}:${mm} UTC`
}
