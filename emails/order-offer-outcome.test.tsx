import { describe, expect, test } from 'vitest'
import { getOrderOfferOutcomeSubject, OrderOfferOutcomeEmail } from './order-offer-outcome.tsx'
import { renderEmail } from './render.ts'

const base = {
	recipientName: 'Bea Buyer',
	orderNumber: 'PO-2026-000124',
	supplierName: 'Sandpiper',
	at: new Date('2026-03-04T10:15:00Z'),
	url: 'https://procura.test/buyer/orders/1',
}

describe('OrderOfferOutcomeEmail', () => {
	test('accepted: names the supplier and the agreed price', async () => {
		const { text } = await renderEmail(
			<OrderOfferOutcomeEmail {...base} outcome="accepted" price="€500.00" />,
		)
		expect(text).toContain('Hello Bea Buyer')
		expect(text).toContain(
			'Sandpiper accepted PO-2026-000124 on 4 March 2026 at 10:15 UTC. The agreed price is €500.00.',
		)
	})

	test('declined: quotes the reason and says what happens next', async () => {
		const { text } = await renderEmail(
			<OrderOfferOutcomeEmail
				{...base}
				outcome="declined"
				reason="No staff that week"
				nextStep="Procura offered it to the next candidate: Harbor."
			/>,
		)
		expect(text).toContain('No staff that week')
		expect(text).toContain('Procura offered it to the next candidate: Harbor.')
	})

	test('expired: says the offer ran out without an answer', async () => {
		const { text } = await renderEmail(<OrderOfferOutcomeEmail {...base} outcome="expired" />)
		expect(text).toContain(
			'The offer of PO-2026-000124 to Sandpiper expired on 4 March 2026 at 10:15 UTC without an answer.',
		)
	})

	test('subjects', () => {
		expect(getOrderOfferOutcomeSubject({ ...base, outcome: 'accepted' })).toBe(
			'PO-2026-000124 was accepted by Sandpiper',
		)
		expect(getOrderOfferOutcomeSubject({ ...base, outcome: 'expired' })).toBe(
			'PO-2026-000124: the offer to Sandpiper expired',
		)
	})
})
