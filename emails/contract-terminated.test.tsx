import { describe, expect, test } from 'vitest'
import { ContractTerminatedEmail, getContractTerminatedSubject } from './contract-terminated.tsx'
import { renderEmail } from './render.ts'

const props = {
	recipientName: 'Sam Supplier',
	contractNumber: 'CT-2026-0007',
	contractTitle: 'Back-office services 2026',
	supplierName: 'Northwind Back Office',
	url: 'https://procura.test/supplier/contracts/6f1c',
	terminatedByName: 'Bea Buyer',
	terminatedAt: new Date('2026-04-02T08:05:00Z'),
	reason: 'Service moved in-house.',
}

describe('ContractTerminatedEmail', () => {
	test('says who terminated, when (UTC) and why', async () => {
		const { html: raw, text } = await renderEmail(<ContractTerminatedEmail {...props} />)
		const html = raw.replaceAll('<!-- -->', '')
		expect(html).toContain(
			'Bea Buyer terminated contract CT-2026-0007 “Back-office services 2026” with Northwind Back Office on 2 April 2026 at 08:05 UTC.',
		)
		expect(html).toContain('Service moved in-house.')
		expect(text).toContain('https://procura.test/supplier/contracts/6f1c')
	})

	test('subject names the contract', () => {
		expect(getContractTerminatedSubject(props)).toBe(
			'Contract CT-2026-0007 terminated: Back-office services 2026',
		)
	})
})
