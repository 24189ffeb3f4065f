import { Button, Heading, Link, Section, Text } from '@react-email/components'
import { type ReactNode } from 'react'

// Building blocks shared by the contract emails (emails/contract-*.tsx).

export const contractEmailStyles = {
	heading: { color: '#111827', fontSize: '22px', margin: '0 0 16px' },
	text: { color: '#374151', fontSize: '15px', lineHeight: '22px' },
	quote: {
		borderLeft: '3px solid #cbd5e1',
		color: '#374151',
		fontSize: '15px',
		lineHeight: '22px',
		margin: '0 0 16px',
		paddingLeft: '12px',
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
	list: { color: '#374151', fontSize: '15px', lineHeight: '22px', margin: '0 0 16px', paddingLeft: '20px' },
} as const

/** What every contract email says about the contract it is about. */
export type ContractEmailFacts = {
	recipientName: string
	contractNumber: string
	contractTitle: string
	supplierName: string
	/** Absolute link to the contract in the recipient's portal. */
	url: string
}

const DATE = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'UTC',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
})

/** '2027-12-31' → '31 December 2027': contract dates are calendar days, the same everywhere. */
export function formatContractDate(isoDate: string) {
	return DATE.format(new Date(`${isoDate}T00:00:00Z`))
}

/** An instant spelled out in UTC, since the email cannot know the reader's time zone. */
export function formatUtcInstant(date: Date) {
	const hh = String(date.getUTCHours()).padStart(2, '0')
	const mm = String(date.getUTCMinutes()).padStart(2, '0')
	return `${DATE.format(date)} at ${hh}:${mm} UTC`
}

export function ContractHeading({ children }: { children: ReactNode }) {
	return <Heading style={contractEmailStyles.heading}>{children}</Heading>
}

export function Greeting({ name }: { name: string }) {
	return <Text style={contractEmailStyles.text}>Hello {name},</Text>
}

export function Paragraph({ children }: { children: ReactNode }) {
	return <Text style={contractEmailStyles.text}>{children}</Text>
}

/** The other side's note, quoted as they wrote it. */
export function NoteQuote({ author, note }: { author: string; note: string }) {
	if (!note.trim()) return null
	return (
		<>
			<Text style={contractEmailStyles.text}>{author} wrote:</Text>
			<Text style={contractEmailStyles.quote}>{note}</Text>
		</>
	)
}

/** The readable diff lines ("Bulk · Data entry: tier from 1,000 units €9.00 → €8.50"). */
export function ChangeList({ changes }: { changes: readonly string[] }) {
	if (changes.length === 0) return null
	return (
		<>
			<Text style={contractEmailStyles.text}>What changed:</Text>
			<ul style={contractEmailStyles.list}>
				{changes.map((change) => (
					<li key={change}>{change}</li>
				))}
			</ul>
		</>
	)
}

export function OpenContract({ url, label }: { url: string; label: string }) {
	return (
		<>
			<Section style={{ margin: '24px 0' }}>
				<Button href={url} style={contractEmailStyles.button}>
					{label}
				</Button>
			</Section>
			<Text style={contractEmailStyles.small}>
				If the button does not work, open this address: <Link href={url}>{url}</Link>
			</Text>
		</>
	)
}
