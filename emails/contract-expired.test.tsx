import { describe, expect, test } from 'vitest'
import { ContractExpiredEmail, getContractExpiredSubject } from './contract-expired.tsx'
import { renderEmail } from './render.ts'

const props = {
	recipientName: 'Sandy Piper',
	contractNumber: 'CT-2024-0001',
	contractTitle: 'Order processing 2024–2025',
	supplierName: 'Sandpiper Order Processing',
	url: 'https://procura.test/supplier/contracts/6f1c',
	endsOn: '2025-06-30',
}

describe('ContractExpiredEmail', () => {
	test('says the contract ended and no longer applies', async () => {
		const { text } = await renderEmail(<ContractExpiredEmail {...props} />)
		expect(text).toContain('Hello Sandy Piper')
		expect(text).toContain(
			'Contract CT-2024-0001 “Order processing 2024–2025” with Sandpiper Order Processing ended on 30 June 2025 and is now expired.',
		)
		expect(text).toContain('https://procura.test/supplier/contracts/6f1c')
	})

	test('subject names the contract', () => {
		expect(getContractExpiredSubject(props)).toBe(
			'Contract CT-2024-0001 has expired: Order processing 2024–2025',
		)
	})
})
