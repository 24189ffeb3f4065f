import { expect, test } from 'vitest'
import { getOrderReworkRequestedSubject, OrderReworkRequestedEmail } from './order-rework-requested.tsx'
import { renderEmail } from './render.ts'

test('says what needs rework and that the order is back with the supplier', async () => {
	const { text } = await renderEmail(
		<OrderReworkRequestedEmail
			supplierName="Harbor"
			orderNumber="PO-2026-000127"
			reason="One payslip is missing"
			url="https://procura.test/supplier/orders/4"
		/>,
	)
	expect(text).toContain('asks Harbor to rework it')
	expect(text).toContain('One payslip is missing')
	expect(getOrderReworkRequestedSubject({ orderNumber: 'PO-2026-000127' })).toBe(
		'Rework requested on PO-2026-000127',
	)
})
