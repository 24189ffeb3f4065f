import { describe, expect, test } from 'vitest'
import { ContractExpiringSoonEmail, getContractExpiringSoonSubject } from './contract-expiring-soon.tsx'
import { renderEmail } from './render.ts'

const props = {
	recipientName: 'Bea Buyer',
	contractNumber: 'CT-2026-0007',
	contractTitle: 'Back-office services 2026',
	supplierName: 'Northwind Back Office',
	url: 'https://procura.test/buyer/contracts/6f1c',
	endsOn: '2027-12-31',
	daysLeft: 30,
}

describe('ContractExpiringSoonEmail', () => {
	test('gives the end date and the days left', async () => {
		const { text } = await renderEmail(<ContractExpiringSoonEmail {...props} />)
		expect(text).toContain('Hello Bea Buyer')
		expect(text).toContain(
			'Contract CT-2026-0007 “Back-office services 2026” with Northwind Back Office ends on 31 December 2027 (in 30 days).',
		)
		expect(text).toContain('https://procura.test/buyer/contracts/6f1c')
	})

	test('one day left reads in the singular; none left reads "today"', async () => {
		expect((await renderEmail(<ContractExpiringSoonEmail {...props} daysLeft={1} />)).text).toContain(
			'(in 1 day)',
		)
		expect((await renderEmail(<ContractExpiringSoonEmail {...props} daysLeft={0} />)).text).toContain(
			'(today)',
		)
	})

	test('subject gives the end date', () => {
		expect(getContractExpiringSoonSubject(props)).toBe(
			'Contract CT-2026-0007 ends on 31 December 2027: Back-office services 2026',
		)
	})
})
