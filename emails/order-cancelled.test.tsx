import { expect, test } from 'vitest'
import { getOrderCancelledSubject, OrderCancelledEmail } from './order-cancelled.tsx'
import { renderEmail } from './render.ts'

test('tells the supplier to stop, with the buyer’s reason', async () => {
	const { text } = await renderEmail(
		<OrderCancelledEmail
			recipientName="Sam Supplier"
			orderNumber="PO-2026-000126"
			reason="Payroll moved in-house"
			cancelledAt={new Date('2026-03-04T12:00:00Z')}
			url="https://procura.test/supplier/orders/3"
		/>,
	)
	expect(text).toContain(
		'The buyer cancelled PO-2026-000126 on 4 March 2026 at 12:00 UTC. Please stop any work on it.',
	)
	expect(text).toContain('Payroll moved in-house')
	expect(getOrderCancelledSubject({ orderNumber: 'PO-2026-000126' })).toBe('PO-2026-000126 was cancelled')
})
