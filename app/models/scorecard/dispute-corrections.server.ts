// A buyer's correction of a disputed scorecard figure: the order's facts of the metric's kind
// come out of the daily and monthly rollups, in the resolving transaction.
import { and, asc, eq } from 'drizzle-orm'
import { factsOfOrder, type ScorecardFact } from '#app/domain/scorecards/order-facts.ts'
import {
	countersByGroupAndDay,
	type DayCounters,
	type OrderHistory,
} from '#app/domain/scorecards/order-history-facts.ts'
import { emptyCounters, type MetricCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { DISPUTE_METRICS, type DisputeMetric } from '#app/schemas/scorecard-dispute.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, type Transaction, schema } from '#app/utils/db.server.ts'
import { upsertRollups } from './rollups.server.ts'

const { orderEvents, orders, scorecardCorrections, scorecardDailyRollups, scorecardMonthlyRollups } = schema

/**
 * The counter fields each fact kind feeds (see countFact in order-history-facts.ts):
 * disjoint, so masking a day's counters to a kind's fields gives that kind's share.
 */
const FIELDS_OF_KIND: Record<ScorecardFact['kind'], (keyof MetricCounters)[]> = {
	offer: ['offersResolved', 'offersAnsweredInTime', 'offersAccepted'],
	delivery: ['deliveries', 'deliveriesWithDueTime', 'deliveriesOnTime', 'cycleMinutes'],
	closure: ['closures', 'closuresWithoutRework'],
	finish: ['finished', 'finishedWithSupplierException'],
	change_ack: ['changeAckMinutes'],
}

export async function correctOrder(
	tx: Transaction,
	{
		disputeId,
		supplierId,
		orderId,
		metric,
		reason,
	}: { disputeId: string; supplierId: string; orderId: string; metric: DisputeMetric; reason: string },
): Promise<DayCounters[]> {
	const kind = DISPUTE_METRICS[metric].factKind
	// The order's row lock is the one every transition holds while it adds to the rollups.
	const [order] = await tx
		.select({ id: orders.id, number: orders.number, orderClassId: orders.orderClassId })
		.from(orders)
		.where(eq(orders.id, orderId))
		.for('update')
	if (!order) throw new AppError('NOT_FOUND', { message: 'The disputed order no longer exists.' })
	const earlier = await tx
		.select({ metric: scorecardCorrections.metric })
		.from(scorecardCorrections)
		.where(and(eq(scorecardCorrections.supplierId, supplierId), eq(scorecardCorrections.orderId, orderId)))
	const alreadyOut = earlier.some((c) => DISPUTE_METRICS[c.metric as DisputeMetric]?.factKind === kind)
	await tx
		.insert(scorecardCorrections)
		.values({ disputeId, supplierId, orderId, metric, reason })
		.onConflictDoNothing()
	if (alreadyOut) return []
	const events = await tx
		.select()
		.from(orderEvents)
		.where(eq(orderEvents.orderId, orderId))
		.orderBy(asc(orderEvents.id))
	const history: OrderHistory = {
		orderId,
		orderNumber: order.number,
		orderClassId: order.orderClassId,
		events: events.map((e) => ({
			id: e.id,
			orderId,
			type: e.type,
			supplierId: e.supplierId,
			occurredAt: e.occurredAt,
			data: (e.data ?? {}) as Record<string, unknown>,
		})),
	}
	if (!factsOfOrder(history).some((f) => f.supplierId === supplierId && f.kind === kind)) return []
	const removed = countersByGroupAndDay([history])
		.filter((row) => row.supplierId === supplierId)
		.map((row) => ({ ...row, counters: onlyFields(row.counters, FIELDS_OF_KIND[kind]) }))
	await subtractFromRollups(tx, removed)
	return removed
}

function onlyFields(c: MetricCounters, fields: (keyof MetricCounters)[]): MetricCounters {
	const out = emptyCounters() as Record<keyof MetricCounters, number | number[]>
	for (const f of fields) out[f] = c[f]
	return out as MetricCounters
}

/**
 * Counts go through upsertRollups as negative deltas. The minute lists cannot
 * (upsertRollups appends them), so each removed minute value is taken out of
 * the stored list once, under the rollup row's lock.
 */
async function subtractFromRollups(tx: Transaction, removed: DayCounters[]) {
	await upsertRollups(
		tx,
		removed.map((row) => {
			const negative = emptyCounters()
			for (const [k, v] of Object.entries(row.counters)) {
				if (typeof v === 'number') (negative as unknown as Record<string, number>)[k] = -v
			}
			return { ...row, counters: negative }
		}),
	)
	for (const row of removed) {
		const lists = (['cycleMinutes', 'changeAckMinutes'] as const).filter((k) => row.counters[k].length > 0)
		if (lists.length === 0) continue
		for (const [table, where] of [
			[
				scorecardDailyRollups,
				and(
					eq(scorecardDailyRollups.supplierId, row.supplierId),
					eq(scorecardDailyRollups.orderClassId, row.orderClassId),
					eq(scorecardDailyRollups.day, row.day),
				),
			],
			[
				scorecardMonthlyRollups,
				and(
					eq(scorecardMonthlyRollups.supplierId, row.supplierId),
					eq(scorecardMonthlyRollups.orderClassId, row.orderClassId),
					eq(scorecardMonthlyRollups.month, row.day.slice(0, 7)),
				),
			],
		] as const) {
			const [stored] = await (tx as Executor)
				.select({ cycleMinutes: table.cycleMinutes, changeAckMinutes: table.changeAckMinutes })
				.from(table)
				.where(where)
				.for('update')
			if (!stored) continue
			const set: Partial<Record<(typeof lists)[number], number[]>> = {}
			for (const k of lists) set[k] = withoutOnce(stored[k], row.counters[k])
			await (tx as Executor).update(table).set(set).where(where)
		}
	}
}

/** `list` with one occurrence of each of `values` taken out (stored minutes are whole numbers). */
function withoutOnce(list: readonly number[], values: readonly number[]): number[] {
	const out = [...list]
	for (const v of values) {
		const i = out.findIndex((x) => x === v || x === Math.round(v))
		if (i >= 0) out.splice(i, 1)
	}
	return out
}
