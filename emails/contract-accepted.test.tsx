import { describe, expect, test } from 'vitest'
import { ContractAcceptedEmail, getContractAcceptedSubject } from './contract-accepted.tsx'
import { renderEmail } from './render.ts'

const props = {
	recipientName: 'Sam Supplier',
	contractNumber: 'CT-2026-0007',
	contractTitle: 'Back-office services 2026',
	supplierName: 'Northwind Back Office',
	url: 'https://procura.test/supplier/contracts/6f1c',
	acceptorName: 'Bea Buyer',
	acceptorOrganisation: 'the buyer',
	versionNumber: 2,
	startsOn: '2026-01-01',
	endsOn: '2027-12-31',
}

describe('ContractAcceptedEmail', () => {
	test('says which version was accepted and when it binds', async () => {
		const { text } = await renderEmail(<ContractAcceptedEmail {...props} />)
		expect(text).toContain('Hello Sam Supplier')
		expect(text).toContain(
			'Bea Buyer (the buyer) accepted version 2 of contract CT-2026-0007 “Back-office services 2026”. Its terms are binding from 1 January 2026 to 31 December 2027.',
		)
		expect(text).toContain('https://procura.test/supplier/contracts/6f1c')
	})

	test('subject names the contract', () => {
		expect(getContractAcceptedSubject(props)).toBe(
			'Contract CT-2026-0007 accepted: Back-office services 2026',
		)
	})
})
