import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import { countersByGroupAndDay } from '#app/domain/scorecards/order-history-facts.ts'
import { isEmptyCounters, sumCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { cancelOrder, closeOrder, requestRework } from '#app/models/order/buyer-work.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { requestChange } from '#app/models/order/request-change.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import {
	acknowledgeChange,
	deliverOrder,
	resumeWork,
	startWork,
} from '#app/models/order/supplier-work.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { getDb } from '#app/utils/db.server.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	expireUntilQuiet,
	offersOf,
	orderInput,
	orderRow,
} from '../orders/fixtures.ts'
import { historiesOf, rollupsOf } from './history.ts'

const ACTIONS = [
	'accept',
	'decline',
	'expire',
	'start',
	'deliver',
	'close',
	'rework',
	'resume',
	'change',
	'acknowledge',
	'cancel',
] as const
type Action = (typeof ACTIONS)[number]

// Moving forward is likelier than the detours, so walks reach delivery and closure often.
const FORWARD: Action[] = ['accept', 'start', 'deliver', 'close']
const actionArb = fc.oneof(
	{ arbitrary: fc.constantFrom(...FORWARD), weight: 3 },
	{ arbitrary: fc.constantFrom(...ACTIONS), weight: 2 },
)

async function world() {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { ackDeadlineMinutes: 240 })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const suppliers = await Promise.all(
		['Alder', 'Birch', 'Cedar'].map((name, i) =>
			createCapableSupplier(db, ids, { name: `${name} Services`, term: { unitPriceMinor: 2_000 + i * 100 } }),
		),
	)
	return { db, ids, suppliers, buyer: await createBuyer(db) }
}

type World = Awaited<ReturnType<typeof world>>

/** Tries one action on the order as whoever may take it; refusals (wrong state, stale) are part of the walk. */
async function attempt(w: World, orderId: string, action: Action, now: Date) {
	const order = await orderRow(w.db, orderId)
	const expectedVersion = order.version
	const assigned = w.suppliers.find((s) => s.supplier.id === order.assignedSupplierId)
	const pending = (await offersOf(w.db, orderId)).find((o) => o.response === 'pending')
	const offered = w.suppliers.find((s) => s.supplier.id === pending?.supplierId)
	const asSupplier = (s: typeof assigned) => ({
		actor: s!.user,
		supplierId: s!.supplier.id,
		orderId,
		expectedVersion,
		now,
	})
	const asBuyer = { actor: w.buyer, orderId, expectedVersion, now }
	try {
		switch (action) {
			case 'accept':
			case 'decline':
				if (!pending || !offered) return
				await respondToOffer(w.db, {
					actor: offered.user,
					supplierId: offered.supplier.id,
					offerId: pending.id,
					expectedVersion,
					response: action,
					declineReason: action === 'decline' ? 'No capacity this week' : null,
					now,
				})
				return
			case 'expire':
				if (pending) await expireUntilQuiet(w.db, new Date(pending.expiresAt.getTime() + 60_000))
				return
			case 'start':
				if (assigned) await startWork(w.db, asSupplier(assigned))
				return
			case 'deliver':
				if (assigned) await deliverOrder(w.db, { ...asSupplier(assigned), deliveredQuantity: order.quantity })
				return
			case 'resume':
				if (assigned) await resumeWork(w.db, asSupplier(assigned))
				return
			case 'acknowledge': {
				const who = assigned ?? offered
				if (who) await acknowledgeChange(w.db, asSupplier(who))
				return
			}
			case 'close':
				await closeOrder(w.db, asBuyer)
				return
			case 'rework':
				await requestRework(w.db, { ...asBuyer, reason: 'Two payslips had the wrong tax code' })
				return
			case 'change':
				await requestChange(w.db, { ...asBuyer, quantity: order.quantity + 1, reason: 'Two more joiners' })
				return
			case 'cancel':
				await cancelOrder(w.db, { ...asBuyer, reason: 'Budget withdrawn for this quarter' })
				return
		}
	} catch (error) {
		if (error instanceof AppError) return
		throw error
	}
}

describe('scorecard rollups', () => {
	test('after any sequence of order events, the rollups equal a recomputation from the events', async () => {
		const w = await world()
		const supplierIds = w.suppliers.map((s) => s.supplier.id)
		const orderIds: string[] = []
		// Starts on the last days of a month, so days and months both roll over.
		let clock = new Date('2031-03-30T20:00:00Z').getTime()
		await fc.assert(
			fc.asyncProperty(
				// Steps of minutes to half a day: answers both within and past the 4-hour deadline.
				fc.array(fc.tuple(actionArb, fc.integer({ min: 5, max: 720 })), { minLength: 6, maxLength: 20 }),
				async (walk) => {
					clock += 3_600_000
					const placed = await placeOrder(w.db, {
						actor: w.buyer,
						input: orderInput(w.ids, { neededBy: new Date(clock + 40 * 3_600_000) }),
						now: new Date(clock),
					})
					orderIds.push(placed.orderId)
					for (const [action, minutes] of walk) {
						clock += minutes * 60_000
						await attempt(w, placed.orderId, action, new Date(clock))
					}
				},
			),
			{ numRuns: 20 },
		)
		// One full journey besides the random ones, so every kind of fact is surely in the comparison.
		const full = await placeOrder(w.db, {
			actor: w.buyer,
			input: orderInput(w.ids, { neededBy: new Date(clock + 60 * 3_600_000) }),
			now: new Date((clock += 3_600_000)),
		})
		orderIds.push(full.orderId)
		const journey: Action[] = ['change', 'acknowledge', 'accept', 'start', 'deliver', 'rework', 'resume']
		for (const action of [...journey, 'deliver', 'close'] as const) {
			await attempt(w, full.orderId, action, new Date((clock += 30 * 60_000)))
		}

		const recomputed = countersByGroupAndDay(await historiesOf(w.db, orderIds))
			.filter((row) => supplierIds.includes(row.supplierId))
			.map(({ supplierId, orderClassId, day, counters }) => ({
				supplierId,
				orderClassId,
				key: day,
				counters,
			}))
		const daily = await rollupsOf(w.db, supplierIds, 'day')
		expect(daily).toEqual(recomputed)
		// The walk must have produced facts of every kind, or the comparison proves little.
		const total = sumCounters(daily.map((r) => r.counters))
		expect(isEmptyCounters(total)).toBe(false)
		expect(total.offersResolved).toBeGreaterThan(0)
		expect(
			Math.min(total.deliveries, total.closures, total.finished, total.changeAckMinutes.length),
		).toBeGreaterThan(0)

		const months = new Map<string, typeof recomputed>()
		for (const row of recomputed) {
			const key = `${row.key.slice(0, 7)}|${row.supplierId}|${row.orderClassId}`
			months.set(key, [...(months.get(key) ?? []), row])
		}
		const monthly = await rollupsOf(w.db, supplierIds, 'month')
		expect(monthly.map((r) => ({ ...r, counters: r.counters }))).toEqual(
			[...months.entries()]
				.map(([key, rows]) => ({
					supplierId: rows[0]!.supplierId,
					orderClassId: rows[0]!.orderClassId,
					key: key.slice(0, 7),
					counters: sumCounters(rows.map((r) => r.counters)),
				}))
				.sort((a, b) =>
					`${a.key}|${a.supplierId}|${a.orderClassId}`.localeCompare(
						`${b.key}|${b.supplierId}|${b.orderClassId}`,
					),
				),
		)
	})
})
