import { describe, expect, test } from 'vitest'
import { renderEmail } from './render.ts'
import { getSupplierStatusChangedSubject, SupplierStatusChangedEmail } from './supplier-status-changed.tsx'

const changedAt = new Date('2026-03-03T09:05:00Z')

describe('SupplierStatusChangedEmail', () => {
	test('html names the person, the organisation, both statuses, the time in UTC and the reason', async () => {
		const { html: raw } = await renderEmail(
			<SupplierStatusChangedEmail
				recipientName="Sandy Piper"
				supplierName="Sandpiper Order Processing"
				fromStatus="active"
				toStatus="on_hold"
				reason="Quality review after two late deliveries <in March>"
				changedAt={changedAt}
			/>,
		)
		// React separates adjacent text nodes with empty comments; readers never see them.
		const html = raw.replaceAll('<!-- -->', '')
		expect(html).toContain('Hello Sandy Piper')
		expect(html).toContain('Sandpiper Order Processing is now on hold')
		expect(html).toContain('from active to on hold')
		expect(html).toContain('3 March 2026 at 09:05 UTC')
		expect(html).toContain('not offered new orders')
		// The reason is the buyer's text: escaped, never markup.
		expect(html).toContain('Quality review after two late deliveries &lt;in March&gt;')
		expect(html).toContain('You receive this because you have an account on Procura')
	})

	test('plain text carries the same facts', async () => {
		const { text } = await renderEmail(
			<SupplierStatusChangedEmail
				recipientName="Sam Supplier"
				supplierName="Northwind Back Office"
				fromStatus="blocked"
				toStatus="active"
				reason="Contract renewed"
				changedAt={changedAt}
			/>,
		)
		expect(text).toContain('Hello Sam Supplier')
		expect(text).toContain('from blocked to active')
		expect(text).toContain('can receive new orders')
		expect(text).toContain('Contract renewed')
		expect(text).not.toContain('<')
	})

	test('subject names the organisation and its new status', () => {
		expect(getSupplierStatusChangedSubject({ supplierName: 'Atlas Data Entry', toStatus: 'blocked' })).toBe(
			'Atlas Data Entry is now blocked on Procura',
		)
	})
})
