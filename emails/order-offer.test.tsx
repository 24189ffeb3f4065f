import { describe, expect, test } from 'vitest'
import { getOrderOfferSubject, OrderOfferEmail } from './order-offer.tsx'
import { renderEmail } from './render.ts'

const facts = {
	orderNumber: 'PO-2026-000123',
	className: 'Emergency',
	categoryName: 'Payroll processing',
	quantity: 1200,
	unit: 'payslips',
	region: 'EU-West',
	neededBy: new Date('2026-03-05T18:00:00Z'),
}
const expiresAt = new Date('2026-03-04T09:30:00Z')

describe('OrderOfferEmail', () => {
	test('gives the supplier the order, the price and the deadline in UTC', async () => {
		const { html: raw, text } = await renderEmail(
			<OrderOfferEmail
				supplierName="Northwind Back Office"
				facts={facts}
				description="Re-run March payroll <urgent>"
				price="€1,234.50"
				expiresAt={expiresAt}
				isEmergency
				url="https://procura.test/supplier/orders/abc"
			/>,
		)
		const html = raw.replaceAll('<!-- -->', '')
		expect(html).toContain('Emergency order PO-2026-000123 for Northwind Back Office')
		expect(html).toContain('4 March 2026 at 09:30 UTC')
		expect(html).toContain('1,200 payslips')
		expect(html).toContain('Price: €1,234.50')
		expect(html).toContain('Re-run March payroll &lt;urgent&gt;')
		expect(html).toContain('href="https://procura.test/supplier/orders/abc"')
		expect(text).toContain('goes to the next supplier')
		expect(text).toContain('Needed by: 5 March 2026 at 18:00 UTC')
	})

	test('a manual assignment quotes the buyer’s reason', async () => {
		const { text } = await renderEmail(
			<OrderOfferEmail
				supplierName="Harbor"
				facts={{ ...facts, className: 'Standard' }}
				description="Payroll"
				price={null}
				expiresAt={expiresAt}
				isEmergency={false}
				overrideReason="Only you cover this region"
				url="https://procura.test/x"
			/>,
		)
		expect(text).toContain('A buyer assigned this order to your organisation.')
		expect(text).toContain('Only you cover this region')
		expect(text).not.toContain('Price:')
	})

	test('subject flags emergencies and names the deadline', () => {
		expect(getOrderOfferSubject({ facts, expiresAt, isEmergency: true })).toBe(
			'EMERGENCY: New order PO-2026-000123 — answer by 4 March 2026 at 09:30 UTC',
		)
		expect(getOrderOfferSubject({ facts, expiresAt, isEmergency: false })).toBe(
			'New order PO-2026-000123 — answer by 4 March 2026 at 09:30 UTC',
		)
	})
})
