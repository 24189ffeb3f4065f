import { Heading, Text } from '@react-email/components'
import { EmailLayout } from './components/layout.tsx'
import { formatUtc, OpenOrderButton, orderEmailStyles as s, Quote } from './order-email-parts.tsx'

export type ScorecardDisputeResolvedEmailProps = {
	recipientName: string
	supplierName: string
	className: string
	/** 'YYYY-MM' */
	month: string
	metricLabel: string
	orderNumber: string | null
	outcome: 'upheld' | 'corrected'
	resolution: string
	resolvedAt: Date
	url: string
}

export function getScorecardDisputeResolvedSubject({
	metricLabel,
	month,
	outcome,
}: {
	metricLabel: string
	month: string
	outcome: 'upheld' | 'corrected'
}) {
	const verdict = outcome === 'corrected' ? 'corrected' : 'stands'
	return `Your dispute of the ${metricLabel.toLowerCase()} for ${month}: the figure ${verdict}`
}

/** The buyer's answer to a supplier's dispute, to every user of that supplier. */
export function ScorecardDisputeResolvedEmail({
	recipientName,
	supplierName,
	className,
	month,
	metricLabel,
	orderNumber,
	outcome,
	resolution,
	resolvedAt,
	url,
}: ScorecardDisputeResolvedEmailProps) {
	const what = `the ${metricLabel.toLowerCase()} of the ${className} scorecard for ${month}${orderNumber ? ` (order ${orderNumber})` : ''}`
	return (
		<EmailLayout preview={getScorecardDisputeResolvedSubject({ metricLabel, month, outcome })}>
			<Heading style={s.heading}>
				{outcome === 'corrected' ? 'Scorecard corrected' : 'Scorecard figure upheld'}
			</Heading>
			<Text style={s.text}>Hello {recipientName},</Text>
			<Text style={s.text}>
				{outcome === 'corrected'
					? `On ${formatUtc(resolvedAt)}, the buying team corrected ${what}: the order no longer counts in it. The live scorecard changes at once; a month already published keeps its published figures.`
					: `On ${formatUtc(resolvedAt)}, the buying team reviewed your dispute of ${what} and upheld the figure: it stays as it is.`}
			</Text>
			<Text style={s.text}>Their reason:</Text>
			<Quote>{resolution}</Quote>
			<Text style={s.small}>You receive this as a user of {supplierName}.</Text>
			<OpenOrderButton url={url} label="Open your scorecard" />
		</EmailLayout>
	)
}
