import { expect, test } from 'vitest'
import { ExceptionAssignedEmail, getExceptionAssignedSubject } from './exception-assigned.tsx'
import { renderEmail } from './render.ts'

test('tells the owner which exception on which order, who assigned it and since when', async () => {
	const props = {
		recipientName: 'Olive Owner',
		orderNumber: 'PO-2026-000129',
		kindLabel: 'Unroutable',
		detail: 'No supplier left to offer it to: 3 considered, excluded for 3 × region.',
		openedAt: new Date('2026-03-04T08:00:00Z'),
		url: 'https://procura.test/buyer/orders/6',
	}
	const assigned = await renderEmail(<ExceptionAssignedEmail {...props} assignedBy="Bea Buyer" />)
	expect(assigned.text).toContain(
		'Bea Buyer assigned you an exception on PO-2026-000129, opened on 4 March 2026 at 08:00 UTC.',
	)
	expect(assigned.text).toContain('3 × region')
	const opened = await renderEmail(<ExceptionAssignedEmail {...props} assignedBy={null} />)
	expect(opened.text).toContain('You own an exception on PO-2026-000129')
	expect(getExceptionAssignedSubject(props)).toBe('Exception on PO-2026-000129: unroutable — assigned to you')
})
