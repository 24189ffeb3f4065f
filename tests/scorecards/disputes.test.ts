import { and, eq, inArray } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { factsOfOrder, type ScorecardFact } from '#app/domain/scorecards/order-facts.ts'
import { dayKeyOf } from '#app/domain/scorecards/periods.ts'
import { emptyCounters, type MetricCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { closeOrder } from '#app/models/order/buyer-work.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { deliverOrder, startWork } from '#app/models/order/supplier-work.server.ts'
import { listDisputes, raiseDispute, resolveDispute } from '#app/models/scorecard/disputes.server.ts'
import { scorecardEvidence } from '#app/models/scorecard/recompute.server.ts'
import { isAppError } from '#app/utils/app-error.ts'
import { getDb, schema } from '#app/utils/db.server.ts'
import { asSession } from '#tests/orders/fixtures.ts'
import { insertUser } from '#tests/factories/users.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	offersOf,
	orderInput,
	versionOf,
} from '../orders/fixtures.ts'
import { historiesOf, rollupsOf } from './history.ts'

const { auditEvents, outboxEmails, scorecardCorrections } = schema
const T0 = new Date('2031-05-10T08:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

/** Supplier A fulfils `n` orders through the real models: accept, start, deliver, close. */
async function world(n = 2) {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { ackDeadlineMinutes: 240 })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const a = await createCapableSupplier(db, ids, { name: 'Alder Services' })
	const b = await createCapableSupplier(db, ids, { name: 'Birch Services', term: { unitPriceMinor: 99_000 } })
	const buyer = await createBuyer(db)
	const orderIds: string[] = []
	for (let i = 0; i < n; i++) {
		const base = i * 600
		const placed = await placeOrder(db, {
			actor: buyer,
			input: orderInput(ids, { neededBy: at(base + 2000) }),
			now: at(base),
		})
		const orderId = placed.orderId
		const offer = (await offersOf(db, orderId)).find((o) => o.response === 'pending')!
		expect(offer.supplierId).toBe(a.supplier.id)
		const asA = async () => ({
			actor: a.user,
			supplierId: a.supplier.id,
			orderId,
			expectedVersion: await versionOf(db, orderId),
		})
		await respondToOffer(db, {
			...(await asA()),
			offerId: offer.id,
			response: 'accept',
			declineReason: null,
			now: at(base + 30),
		})
		await startWork(db, { ...(await asA()), now: at(base + 60) })
		await deliverOrder(db, { ...(await asA()), deliveredQuantity: 10, now: at(base + 300) })
		await closeOrder(db, {
			actor: buyer,
			orderId,
			expectedVersion: await versionOf(db, orderId),
			now: at(base + 400),
		})
		orderIds.push(orderId)
	}
	return { db, cls, a, b, buyer, orderIds }
}

/** Test oracle: counts facts per (supplier, class, day) directly from their fields. */
function countFacts(facts: ScorecardFact[]) {
	const rows = new Map<
		string,
		{ supplierId: string; orderClassId: string; key: string; counters: MetricCounters }
	>()
	for (const f of facts) {
		const key = `${dayKeyOf(f.at)}|${f.supplierId}|${f.orderClassId}`
		const row = rows.get(key) ?? {
			supplierId: f.supplierId,
			orderClassId: f.orderClassId,
			key: dayKeyOf(f.at),
			counters: emptyCounters(),
		}
		rows.set(key, row)
		const c = row.counters
		if (f.kind === 'offer') {
			c.offersResolved++
			if (f.inTime) c.offersAnsweredInTime++
			if (f.outcome === 'accepted') c.offersAccepted++
		} else if (f.kind === 'delivery') {
			c.deliveries++
			if (f.onTime !== null) c.deliveriesWithDueTime++
			if (f.onTime) c.deliveriesOnTime++
			if (f.cycleMinutes !== null) c.cycleMinutes.push(f.cycleMinutes)
		} else if (f.kind === 'closure') {
			c.closures++
			if (f.withoutRework) c.closuresWithoutRework++
		} else if (f.kind === 'finish') {
			c.finished++
			if (f.withSupplierException) c.finishedWithSupplierException++
		} else c.changeAckMinutes.push(f.minutes)
	}
	return [...rows.entries()]
		.sort(([x], [y]) => x.localeCompare(y))
		.map(([, r]) => ({
			...r,
			counters: { ...r.counters, cycleMinutes: r.counters.cycleMinutes.sort((p, q) => p - q) },
		}))
}

describe('scorecard disputes', () => {
	test('raise → buyers emailed and audited; uphold → figure unchanged, supplier emailed', async () => {
		const w = await world(1)
		const before = await rollupsOf(w.db, [w.a.supplier.id], 'day')
		const raised = await raiseDispute(w.db, {
			actor: w.a.user,
			supplierId: w.a.supplier.id,
			orderClassId: w.cls.id,
			month: '2031-05',
			metric: 'onTimeRate',
			orderId: w.orderIds[0],
			comment: 'The due time was moved by the buyer',
			now: at(1000),
		})
		expect(raised.notified).toBeGreaterThan(0)
		const [audit] = await w.db.select().from(auditEvents).where(eq(auditEvents.entityId, raised.id))
		expect(audit).toMatchObject({ action: 'scorecard.dispute_raised', supplierId: w.a.supplier.id })
		const buyerMail = await w.db
			.select()
			.from(outboxEmails)
			.where(
				and(eq(outboxEmails.toAddress, w.buyer.email), eq(outboxEmails.template, 'scorecard-dispute-raised')),
			)
		expect(buyerMail).toHaveLength(1)

		const listed = await listDisputes(w.db, { supplierId: w.a.supplier.id, limit: 10, offset: 0 })
		expect(listed.total).toBe(1)
		expect(listed.rows[0]).toMatchObject({
			status: 'open',
			metric: 'onTimeRate',
			supplierName: 'Alder Services',
		})

		const done = await resolveDispute(w.db, {
			actor: w.buyer,
			disputeId: raised.id,
			expectedVersion: raised.version,
			outcome: 'upheld',
			resolution: 'The due time in force was the original one',
			now: at(1100),
		})
		expect(done).toMatchObject({ status: 'upheld', version: 2, removed: [] })
		expect(await rollupsOf(w.db, [w.a.supplier.id], 'day')).toEqual(before)
		const supplierMail = await w.db
			.select()
			.from(outboxEmails)
			.where(
				and(
					eq(outboxEmails.toAddress, w.a.user.email),
					eq(outboxEmails.template, 'scorecard-dispute-resolved'),
				),
			)
		expect(supplierMail).toHaveLength(1)
		const actions = await w.db
			.select({ action: auditEvents.action })
			.from(auditEvents)
			.where(eq(auditEvents.entityId, raised.id))
		expect(actions.map((x) => x.action).sort()).toEqual([
			'scorecard.dispute_raised',
			'scorecard.dispute_upheld',
		])
	})

	test('correct → rollups lose exactly the removed facts and equal a recomputation without them', async () => {
		const w = await world(2)
		const supplierIds = [w.a.supplier.id]
		const before = await rollupsOf(w.db, supplierIds, 'day')
		const [corrected, kept] = w.orderIds as [string, string]
		const raised = await raiseDispute(w.db, {
			actor: w.a.user,
			supplierId: w.a.supplier.id,
			orderClassId: w.cls.id,
			month: '2031-05',
			metric: 'cycleTime',
			orderId: corrected,
			comment: 'We waited two days for the input files',
			now: at(2000),
		})
		const done = await resolveDispute(w.db, {
			actor: w.buyer,
			disputeId: raised.id,
			expectedVersion: 1,
			outcome: 'corrected',
			resolution: 'Input files were late on our side',
			now: at(2100),
		})
		expect(done.status).toBe('corrected')
		const [correction] = await w.db
			.select()
			.from(scorecardCorrections)
			.where(eq(scorecardCorrections.disputeId, raised.id))
		expect(correction).toMatchObject({ supplierId: w.a.supplier.id, orderId: corrected, metric: 'cycleTime' })

		const histories = await historiesOf(w.db, w.orderIds)
		const allFacts = histories.flatMap(factsOfOrder).filter((f) => f.supplierId === w.a.supplier.id)
		const removedFacts = allFacts.filter((f) => f.orderId === corrected && f.kind === 'delivery')
		expect(removedFacts).toHaveLength(1)
		const after = await rollupsOf(w.db, supplierIds, 'day')
		// Exactly the removed delivery fact is gone: one delivery, one on-time delivery, its cycle minutes.
		const total = (
			rows: typeof after,
			k: 'deliveries' | 'deliveriesOnTime' | 'closures' | 'offersResolved',
		) => rows.reduce((s, r) => s + r.counters[k], 0)
		expect(total(before, 'deliveries') - total(after, 'deliveries')).toBe(1)
		expect(total(before, 'deliveriesOnTime') - total(after, 'deliveriesOnTime')).toBe(
			removedFacts[0]!.kind === 'delivery' && removedFacts[0]!.onTime ? 1 : 0,
		)
		expect(total(after, 'closures')).toBe(total(before, 'closures'))
		expect(total(after, 'offersResolved')).toBe(total(before, 'offersResolved'))
		expect(after.flatMap((r) => r.counters.cycleMinutes)).toHaveLength(1)
		// A from-scratch recomputation without the corrected facts equals the rollups, by day and by month.
		const expected = countFacts(allFacts.filter((f) => !removedFacts.includes(f)))
		const nonEmpty = (rows: typeof after) => rows.map((r) => ({ ...r, counters: r.counters }))
		expect(nonEmpty(after)).toEqual(expected)
		const monthly = await rollupsOf(w.db, supplierIds, 'month')
		expect(monthly).toHaveLength(1)
		expect(monthly[0]!.counters.deliveries).toBe(1)
		expect(monthly[0]!.counters.cycleMinutes).toEqual(
			allFacts
				.filter((f) => f.orderId === kept && f.kind === 'delivery')
				.map((f) => (f.kind === 'delivery' ? f.cycleMinutes : null)),
		)

		// onTimeRate maps to the same 'delivery' facts: a second correction does not subtract them twice.
		const again = await raiseDispute(w.db, {
			actor: w.a.user,
			supplierId: w.a.supplier.id,
			orderClassId: w.cls.id,
			month: '2031-05',
			metric: 'onTimeRate',
			orderId: corrected,
			comment: 'Same order, same delay',
			now: at(2200),
		})
		const second = await resolveDispute(w.db, {
			actor: w.buyer,
			disputeId: again.id,
			expectedVersion: 1,
			outcome: 'corrected',
			resolution: 'Already corrected',
			now: at(2300),
		})
		expect(second.removed).toEqual([])
		expect(await rollupsOf(w.db, supplierIds, 'day')).toEqual(after)

		// The auditor's recomputation from the events leaves the corrected facts out too, so it
		// still equals the rollups, and the evidence no longer lists the order's delivery.
		const recomputed = await scorecardEvidence(w.db, {
			supplierId: w.a.supplier.id,
			orderClassId: w.cls.id,
			month: '2031-05',
		})
		expect(recomputed!.counters).toEqual(monthly[0]!.counters)
		expect(recomputed!.evidence.onTimeRate.denominator.map((i) => i.orderId)).toEqual([kept])
		expect(recomputed!.evidence.qualityRate.denominator.map((i) => i.orderId).sort()).toEqual(
			[corrected, kept].sort(),
		)
	})

	test('a stale version answers CONFLICT and changes nothing', async () => {
		const w = await world(1)
		const raised = await raiseDispute(w.db, {
			actor: w.a.user,
			supplierId: w.a.supplier.id,
			orderClassId: w.cls.id,
			month: '2031-05',
			metric: 'qualityRate',
			comment: 'Whole figure looks low',
			now: at(1000),
		})
		const resolve = (expectedVersion: number) =>
			resolveDispute(w.db, {
				actor: w.buyer,
				disputeId: raised.id,
				expectedVersion,
				outcome: 'upheld',
				resolution: 'Figures checked',
				now: at(1100),
			})
		await resolve(1)
		const error = await resolve(1).catch((e: unknown) => e)
		expect(isAppError(error, 'CONFLICT')).toBe(true)
		expect((error as Error).message).toBe('This dispute changed, reload.')
		// Without an order there is nothing to correct.
		const noOrder = await raiseDispute(w.db, {
			actor: w.a.user,
			supplierId: w.a.supplier.id,
			orderClassId: w.cls.id,
			month: '2031-05',
			metric: 'qualityRate',
			comment: 'Again the whole figure',
			now: at(1200),
		})
		const refused = await resolveDispute(w.db, {
			actor: w.buyer,
			disputeId: noOrder.id,
			expectedVersion: 1,
			outcome: 'corrected',
			resolution: 'Try to correct',
		}).catch((e: unknown) => e)
		expect(isAppError(refused, 'RULE_VIOLATION')).toBe(true)
	})

	test("scoping: A cannot dispute with B's order; auditors and suppliers cannot resolve", async () => {
		const w = await world(1)
		const other = await world(1)
		const withForeignOrder = await raiseDispute(w.db, {
			actor: w.a.user,
			supplierId: w.a.supplier.id,
			orderClassId: w.cls.id,
			month: '2031-05',
			metric: 'onTimeRate',
			orderId: other.orderIds[0],
			comment: 'Not my order at all',
		}).catch((e: unknown) => e)
		expect(isAppError(withForeignOrder, 'NOT_FOUND')).toBe(true)
		// B was never offered A's orders here either (A won every offer), so B cannot name them.
		const bOfOther = await raiseDispute(w.db, {
			actor: w.b.user,
			supplierId: w.b.supplier.id,
			orderClassId: w.cls.id,
			month: '2031-05',
			metric: 'onTimeRate',
			orderId: w.orderIds[0],
			comment: 'Someone else order',
		}).catch((e: unknown) => e)
		expect(isAppError(bOfOther, 'NOT_FOUND')).toBe(true)
		// A user of A cannot raise in B's name.
		const inBsName = await raiseDispute(w.db, {
			actor: w.a.user,
			supplierId: w.b.supplier.id,
			orderClassId: w.cls.id,
			month: '2031-05',
			metric: 'onTimeRate',
			comment: 'Pretending to be B',
		}).catch((e: unknown) => e)
		expect(isAppError(inBsName, 'FORBIDDEN')).toBe(true)

		const raised = await raiseDispute(w.db, {
			actor: w.a.user,
			supplierId: w.a.supplier.id,
			orderClassId: w.cls.id,
			month: '2031-05',
			metric: 'onTimeRate',
			orderId: w.orderIds[0],
			comment: 'A real dispute',
		})
		const auditor = asSession(await insertUser(w.db, { role: 'auditor' }))
		for (const actor of [auditor, w.a.user]) {
			const error = await resolveDispute(w.db, {
				actor,
				disputeId: raised.id,
				expectedVersion: 1,
				outcome: 'upheld',
				resolution: 'Not allowed to say',
			}).catch((e: unknown) => e)
			expect(isAppError(error, 'FORBIDDEN'), actor.role).toBe(true)
		}
		const still = await listDisputes(w.db, {
			supplierId: w.a.supplier.id,
			status: 'open',
			limit: 10,
			offset: 0,
		})
		expect(still.rows.map((r) => r.id)).toEqual([raised.id])
		const corrections = await w.db
			.select()
			.from(scorecardCorrections)
			.where(inArray(scorecardCorrections.orderId, w.orderIds))
		expect(corrections).toEqual([])
	})
})
