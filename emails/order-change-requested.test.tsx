import { expect, test } from 'vitest'
import { getOrderChangeRequestedSubject, OrderChangeRequestedEmail } from './order-change-requested.tsx'
import { renderEmail } from './render.ts'

test('lists each change, the new price, the reason and the acknowledgement deadline', async () => {
	const ackDueAt = new Date('2026-03-04T11:00:00Z')
	const { text } = await renderEmail(
		<OrderChangeRequestedEmail
			supplierName="Harbor"
			orderNumber="PO-2026-000125"
			changes={[{ label: 'Quantity', from: '10 payslips', to: '14 payslips' }]}
			reason="Four new starters"
			price="€350.00"
			ackDueAt={ackDueAt}
			url="https://procura.test/supplier/orders/2"
		/>,
	)
	expect(text).toContain('Quantity: 10 payslips → 14 payslips')
	expect(text).toContain('The price under your contract term is now €350.00.')
	expect(text).toContain('Four new starters')
	expect(text).toContain('acknowledge the change by 4 March 2026 at 11:00 UTC')
	expect(getOrderChangeRequestedSubject({ orderNumber: 'PO-2026-000125', ackDueAt })).toBe(
		'PO-2026-000125 changed — acknowledge by 4 March 2026 at 11:00 UTC',
	)
})
