import { type EvidenceItem, type ScorecardEvidence } from './scorecard-evidence.ts'

/** The figures whose evidence can be listed: the five rates and the two medians. */
export type EvidenceFigure =
	| 'responseRate'
	| 'acceptanceRate'
	| 'onTimeRate'
	| 'qualityRate'
	| 'exceptionRate'
	| 'cycleTime'
	| 'changeAck'

/**
 * One order behind a figure. For a rate, every denominator item appears once and
 * `counted` says whether the numerator counts it too; for a median, `minutes` is
 * the measured value and `counted` is null.
 */
export type EvidenceRow = EvidenceItem & { counted: boolean | null; minutes: number | null }

/**
 * A figure's evidence as one list in time order, so a page or an export can show
 * numerator and denominator side by side: the counted rows of a rate are exactly
 * its numerator, all rows its denominator.
 */
export function evidenceRows(evidence: ScorecardEvidence, figure: EvidenceFigure): EvidenceRow[] {
	if (figure === 'cycleTime' || figure === 'changeAck') {
		const list = figure === 'cycleTime' ? evidence.cycleMinutes : evidence.changeAckMinutes
		return list.map((item) => ({ ...item, counted: null, minutes: item.minutes }))
	}
	const { numerator, denominator } = evidence[figure]
	// The same fact is one item in both lists, but not necessarily the same object
	// once the evidence went through JSON, so membership goes by order and events.
	const counted = new Set(numerator.map(itemKey))
	return denominator.map((item) => ({ ...item, counted: counted.has(itemKey(item)), minutes: null }))
}

function itemKey(item: EvidenceItem) {
	return `${item.orderId}|${item.eventIds.join(',')}`
}

/** How many rows of a figure's evidence are counted and how many there are: "3 of 4". */
export function countedOf(rows: readonly EvidenceRow[]): { counted: number; total: number } {
	return { counted: rows.filter((r) => r.counted === true).length, total: rows.length }
}
