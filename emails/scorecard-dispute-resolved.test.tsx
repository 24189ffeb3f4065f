import { describe, expect, test } from 'vitest'
import { renderEmail } from './render.ts'
import {
	getScorecardDisputeResolvedSubject,
	ScorecardDisputeResolvedEmail,
} from './scorecard-dispute-resolved.tsx'

const props = {
	recipientName: 'Sam Supplier',
	supplierName: 'Northwind Back Office',
	className: 'Standard',
	month: '2026-11',
	metricLabel: 'Quality (no rework)',
	orderNumber: 'PO-2026-000077',
	resolution: 'The rework was our mistake in the brief & not yours',
	resolvedAt: new Date('2026-12-03T08:05:00Z'),
	url: 'https://procura.test/supplier/scorecard?month=2026-11',
}

describe('ScorecardDisputeResolvedEmail', () => {
	test('a correction says the order no longer counts, live only, with the reason', async () => {
		const { html: raw, text } = await renderEmail(
			<ScorecardDisputeResolvedEmail {...props} outcome="corrected" />,
		)
		const html = raw.replaceAll('<!-- -->', '')
		expect(html).toContain('Scorecard corrected')
		expect(text).toContain('Hello Sam Supplier')
		expect(text).toContain(
			'On 3 December 2026 at 08:05 UTC, the buying team corrected the quality (no rework) of the Standard scorecard for 2026-11 (order PO-2026-000077): the order no longer counts in it.',
		)
		expect(text).toContain('a month already published keeps its published figures')
		expect(html).toContain('The rework was our mistake in the brief &amp; not yours')
		expect(html).toContain('You receive this as a user of Northwind Back Office.')
	})

	test('an upheld figure stays', async () => {
		const { text } = await renderEmail(
			<ScorecardDisputeResolvedEmail {...props} orderNumber={null} outcome="upheld" />,
		)
		expect(text.toLowerCase()).toContain('scorecard figure upheld')
		expect(text).toContain('upheld the figure: it stays as it is.')
		expect(text).not.toContain('(order ')
	})

	test('subject says whether the figure stands', () => {
		expect(getScorecardDisputeResolvedSubject({ ...props, outcome: 'upheld' })).toBe(
			'Your dispute of the quality (no rework) for 2026-11: the figure stands',
		)
		expect(getScorecardDisputeResolvedSubject({ ...props, outcome: 'corrected' })).toBe(
			'Your dispute of the quality (no rework) for 2026-11: the figure corrected',
		)
	})
})
