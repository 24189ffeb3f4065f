import { Heading, Text } from '@react-email/components'
import { EmailLayout } from './components/layout.tsx'

export type StandingChangedEmailProps = {
	recipientName: string
	supplierName: string
	className: string
	fromLabel: string | null
	toLabel: string
	score: number | null
	consequences: string[]
	changedAt: Date
}

const styles = {
	heading: { color: '#111827', fontSize: '22px', margin: '0 0 16px' },
	text: { color: '#374151', fontSize: '15px', lineHeight: '22px' },
	small: { color: '#6b7280', fontSize: '13px', lineHeight: '20px' },
} as const

export function getStandingChangedSubject({
	supplierName,
	className,
	toLabel,
}: Pick<StandingChangedEmailProps, 'supplierName' | 'className' | 'toLabel'>) {
	return `${supplierName}: standing for ${className} orders is now ${toLabel}`
}

const UTC_DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })

export function StandingChangedEmail({
	recipientName,
	supplierName,
	className,
	fromLabel,
	toLabel,
	score,
	consequences,
	changedAt,
}: StandingChangedEmailProps) {
	return (
		<EmailLayout preview={getStandingChangedSubject({ supplierName, className, toLabel })}>
			<Heading style={styles.heading}>
				{className}: {toLabel}
			</Heading>
			<Text style={styles.text}>Hello {recipientName},</Text>
			<Text style={styles.text}>
				On {UTC_DAY.format(changedAt)} (UTC), the scorecard of {supplierName} for {className} orders over the
				last 90 days scored {score === null ? 'no score' : `${score.toFixed(1)} of 100`}, so its standing
				changed
				{fromLabel ? ` from ${fromLabel}` : ''} to {toLabel}.
			</Text>
			<Text style={styles.text}>
				{consequences.length > 0
					? `What this means: ${consequences.join('; ')}.`
					: 'This standing has no restrictions.'}
			</Text>
			<Text style={styles.small}>
				Your scorecard, with every order behind each number, is in the supplier portal under Scorecard. You
				receive this as a user of {supplierName}.
			</Text>
		</EmailLayout>
	)
}
