import { Heading, Text } from '@react-email/components'
import { EmailLayout } from './components/layout.tsx'
import { formatUtc, OpenOrderButton, orderEmailStyles as s, Quote } from './order-email-parts.tsx'

export type ScorecardDisputeRaisedEmailProps = {
	recipientName: string
	supplierName: string
	className: string
	/** 'YYYY-MM' */
	month: string
	metricLabel: string
	/** The disputed order, when the supplier named one. */
	orderNumber: string | null
	comment: string
	raisedByName: string
	raisedAt: Date
	url: string
}

export function getScorecardDisputeRaisedSubject({
	supplierName,
	metricLabel,
	month,
}: {
	supplierName: string
	metricLabel: string
	month: string
}) {
	return `${supplierName} disputes its ${metricLabel.toLowerCase()} for ${month}`
}

/** A supplier disputes a scorecard figure; every buyer hears of it, one of them resolves it. */
export function ScorecardDisputeRaisedEmail({
	recipientName,
	supplierName,
	className,
	month,
	metricLabel,
	orderNumber,
	comment,
	raisedByName,
	raisedAt,
	url,
}: ScorecardDisputeRaisedEmailProps) {
	return (
		<EmailLayout preview={getScorecardDisputeRaisedSubject({ supplierName, metricLabel, month })}>
			<Heading style={s.heading}>Scorecard dispute from {supplierName}</Heading>
			<Text style={s.text}>Hello {recipientName},</Text>
			<Text style={s.text}>
				On {formatUtc(raisedAt)}, {raisedByName} of {supplierName} disputed the {metricLabel.toLowerCase()} of
				its {className} scorecard for {month}
				{orderNumber ? `, naming order ${orderNumber}` : ''}. Their comment:
			</Text>
			<Quote>{comment}</Quote>
			<Text style={s.text}>
				Uphold the figure or correct it with a reason. A correction takes the order out of that figure in the
				live scorecards; published months stay as they were published.
			</Text>
			<OpenOrderButton url={url} label="Open the disputes" />
		</EmailLayout>
	)
}
