import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, test } from 'vitest'
import { RoutingDecisionTable, type RoutingDecisionView } from './routing-decision-table.tsx'

const DECISION: RoutingDecisionView = {
	id: 'd1',
	attempt: 1,
	mode: 'cascade',
	outcome: 'offered',
	decidedAt: '2031-05-01T09:30:00Z',
	offeredSupplierIds: ['s1'],
	candidates: [
		{
			rank: 1,
			supplierId: 's1',
			supplierName: 'Alder Payroll',
			score: 81.25,
			components: { price: 1, speed: 0.5, reliability: 0.5, capacity: 0.876 },
			priceMinor: 100_000,
		},
	],
	excluded: [
		{ supplierId: 's2', supplierName: 'Cedar Nordic', rule: 'region', reason: 'Does not serve EU-West' },
		{ supplierId: 's3', supplierName: 'Elm', rule: 'already_declined', reason: 'Declined this order before' },
	],
}

function text(html: string) {
	return html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ')
}

describe('RoutingDecisionTable', () => {
	test('every candidate with rank, score and its four parts as numbers; every exclusion with rule and reason', () => {
		const html = renderToStaticMarkup(
			<RoutingDecisionTable
				decisions={[DECISION]}
				chosenSupplierId="s1"
				currency="EUR"
				weights={{ price: 40, speed: 20, reliability: 20, capacity: 20 }}
			/>,
		)
		const t = text(html)
		expect(t).toContain('1 Alder Payroll 81.3 100 50 50 88 €1,000.00 Chosen')
		expect(t).toContain('Price (weight 40)')
		expect(t).toContain('Excluded suppliers (2)')
		expect(t).toContain('Cedar Nordic Region not served Does not serve EU-West')
		expect(t).toContain('Elm Already declined Declined this order before')
		// The bars only repeat the numbers, so screen readers skip them.
		expect(html).toContain('<span class="bar" aria-hidden="true"><span style="width:88%">')
	})

	test('a manual assignment says so; no routing yet says that', () => {
		const override = text(
			renderToStaticMarkup(
				<RoutingDecisionTable
					decisions={[{ ...DECISION, outcome: 'override', candidates: [], excluded: [] }]}
					chosenSupplierId={null}
					currency="EUR"
				/>,
			),
		)
		expect(override).toContain('assigned manually by a buyer (override)')
		const none = text(
			renderToStaticMarkup(<RoutingDecisionTable decisions={[]} chosenSupplierId={null} currency="EUR" />),
		)
		expect(none).toContain('The order has not been routed yet.')
	})
})
