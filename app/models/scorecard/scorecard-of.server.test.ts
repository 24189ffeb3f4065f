import { describe, expect, test } from 'vitest'
import { emptyEvidence, type EvidenceItem } from '#app/domain/scorecards/scorecard-evidence.ts'
import { emptyCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { inputsHashVersionOf, scorecardInputsHash } from './scorecard-of.server.ts'

const scope = {
	supplierId: '00000000-0000-4000-8000-000000000001',
	orderClassId: '00000000-0000-4000-8000-000000000002',
	month: '2031-03',
	counters: { ...emptyCounters(), offersResolved: 1, offersAccepted: 1, offersAnsweredInTime: 1 },
}

const item = (eventIds: number[]): EvidenceItem => ({
	orderId: '00000000-0000-4000-8000-000000000003',
	orderNumber: 'PO-2031-0000001',
	eventIds,
	at: new Date('2031-03-04T10:00:00Z'),
	detail: 'Offer accepted (in time)',
})

/** Evidence whose only events stand behind a rate (an accepted offer), none behind a minute list. */
function offerEvidence(eventIds: number[]) {
	const evidence = emptyEvidence()
	evidence.responseRate = { numerator: [item(eventIds)], denominator: [item(eventIds)] }
	evidence.acceptanceRate = { numerator: [item(eventIds)], denominator: [item(eventIds)] }
	return evidence
}

describe('scorecard inputs hash', () => {
	test('names every event behind a rate: other events, same counters, another hash', () => {
		const a = scorecardInputsHash({ ...scope, evidence: offerEvidence([11, 12]) })
		const b = scorecardInputsHash({ ...scope, evidence: offerEvidence([11, 13]) })
		expect(a).toMatch(/^v2:[0-9a-f]{64}$/)
		expect(b).not.toBe(a)
		expect(scorecardInputsHash({ ...scope, evidence: offerEvidence([12, 11]) })).toBe(a)
	})

	test('the first version, kept for snapshots published under it, read only the minute lists', () => {
		const a = scorecardInputsHash({ ...scope, evidence: offerEvidence([11, 12]) }, 1)
		expect(a).toMatch(/^[0-9a-f]{64}$/)
		expect(scorecardInputsHash({ ...scope, evidence: offerEvidence([11, 13]) }, 1)).toBe(a)
		const withCycle = { ...offerEvidence([11, 12]), cycleMinutes: [{ ...item([11, 14]), minutes: 60 }] }
		expect(scorecardInputsHash({ ...scope, evidence: withCycle }, 1)).not.toBe(a)
	})

	test('a hash tells the version it was made with', () => {
		const evidence = offerEvidence([11])
		expect(inputsHashVersionOf(scorecardInputsHash({ ...scope, evidence }))).toBe(2)
		expect(inputsHashVersionOf(scorecardInputsHash({ ...scope, evidence }, 1))).toBe(1)
	})
})
