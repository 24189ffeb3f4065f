import { and, eq, like } from 'drizzle-orm'
import { afterAll, describe, expect, test } from 'vitest'
import {
	DEFAULT_MIN_ORDERS,
	DEFAULT_STANDINGS,
	DEFAULT_WEIGHTS_BY_CLASS_KEY,
} from '#app/domain/scorecards/score-and-standing.ts'
import { emptyCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { getScorecardPolicy, saveScorecardPolicy } from '#app/models/scorecard/policy.server.ts'
import { upsertRollups } from '#app/models/scorecard/rollups.server.ts'
import { evaluateStandings } from '#app/models/scorecard/standings.server.ts'
import { getDb, schema } from '#app/utils/db.server.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	NOW as FIXTURE_NOW,
	orderInput,
} from '../orders/fixtures.ts'

const { auditEvents, outboxEmails, standingChanges, supplierStandings } = schema
// The fixtures' contracts cover the fixtures' clock.
const NOW = FIXTURE_NOW

function days(count: number) {
	return Array.from({ length: count }, (_, i) =>
		new Date(NOW.getTime() - (i + 1) * 86_400_000).toISOString().slice(0, 10),
	)
}

describe('standings steer routing', () => {
	afterAll(async () => {
		// Leave the worker's database with the built-in policy for the files that follow.
		const db = getDb()
		const current = await getScorecardPolicy(db)
		await saveScorecardPolicy(db, {
			actor: await createBuyer(db, 'admin'),
			settings: {
				minOrders: DEFAULT_MIN_ORDERS,
				standings: [...DEFAULT_STANDINGS],
				weightsByClassKey: { ...DEFAULT_WEIGHTS_BY_CLASS_KEY },
			},
			expectedVersion: current.version,
			changeNote: 'Back to the defaults after the standings test',
			reevaluate: (tx) => evaluateStandings(tx, { now: NOW }),
		})
	})

	test('a supplier that never answers in time falls to probation, is told, and is no longer offered the class', async () => {
		const db = getDb()
		const category = await createCategory(db)
		const cls = await createOrderClass(db)
		const ids = { categoryId: category.id, orderClassId: cls.id }
		const good = await createCapableSupplier(db, ids, {
			name: 'Prompt Payroll Ltd',
			term: { unitPriceMinor: 3_000 },
		})
		const poor = await createCapableSupplier(db, ids, {
			name: 'Slow Payroll Ltd',
			term: { unitPriceMinor: 1_000 },
		})
		const answered = { ...emptyCounters(), offersResolved: 2, offersAnsweredInTime: 2, offersAccepted: 2 }
		const ignored = { ...emptyCounters(), offersResolved: 2 }
		await db.transaction((tx) =>
			upsertRollups(tx, [
				...days(6).map((day) => ({
					supplierId: good.supplier.id,
					orderClassId: cls.id,
					day,
					counters: answered,
				})),
				...days(6).map((day) => ({
					supplierId: poor.supplier.id,
					orderClassId: cls.id,
					day,
					counters: ignored,
				})),
			]),
		)

		// Probation now also keeps suppliers off this class.
		const admin = await createBuyer(db, 'admin')
		const current = await getScorecardPolicy(db)
		const standings = DEFAULT_STANDINGS.map((s) =>
			s.key === 'probation'
				? {
						...s,
						consequences: {
							...s.consequences,
							excludedClassKeys: [...s.consequences.excludedClassKeys, cls.key],
						},
					}
				: s,
		)
		const policy = await saveScorecardPolicy(db, {
			actor: admin,
			settings: {
				minOrders: DEFAULT_MIN_ORDERS,
				standings,
				weightsByClassKey: { ...DEFAULT_WEIGHTS_BY_CLASS_KEY },
			},
			expectedVersion: current.version,
			changeNote: 'Probation suppliers stay off the test class',
			reevaluate: (tx) => evaluateStandings(tx, { now: NOW }),
		})

		const rows = await db.select().from(supplierStandings).where(eq(supplierStandings.orderClassId, cls.id))
		expect(rows.map((r) => [r.supplierId, r.standingKey, r.excludesClass]).sort()).toEqual(
			[
				[good.supplier.id, 'preferred', false],
				[poor.supplier.id, 'probation', true],
			].sort(),
		)
		expect(rows.every((r) => r.policyVersion === policy.version)).toBe(true)
		const [change] = await db
			.select()
			.from(standingChanges)
			.where(eq(standingChanges.supplierId, poor.supplier.id))
		expect(change).toMatchObject({ fromKey: null, toKey: 'probation', policyVersion: policy.version })
		expect(change!.reason).toMatch(/over the last 90 days/)
		const audits = await db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(
				and(
					eq(auditEvents.action, 'scorecard.standing_changed'),
					eq(auditEvents.supplierId, poor.supplier.id),
				),
			)
		expect(audits).toHaveLength(1)
		const mails = await db
			.select({ to: outboxEmails.toAddress })
			.from(outboxEmails)
			.where(like(outboxEmails.subject, `Slow Payroll Ltd: standing for ${cls.name} orders is now Probation`))
		expect(mails.map((m) => m.to)).toEqual([poor.user.email])

		// The cheaper supplier would win on price; its standing takes it out, with the rule recorded.
		const placed = await placeOrder(db, { actor: await createBuyer(db), input: orderInput(ids), now: NOW })
		expect(placed.routing?.offers.map((o) => o.supplierId)).toEqual([good.supplier.id])
		expect(placed.routing?.excluded).toContainEqual(
			expect.objectContaining({
				supplierId: poor.supplier.id,
				rule: 'standing',
				reason: `Standing: probation for ${cls.name}`,
			}),
		)
		// A second run with nothing new changes nothing.
		expect(await db.transaction((tx) => evaluateStandings(tx, { now: NOW }))).toEqual([])
	})
})
