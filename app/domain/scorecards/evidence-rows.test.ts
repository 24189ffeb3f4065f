import fc from 'fast-check'
import { expect, test } from 'vitest'
import { countedOf, evidenceRows, type EvidenceFigure } from './evidence-rows.ts'
import { countersFromHistories } from './order-history-facts.ts'
import { emptyEvidence } from './scorecard-evidence.ts'
import { CLASSES, GENERATED_EPOCH, historiesArb, SUPPLIERS } from './test-histories.ts'

const RATE_FIGURES = [
	['responseRate', 'offersAnsweredInTime', 'offersResolved'],
	['acceptanceRate', 'offersAccepted', 'offersResolved'],
	['onTimeRate', 'deliveriesOnTime', 'deliveriesWithDueTime'],
	['qualityRate', 'closuresWithoutRework', 'closures'],
	['exceptionRate', 'finishedWithSupplierException', 'finished'],
] as const

const item = (orderId: string, eventIds: number[], hour: number) => ({
	orderId,
	orderNumber: `PO-${orderId}`,
	eventIds,
	at: new Date(GENERATED_EPOCH + hour * 3_600_000),
	detail: `order ${orderId}`,
})

test('a rate lists each denominator item once, marked counted when the numerator has it', () => {
	const evidence = emptyEvidence()
	const late = item('a', [1, 2], 1)
	const onTime = item('b', [3, 4], 2)
	evidence.onTimeRate = { numerator: [onTime], denominator: [late, onTime] }
	const rows = evidenceRows(evidence, 'onTimeRate')
	expect(rows.map((r) => [r.orderId, r.counted, r.minutes])).toEqual([
		['a', false, null],
		['b', true, null],
	])
	expect(countedOf(rows)).toEqual({ counted: 1, total: 2 })
})

test('a median lists its measured minutes and counts nothing', () => {
	const evidence = emptyEvidence()
	evidence.cycleMinutes = [{ ...item('a', [5], 3), minutes: 90 }]
	expect(evidenceRows(evidence, 'cycleTime')).toEqual([{ ...item('a', [5], 3), minutes: 90, counted: null }])
	expect(evidenceRows(evidence, 'changeAck')).toEqual([])
})

test('no evidence gives no rows for every figure', () => {
	for (const figure of ['responseRate', 'cycleTime', 'changeAck'] satisfies EvidenceFigure[])
		expect(evidenceRows(emptyEvidence(), figure)).toEqual([])
})

test('counted rows equal the numerator and all rows the denominator, before and after JSON', () => {
	fc.assert(
		fc.property(
			historiesArb,
			fc.constantFrom(...SUPPLIERS),
			fc.constantFrom(...CLASSES),
			(histories, s, c) => {
				const { counters, evidence } = countersFromHistories(histories, {
					supplierId: s,
					orderClassId: c,
					from: new Date(GENERATED_EPOCH),
					to: new Date(GENERATED_EPOCH + 400 * 86_400_000),
				})
				// What a loader sends to the page: dates become strings, objects lose their identity.
				const revived = JSON.parse(JSON.stringify(evidence), (k, v) => (k === 'at' ? new Date(v) : v))
				for (const [figure, numerator, denominator] of RATE_FIGURES) {
					for (const source of [evidence, revived]) {
						expect(countedOf(evidenceRows(source, figure))).toEqual({
							counted: counters[numerator],
							total: counters[denominator],
						})
					}
				}
				expect(evidenceRows(evidence, 'cycleTime').map((r) => r.minutes)).toEqual(
					evidence.cycleMinutes.map((i) => i.minutes),
				)
			},
		),
		{ numRuns: 200 },
	)
})
