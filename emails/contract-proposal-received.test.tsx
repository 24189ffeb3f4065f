import { describe, expect, test } from 'vitest'
import {
	ContractProposalReceivedEmail,
	getContractProposalReceivedSubject,
} from './contract-proposal-received.tsx'
import { renderEmail } from './render.ts'

const url = 'https://procura.test/supplier/contracts/6f1c?tab=terms&from=email'
const props = {
	recipientName: 'Sam Supplier',
	contractNumber: 'CT-2026-0007',
	contractTitle: 'Back-office services 2026',
	supplierName: 'Northwind Back Office',
	url,
	proposerName: 'Bea Buyer',
	startsOn: '2026-01-01',
	endsOn: '2027-12-31',
	termCount: 2,
	note: 'Volume pricing as discussed.',
	changes: [],
}

describe('ContractProposalReceivedEmail', () => {
	test('names the proposer, contract, period and terms, quotes the note and links to the contract', async () => {
		const { html: raw, text } = await renderEmail(<ContractProposalReceivedEmail {...props} />)
		const html = raw.replaceAll('<!-- -->', '')
		expect(html).toContain('Hello Sam Supplier')
		expect(html).toContain(
			'Bea Buyer proposed contract CT-2026-0007 “Back-office services 2026” to Northwind Back Office, valid from 1 January 2026 to 31 December 2027, with 2 terms.',
		)
		expect(html).toContain('Volume pricing as discussed.')
		expect(html).toContain(`href="${url.replaceAll('&', '&amp;')}"`)
		expect(html).not.toContain('What changed')
		expect(text).toContain(url)
		expect(text).not.toContain('<')
	})

	test('a revision lists what changed; one term reads in the singular', async () => {
		const { text } = await renderEmail(
			<ContractProposalReceivedEmail
				{...props}
				termCount={1}
				changes={['Bulk · Data entry: tier from 1,000 units €9.00 → €8.50']}
			/>,
		)
		expect(text).toContain('with 1 term.')
		expect(text).toContain('What changed:')
		expect(text).toContain('Bulk · Data entry: tier from 1,000 units €9.00 → €8.50')
	})

	test('subject names the contract', () => {
		expect(getContractProposalReceivedSubject(props)).toBe(
			'New contract proposal CT-2026-0007: Back-office services 2026',
		)
	})
})
