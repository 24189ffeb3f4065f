import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { emptyCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { metricsFromCounters } from '#app/domain/scorecards/scorecard-metrics.ts'
import { arrangeByName, arrangeScorecardRows, INSUFFICIENT_DATA } from './scorecard-filters.ts'

type Row = Parameters<typeof arrangeScorecardRows>[0][number]

function row(supplierName: string, className: string, over: Partial<Row> = {}): Row {
	return {
		supplierName,
		className,
		score: null,
		standing: null,
		metrics: metricsFromCounters(emptyCounters()),
		...over,
	}
}
const names = (rows: Row[]) => rows.map((r) => `${r.supplierName}/${r.className}`)

describe('the scorecard list order', () => {
	const rows = [
		row('birch', 'Bulk', { score: 71, standing: { key: 'approved' } }),
		row('Alder', 'Urgent', { score: 90, standing: { key: 'preferred' } }),
		row('Alder', 'Bulk'),
		row('Ångström', 'Bulk', { score: 40, standing: { key: 'probation' } }),
	]

	test('by supplier in the locale order, ties by class ascending in either direction', () => {
		const asc = arrangeScorecardRows(rows, { standing: undefined, sort: 'supplier', dir: 'asc' })
		expect(names(asc)).toEqual(['Alder/Bulk', 'Alder/Urgent', 'Ångström/Bulk', 'birch/Bulk'])
		const desc = arrangeScorecardRows(rows, { standing: undefined, sort: 'supplier', dir: 'desc' })
		expect(names(desc)).toEqual(['birch/Bulk', 'Ångström/Bulk', 'Alder/Bulk', 'Alder/Urgent'])
		const byClass = arrangeScorecardRows(rows, { standing: undefined, sort: 'class', dir: 'desc' })
		expect(names(byClass)).toEqual(['Alder/Urgent', 'Alder/Bulk', 'Ångström/Bulk', 'birch/Bulk'])
	})

	test('by a figure, rows without one go last in either direction; a standing filter keeps its rows', () => {
		const best = arrangeScorecardRows(rows, { standing: undefined, sort: 'score', dir: 'desc' })
		expect(names(best)).toEqual(['Alder/Urgent', 'birch/Bulk', 'Ångström/Bulk', 'Alder/Bulk'])
		const worst = arrangeScorecardRows(rows, { standing: undefined, sort: 'score', dir: 'asc' })
		expect(names(worst)).toEqual(['Ångström/Bulk', 'birch/Bulk', 'Alder/Urgent', 'Alder/Bulk'])
		const none = arrangeScorecardRows(rows, { standing: INSUFFICIENT_DATA, sort: 'supplier', dir: 'asc' })
		expect(names(none)).toEqual(['Alder/Bulk'])
		const approved = arrangeScorecardRows(rows, { standing: 'approved', sort: 'supplier', dir: 'asc' })
		expect(names(approved)).toEqual(['birch/Bulk'])
	})

	test('sorting by name gives every row once, each in order with the next (property)', () => {
		const named = fc.record({
			supplierName: fc.string({ maxLength: 6 }),
			className: fc.string({ maxLength: 4 }),
		})
		fc.assert(
			fc.property(
				fc.array(named, { maxLength: 30 }),
				fc.constantFrom('supplier' as const, 'class' as const),
				fc.constantFrom('asc' as const, 'desc' as const),
				(input, sort, dir) => {
					const sorted = arrangeByName([...input], sort, dir)
					expect([...sorted].sort(byKey)).toEqual([...input].sort(byKey))
					const sign = dir === 'asc' ? 1 : -1
					for (let i = 1; i < sorted.length; i++) {
						const [a, b] = [sorted[i - 1]!, sorted[i]!]
						const first = sort === 'supplier' ? 'supplierName' : 'className'
						const primary = sign * a[first].localeCompare(b[first])
						expect(primary).toBeLessThanOrEqual(0)
						if (primary === 0) {
							const tie =
								a.supplierName.localeCompare(b.supplierName) || a.className.localeCompare(b.className)
							expect(tie).toBeLessThanOrEqual(0)
						}
					}
				},
			),
		)
	})
})

function byKey(
	a: { supplierName: string; className: string },
	b: { supplierName: string; className: string },
) {
	const x = `${a.supplierName}\u0000${a.className}`
	const y = `${b.supplierName}\u0000${b.className}`
	return x < y ? -1 : x > y ? 1 : 0
}
