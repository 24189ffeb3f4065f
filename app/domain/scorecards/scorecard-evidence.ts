import { type ScorecardFact } from './order-facts.ts'

/** One order behind a number: the events it was read from and what they showed. */
export type EvidenceItem = {
	orderId: string
	orderNumber: string
	eventIds: number[]
	at: Date
	detail: string
}

export type MinutesEvidenceItem = EvidenceItem & { minutes: number }

/** The items a rate's numerator counts and the items its denominator counts (a superset). */
export type RateEvidence = { numerator: EvidenceItem[]; denominator: EvidenceItem[] }

/** For each metric of a scorecard, the exact orders and events it was computed from. */
export type ScorecardEvidence = {
	responseRate: RateEvidence
	acceptanceRate: RateEvidence
	onTimeRate: RateEvidence
	qualityRate: RateEvidence
	exceptionRate: RateEvidence
	cycleMinutes: MinutesEvidenceItem[]
	changeAckMinutes: MinutesEvidenceItem[]
}

const RATE_KEYS = ['responseRate', 'acceptanceRate', 'onTimeRate', 'qualityRate', 'exceptionRate'] as const

export function emptyEvidence(): ScorecardEvidence {
	return {
		responseRate: { numerator: [], denominator: [] },
		acceptanceRate: { numerator: [], denominator: [] },
		onTimeRate: { numerator: [], denominator: [] },
		qualityRate: { numerator: [], denominator: [] },
		exceptionRate: { numerator: [], denominator: [] },
		cycleMinutes: [],
		changeAckMinutes: [],
	}
}

/** Files one fact under every metric it counts towards, exactly as countFact counts it. */
export function addFactEvidence(evidence: ScorecardEvidence, fact: ScorecardFact) {
	const item: EvidenceItem = {
		orderId: fact.orderId,
		orderNumber: fact.orderNumber,
		eventIds: fact.eventIds,
		at: fact.at,
		detail: fact.detail,
	}
	const rate = (key: (typeof RATE_KEYS)[number], isCounted: boolean) => {
		evidence[key].denominator.push(item)
		if (isCounted) evidence[key].numerator.push(item)
	}
	switch (fact.kind) {
		case 'offer':
			rate('responseRate', fact.inTime)
			rate('acceptanceRate', fact.outcome === 'accepted')
			break
		case 'delivery':
			if (fact.onTime !== null) rate('onTimeRate', fact.onTime)
			if (fact.cycleMinutes !== null) evidence.cycleMinutes.push({ ...item, minutes: fact.cycleMinutes })
			break
		case 'closure':
			rate('qualityRate', fact.withoutRework)
			break
		case 'finish':
			rate('exceptionRate', fact.withSupplierException)
			break
		case 'change_ack':
			evidence.changeAckMinutes.push({ ...item, minutes: fact.minutes })
			break
	}
}

const byTime = (a: EvidenceItem, b: EvidenceItem) =>
	a.at.getTime() - b.at.getTime() ||
	a.orderId.localeCompare(b.orderId) ||
	a.eventIds.at(-1)! - b.eventIds.at(-1)!

/** Puts every list in time order, so an auditor reads the evidence as it happened. */
export function sortEvidence(evidence: ScorecardEvidence): ScorecardEvidence {
	for (const key of RATE_KEYS) {
		evidence[key].numerator.sort(byTime)
		evidence[key].denominator.sort(byTime)
	}
	evidence.cycleMinutes.sort(byTime)
	evidence.changeAckMinutes.sort(byTime)
	return evidence
}
