import { describe, expect, test } from 'vitest'
import { renderEmail } from './render.ts'
import { getScorecardDisputeRaisedSubject, ScorecardDisputeRaisedEmail } from './scorecard-dispute-raised.tsx'

const props = {
	recipientName: 'Bea Buyer',
	supplierName: 'Northwind Back Office',
	className: 'Urgent',
	month: '2026-11',
	metricLabel: 'On-time delivery',
	orderNumber: 'PO-2026-000412',
	comment: 'The due time moved after the change request <see thread>',
	raisedByName: 'Sam Supplier',
	raisedAt: new Date('2026-12-02T14:30:00Z'),
	url: 'https://procura.test/buyer/disputes',
}

describe('ScorecardDisputeRaisedEmail', () => {
	test('names the supplier, the figure, the month, the order, who raised it and when', async () => {
		const { html: raw, text } = await renderEmail(<ScorecardDisputeRaisedEmail {...props} />)
		const html = raw.replaceAll('<!-- -->', '')
		expect(html).toContain('Hello Bea Buyer')
		expect(html).toContain('Scorecard dispute from Northwind Back Office')
		expect(text).toContain(
			'On 2 December 2026 at 14:30 UTC, Sam Supplier of Northwind Back Office disputed the on-time delivery of its Urgent scorecard for 2026-11, naming order PO-2026-000412.',
		)
		// The supplier's comment is escaped text, never markup.
		expect(html).toContain('The due time moved after the change request &lt;see thread&gt;')
		expect(html).toContain('href="https://procura.test/buyer/disputes"')
		expect(text).toContain('published months stay as they were published')
	})

	test('without an order it speaks of the figure as a whole', async () => {
		const { text } = await renderEmail(<ScorecardDisputeRaisedEmail {...props} orderNumber={null} />)
		expect(text).toContain('scorecard for 2026-11. Their comment:')
		expect(text).not.toContain('naming order')
	})

	test('subject names supplier, figure and month', () => {
		expect(getScorecardDisputeRaisedSubject(props)).toBe(
			'Northwind Back Office disputes its on-time delivery for 2026-11',
		)
	})
})
