import { and, eq, type SQL, sql } from 'drizzle-orm'
import { openException } from '#app/models/order/open-exception.server.ts'
import { createJournal, flushJournal, note, SYSTEM_ACTOR } from '#app/models/order/order-journal.server.ts'
import { type OrderRow, saveOrder } from '#app/models/order/order-row.server.ts'
import { nextStepText, rerouteIfNoneLeft, tellBuyer } from '#app/models/order/offer-outcome.server.ts'
import { type Database, getDb, schema } from '#app/utils/db.server.ts'
import { logEvent } from '#app/utils/log.server.ts'
import { startPeriodicJob, type PeriodicJob } from './periodic-job.server.ts'

const { orderExceptions, orderOffers, orders, suppliers } = schema

export type OfferExpiryResult = { expired: number; rerouted: number; deadlinesBreached: number }

/**
 * Expires overdue offers, oldest deadline first, and routes orders left without
 * a pending offer to the next candidate; then opens one 'deadline_breached'
 * exception for each accepted order past its needed-by that is not delivered, and
 * one for each change request its supplier has not acknowledged by its deadline.
 *
 * Each item is one transaction that claims the offer AND its order with
 * `FOR UPDATE … SKIP LOCKED`: another runner (another server instance) skips
 * what this one holds instead of waiting or processing it twice, and a supplier
 * answering at that moment (who holds the order lock) is skipped until the next run.
 */
export async function expireOverdueOffers(
	db: Database,
	{ now = new Date(), batchSize = 50 }: { now?: Date; batchSize?: number } = {},
): Promise<OfferExpiryResult> {
	const result: OfferExpiryResult = { expired: 0, rerouted: 0, deadlinesBreached: 0 }
	for (let i = 0; i < batchSize; i++) {
		const outcome = await expireNextOffer(db, now)
		if (!outcome) break
		result.expired++
		if (outcome.rerouted) result.rerouted++
	}
	for (const deadline of [NEEDED_BY, CHANGE_ACK]) {
		for (let i = 0; i < batchSize; i++) {
			const outcome = await flagNextMissedDeadline(db, now, deadline)
			if (!outcome) break
			if (outcome === 'flagged') result.deadlinesBreached++
		}
	}
	return result
}

async function expireNextOffer(db: Database, now: Date) {
	return db.transaction(async (tx) => {
		const [claim] = await tx.execute<{ offer_id: string; order_id: string }>(sql`
			select f.id as offer_id, f.order_id
			from order_offers f join orders o on o.id = f.order_id
			where f.response = 'pending' and f.expires_at <= ${now.toISOString()}::timestamptz
			order by f.expires_at, f.id
			limit 1
			for update of f, o skip locked`)
		if (!claim) return null
		const [order] = await tx.select().from(orders).where(eq(orders.id, claim.order_id))
		const [offer] = await tx
			.update(orderOffers)
			.set({ response: 'expired' })
			.where(eq(orderOffers.id, claim.offer_id))
			.returning()
		if (!order || !offer) throw new Error(`Claimed offer ${claim.offer_id} vanished`)
		const [supplier] = await tx
			.select({ name: suppliers.name })
			.from(suppliers)
			.where(eq(suppliers.id, offer.supplierId))

		const journal = createJournal()
		const working: OrderRow = { ...order }
		note(journal, {
			orderId: order.id,
			type: 'offer_expired',
			from: order.status,
			to: order.status,
			actor: SYSTEM_ACTOR,
			supplierId: offer.supplierId,
			data: { offerId: offer.id, expiresAt: offer.expiresAt.toISOString() },
			now,
		})
		const rerouted = await rerouteIfNoneLeft(tx, journal, working, now)
		await saveOrder(tx, order, { status: working.status }, now)
		await tellBuyer(tx, journal, order, {
			outcome: 'expired',
			supplierName: supplier?.name ?? 'The supplier',
			at: offer.expiresAt,
			nextStep: nextStepText(rerouted),
		})
		await flushJournal(tx, journal)
		return { rerouted: rerouted !== null }
	})
}

/** A deadline an accepted order can miss, and how its one exception is found and worded. */
type MissedDeadline = {
	/** Orders past this deadline and not yet flagged for it. */
	due: (now: Date) => SQL
	/** An exception for this deadline already opened on the order (asked again under the row lock). */
	flagged: (order: OrderRow) => SQL
	detail: (order: OrderRow) => string
	/** Oldest deadline first. */
	dueAt: typeof orders.neededBy | typeof orders.changeAckDueAt
}

const utc = (at: Date) => `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`
const WORKING = sql`${orders.status} in ('accepted', 'in_progress', 'rework_requested')`

const NEEDED_BY: MissedDeadline = {
	// Any deadline exception already on the order stands for this one too (as before changes were flagged).
	due: (now) => sql`${WORKING} and ${orders.neededBy} <= ${now.toISOString()}::timestamptz
		and not exists (select 1 from order_exceptions e where e.order_id = ${orders.id} and e.kind = 'deadline_breached')`,
	flagged: () => sql`true`,
	dueAt: orders.neededBy,
	detail: (order) => `Not delivered by the needed-by time (${utc(order.neededBy)}).`,
}

// A change the supplier has not acknowledged by its deadline: flagged once per change request.
const CHANGE_ACK: MissedDeadline = {
	due: (now) => sql`${WORKING} and ${orders.changeAckDueAt} <= ${now.toISOString()}::timestamptz
		and not exists (select 1 from order_exceptions e where e.order_id = ${orders.id} and e.kind = 'deadline_breached'
			and e.opened_at >= ${orders.changePendingSince})`,
	flagged: (order) =>
		sql`${orderExceptions.openedAt} >= ${order.changePendingSince!.toISOString()}::timestamptz`,
	dueAt: orders.changeAckDueAt,
	detail: (order) =>
		`The change requested ${utc(order.changePendingSince!)} was not acknowledged by ${utc(order.changeAckDueAt!)}.`,
}

async function flagNextMissedDeadline(db: Database, now: Date, deadline: MissedDeadline) {
	return db.transaction(async (tx): Promise<'flagged' | 'already flagged' | null> => {
		const [order] = await tx
			.select()
			.from(orders)
			.where(deadline.due(now))
			.orderBy(deadline.dueAt, orders.id)
			.limit(1)
			.for('update', { skipLocked: true })
		if (!order) return null
		// The "not flagged yet" above was read before the row lock: another runner may have
		// committed its exception for this order in between (it changes no order column, so
		// PostgreSQL does not re-check the row). Asked again now, under the lock, it is certain.
		const [already] = await tx
			.select({ id: orderExceptions.id })
			.from(orderExceptions)
			.where(
				and(
					eq(orderExceptions.orderId, order.id),
					eq(orderExceptions.kind, 'deadline_breached'),
					deadline.flagged(order),
				),
			)
			.limit(1)
		if (already) return 'already flagged'
		const journal = createJournal()
		await openException(tx, journal, {
			order,
			kind: 'deadline_breached',
			detail: deadline.detail(order),
			supplierId: order.assignedSupplierId,
			ownerUserId: order.placedByUserId,
			actor: SYSTEM_ACTOR,
			now,
		})
		await flushJournal(tx, journal)
		return 'flagged'
	})
}

/**
 * Runs `expireOverdueOffers` every `intervalMs` (first run at once, which also
 * catches offers that expired while the server was down) until stopped.
 */
export function startOfferExpiryJob({
	db = getDb(),
	intervalMs = 15_000,
}: { db?: Database; intervalMs?: number } = {}): PeriodicJob {
	const batchSize = 50
	return startPeriodicJob({
		name: 'offer-expiry',
		intervalMs,
		async run(isStopped) {
			let result: OfferExpiryResult
			do {
				result = await expireOverdueOffers(db, { now: new Date(), batchSize })
				if (result.expired + result.deadlinesBreached > 0) logEvent('offer-expiry.processed', result)
				// A full batch means more may be due: drain now instead of waiting a whole interval.
			} while (!isStopped() && (result.expired === batchSize || result.deadlinesBreached === batchSize))
		},
	})
}
