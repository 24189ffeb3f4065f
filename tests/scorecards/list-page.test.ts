import { expect, test } from 'vitest'
import { listMonthScorecards } from '#app/models/scorecard/read-scorecards.server.ts'
import { listMonthScorecardPage } from '#app/models/scorecard/scorecard-list-page.server.ts'
import { arrangeScorecardRows } from '#app/schemas/scorecard-filters.ts'
import { getDb } from '#app/utils/db.server.ts'
import { scorecardMonthlyRollups } from '#db/schema/index.ts'
import { insertSupplier } from '../factories/suppliers.ts'
import { createOrderClass } from '../orders/fixtures.ts'

// A month no other test writes: the list reads every rollup row of it.
const MONTH = '2017-05'
const NOW = new Date('2026-12-01T00:00:00Z')

// Names that sort differently by code point and by locale: case, accents, digits, spaces.
const NAMES = [
	'alder',
	'Alder',
	'Ångström & Co',
	'Birch 10',
	'Birch 9',
	'birch',
	'Çedar',
	'Zeta',
	'zeta',
	'Éclair',
]

test('a page sorted by name reads only its rows and equals the page of the whole sorted month', async () => {
	const db = getDb()
	const classes = [await createOrderClass(db), await createOrderClass(db)]
	const suppliers = []
	for (const [i, name] of NAMES.entries()) {
		suppliers.push(await insertSupplier(db, { name, regions: i % 3 === 0 ? ['EU-West'] : ['EU-Central'] }))
	}
	const rollups = suppliers.flatMap((s, i) =>
		classes
			.filter((_, c) => (i + c) % 4 !== 3)
			.map((cls, c) => ({
				supplierId: s.id,
				orderClassId: cls.id,
				month: MONTH,
				offersResolved: 10 + i,
				offersAnsweredInTime: 5 + ((i * 3 + c) % 6),
				offersAccepted: 4 + c,
				deliveries: 6,
				deliveriesWithDueTime: 6,
				deliveriesOnTime: (i + c) % 7,
				closures: 5,
				closuresWithoutRework: 5 - (i % 3),
				finished: 8,
				finishedWithSupplierException: i % 2,
				cycleMinutes: [60 * (i + 1), 90 * (c + 1)].sort((a, b) => a - b),
				changeAckMinutes: [],
			})),
	)
	await db.insert(scorecardMonthlyRollups).values(rollups)

	const variants = [
		{ sort: 'supplier', dir: 'asc' },
		{ sort: 'supplier', dir: 'desc' },
		{ sort: 'class', dir: 'asc' },
		{ sort: 'class', dir: 'desc', orderClassId: classes[1]!.id },
		{ sort: 'supplier', dir: 'asc', region: 'EU-West' },
	] as const
	for (const variant of variants) {
		const whole = arrangeScorecardRows(
			await listMonthScorecards(db, { month: MONTH, now: NOW, ...variant }),
			{ standing: undefined, ...variant },
		)
		expect(whole.length).toBeGreaterThan(3)
		for (let offset = 0; offset <= whole.length; offset += 4) {
			const page = await listMonthScorecardPage(db, { month: MONTH, now: NOW, ...variant, offset, limit: 4 })
			expect(page.total).toBe(whole.length)
			expect(page.rows).toEqual(whole.slice(offset, offset + 4))
		}
	}
	const { standings } = await listMonthScorecardPage(db, {
		month: MONTH,
		now: NOW,
		sort: 'supplier',
		dir: 'asc',
		offset: 0,
		limit: 4,
	})
	expect(standings.map((s) => s.value)).toEqual(
		expect.arrayContaining(['preferred', 'approved', 'watch', 'probation']),
	)
})
