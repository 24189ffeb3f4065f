import { Button, Heading, Link, Section, Text } from '@react-email/components'
import { EmailLayout } from './components/layout.tsx'

export type UserInvitationEmailProps = {
	inviteeName: string
	inviterName: string
	/** How the role reads in a sentence: 'buyer', 'supplier', 'auditor', 'admin'. */
	roleLabel: string
	supplierName?: string | null
	acceptUrl: string
	expiresAt: Date
}

const styles = {
	heading: { color: '#111827', fontSize: '22px', margin: '0 0 16px' },
	text: { color: '#374151', fontSize: '15px', lineHeight: '22px' },
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

export function getUserInvitationSubject({ inviterName }: { inviterName: string }) {
	return `${inviterName} invited you to Procura`
}

export function UserInvitationEmail({
	inviteeName,
	inviterName,
	roleLabel,
	supplierName,
	acceptUrl,
	expiresAt,
}: UserInvitationEmailProps) {
	const role = `${indefiniteArticle(roleLabel)} ${roleLabel}${supplierName ? ` for ${supplierName}` : ''}`
	const expiry = formatUtc(expiresAt)
	return (
		<EmailLayout preview={`${inviterName} invited you to Procura as ${role}`}>
			<Heading style={styles.heading}>You are invited to Procura</Heading>
			<Text style={styles.text}>Hello {inviteeName},</Text>
			<Text style={styles.text}>
				{inviterName} invited you to join Procura as {role}. Accept the invitation to set up your account.
			</Text>
			<Section style={{ margin: '24px 0' }}>
				<Button href={acceptUrl} style={styles.button}>
					Accept invitation
				</Button>
			</Section>
			<Text style={styles.small}>
				This link works once and expires on {expiry}. If the button does not work, open this address:{' '}
				<Link href={acceptUrl}>{acceptUrl}</Link>
			</Text>
			<Text style={styles.small}>If you did not expect this invitation, you can ignore this email.</Text>
		</EmailLayout>
	)
}

function indefiniteArticle(word: string) {
	return /^[aeiou]/i.test(word) ? 'an' : 'a'
}

const UTC_DATE = new Intl.DateTimeFormat('en-GB', {
	timeZone: 'UTC',
	day: 'numeric',
	month: 'long',
	year: 'numeric',
})

// Recipients live in many time zones and the email cannot know theirs, so the
// time is always spelled out in UTC, e.g. "3 March 2026 at 14:05 UTC".
function formatUtc(date: Date) {
	const hh = String(date.getUTCHours()).padStart(2, '0')
	const mm = String(date.getUTCMinutes()).padStart(2, '0')
	return `${UTC_DATE.format(date)} at ${hh}:${mm} UTC`
}
