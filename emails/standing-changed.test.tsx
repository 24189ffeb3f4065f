import { describe, expect, test } from 'vitest'
import { renderEmail } from './render.ts'
import { getStandingChangedSubject, StandingChangedEmail } from './standing-changed.tsx'

describe('StandingChangedEmail', () => {
	test('names the class, both standings, the score and what the new standing means', async () => {
		const { text } = await renderEmail(
			<StandingChangedEmail
				recipientName="Nora"
				supplierName="Northwind Back Office"
				className="Emergency"
				fromLabel="Approved"
				toLabel="Probation"
				score={42.5}
				consequences={['not offered Urgent or Emergency orders', 'flagged to buyers in routing']}
				changedAt={new Date('2026-11-30T23:00:00Z')}
			/>,
		)
		expect(text).toContain('30 November 2026 (UTC)')
		expect(text).toContain('scored 42.5 of 100, so its standing changed from Approved to Probation')
		expect(text).toContain(
			'What this means: not offered Urgent or Emergency orders; flagged to buyers in routing.',
		)
	})

	test('a first standing has no "from", and a standing without consequences says so', async () => {
		const { text } = await renderEmail(
			<StandingChangedEmail
				recipientName="Nora"
				supplierName="Harbor"
				className="Bulk"
				fromLabel={null}
				toLabel="Preferred"
				score={91}
				consequences={[]}
				changedAt={new Date('2026-11-30T10:00:00Z')}
			/>,
		)
		expect(text).toContain('its standing changed to Preferred')
		expect(text).toContain('This standing has no restrictions.')
		expect(
			getStandingChangedSubject({ supplierName: 'Harbor', className: 'Bulk', toLabel: 'Preferred' }),
		).toBe('Harbor: standing for Bulk orders is now Preferred')
	})
})
