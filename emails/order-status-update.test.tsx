import { expect, test } from 'vitest'
import { getOrderStatusUpdateSubject, OrderStatusUpdateEmail } from './order-status-update.tsx'
import { renderEmail } from './render.ts'

test('carries the headline, the detail and a quoted note', async () => {
	const { html: raw, text } = await renderEmail(
		<OrderStatusUpdateEmail
			recipientName="Bea Buyer"
			orderNumber="PO-2026-000128"
			headline="Harbor posted an update:"
			detail="Confirm the delivery and close the order."
			note="Half done <b>today</b>"
			url="https://procura.test/buyer/orders/5"
		/>,
	)
	expect(text).toContain('Hello Bea Buyer')
	expect(text).toContain('Harbor posted an update:')
	expect(text).toContain('Confirm the delivery and close the order.')
	expect(raw.replaceAll('<!-- -->', '')).toContain('Half done &lt;b&gt;today&lt;/b&gt;')
	expect(getOrderStatusUpdateSubject({ orderNumber: 'PO-2026-000128', headline: 'delivered' })).toBe(
		'PO-2026-000128: delivered',
	)
})
