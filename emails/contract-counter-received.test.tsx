import { describe, expect, test } from 'vitest'
import {
	ContractCounterReceivedEmail,
	getContractCounterReceivedSubject,
} from './contract-counter-received.tsx'
import { renderEmail } from './render.ts'

const props = {
	recipientName: 'Bea Buyer',
	contractNumber: 'CT-2026-0007',
	contractTitle: 'Back-office services 2026',
	supplierName: 'Northwind Back Office',
	url: 'https://procura.test/buyer/contracts/6f1c',
	counterName: 'Sam Supplier',
	counterOrganisation: 'Northwind Back Office',
	versionNumber: 2,
	note: 'We can go lower from 1,000 units.',
	changes: ['Bulk · Data entry: tier from 1,000 units €9.00 → €8.50'],
}

describe('ContractCounterReceivedEmail', () => {
	test('says who countered, quotes the note and lists the changes', async () => {
		const { html: raw, text } = await renderEmail(<ContractCounterReceivedEmail {...props} />)
		const html = raw.replaceAll('<!-- -->', '')
		expect(html).toContain('Hello Bea Buyer')
		expect(html).toContain(
			'Sam Supplier (Northwind Back Office) answered contract CT-2026-0007 “Back-office services 2026” with a counter-proposal, version 2.',
		)
		expect(html).toContain('We can go lower from 1,000 units.')
		expect(html).toContain('<li>Bulk · Data entry: tier from 1,000 units €9.00 → €8.50</li>')
		expect(text).toContain('https://procura.test/buyer/contracts/6f1c')
	})

	test('subject names the contract', () => {
		expect(getContractCounterReceivedSubject(props)).toBe(
			'Counter-proposal on CT-2026-0007: Back-office services 2026',
		)
	})
})
