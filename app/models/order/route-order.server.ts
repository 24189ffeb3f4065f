import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { offerExpiresAt, weekStartOf } from '#app/domain/orders/order-intake.ts'
import {
	rankCandidates,
	type RankedCandidate,
	type RoutingDecision,
} from '#app/domain/routing/rank-candidates.ts'
import { type Transaction, schema } from '#app/utils/db.server.ts'
import { insertRows } from '#app/utils/prepared-statements.server.ts'
import {
	type Candidate,
	type ClassPolicy,
	dayOf,
	loadCandidates,
	loadClassPolicy,
	routingOrderOf,
} from './candidates.server.ts'
import { hasOpenException, openException, resolveOpenExceptionsOf } from './open-exception.server.ts'
import { factsOf, supplierRecipients } from './order-emails.server.ts'
import {
	createJournal,
	flushJournal,
	type Journal,
	note,
	SYSTEM_ACTOR,
	transition,
} from './order-journal.server.ts'
import { lockOrder, type OrderRow, saveOrder } from './order-row.server.ts'
import {
	historyExclusions,
	loadPastOffers,
	type PastOffer,
	queueOfferEmail,
	type StoredExclusion,
	unroutableDetail,
} from './routing-parts.server.ts'

const { orderOffers, routingDecisions } = schema

export type { PastOffer, StoredExclusion } from './routing-parts.server.ts'

export type RoutingRun = {
	outcome: 'offered' | 'unroutable'
	decisionId: string
	candidates: RankedCandidate[]
	excluded: StoredExclusion[]
	offers: {
		offerId: string
		supplierId: string
		supplierName: string
		expiresAt: Date
		priceMinor: number | null
	}[]
}

export type RouteContext = {
	/** The locked order; its status is moved along in place. */
	order: OrderRow
	policy: ClassPolicy
	now: Date
	excludeSupplierIds?: readonly string[]
	/** The order's offers so far; loaded when not given ([] for an order placed in this transaction). */
	pastOffers?: readonly PastOffer[]
	/** Candidates already loaded in this transaction for the same (category, class, week). */
	candidates?: readonly Candidate[]
	/** Their ranking for this order at `now`, when the caller already ranked them (used without history exclusions). */
	ranked?: RoutingDecision
	/** After the buyer edited the order, suppliers that declined the old one get another chance. */
	forgetPastDeclines?: boolean
	/**
	 * A write of the caller's that must reach the database before the routing rows
	 * and needs the outcome (placeOrder inserts the new order with its final status
	 * here). It is issued first, in the same pipelined batch.
	 */
	writeFirst?: (status: 'offered' | 'unroutable') => Promise<unknown>
}

/**
 * One routing run inside the caller's transaction: moves the order to routing,
 * ranks the capable suppliers (one candidate query), stores the decision with
 * every candidate's score components and every exclusion with its rule, and
 * offers the order by the class's mode (cascade: the best; broadcast: the top K),
 * emailing each supplier its deadline. With no candidate left the order becomes
 * unroutable and an 'unroutable' exception opens (once), owned by the buyer who placed it.
 * The caller saves the order row (its status is updated in place).
 * Independent statements are sent together (postgres.js pipelines them on the
 * transaction's connection), so a run costs few round trips.
 */
export async function routeWithin(tx: Transaction, journal: Journal, ctx: RouteContext): Promise<RoutingRun> {
	const { order, policy, now } = ctx
	// Routing is the system's doing, whoever triggered it.
	const actor = SYSTEM_ACTOR
	const decisionId = randomUUID()
	const fresh = ctx.pastOffers !== undefined && ctx.pastOffers.length === 0
	const [pastOffers, allCandidates] =
		ctx.pastOffers && ctx.candidates
			? [ctx.pastOffers, ctx.candidates]
			: await Promise.all([
					ctx.pastOffers ?? loadPastOffers(tx, order.id),
					ctx.candidates ??
						loadCandidates(tx, {
							orderClassId: order.orderClassId,
							categoryId: order.categoryId,
							weekStart: weekStartOf(now),
							day: dayOf(now),
							region: order.region,
						}),
				])

	transition(journal, order, { action: 'start_routing', type: 'routed', actor, now, data: { decisionId } })

	const history = historyExclusions(pastOffers, ctx)
	const excluded: StoredExclusion[] = []
	const eligible = allCandidates.filter((c) => {
		const reason = history.get(c.supplierId)
		if (reason) excluded.push({ supplierId: c.supplierId, supplierName: c.supplierName, ...reason })
		return !reason
	})
	const decision =
		history.size === 0 && ctx.ranked
			? ctx.ranked
			: rankCandidates(routingOrderOf(order, policy), eligible, now)
	excluded.push(...decision.excluded)
	const chosen = decision.candidates.slice(
		0,
		policy.routingMode === 'broadcast' ? Math.max(1, policy.broadcastCount) : 1,
	)
	const outcome = chosen.length > 0 ? 'offered' : 'unroutable'

	const offers = chosen.map((c) => ({
		id: randomUUID(),
		orderId: order.id,
		supplierId: c.supplierId,
		routingDecisionId: decisionId,
		rank: c.rank,
		scoreCenti: Math.round(c.score * 100),
		reasons: c.reasons,
		contractTermId: c.termId,
		priceMinor: c.priceMinor,
		offeredAt: now,
		expiresAt: offerExpiresAt(now, policy.ackDeadlineMinutes, c.ackSlaMinutes),
	}))
	const writes: Promise<unknown>[] = []
	if (ctx.writeFirst) writes.push(ctx.writeFirst(outcome))
	const decisionRow = {
		id: decisionId,
		orderId: order.id,
		mode: policy.routingMode,
		candidates: decision.candidates,
		excluded,
		offeredSupplierIds: offers.map((o) => o.supplierId),
		outcome,
		decidedAt: now,
	}
	writes.push(
		fresh
			? insertRows(tx, routingDecisions, [{ ...decisionRow, attempt: 1 }])
			: // execute() sends it now: the offers below reference it and go out in this order.
				tx
					.insert(routingDecisions)
					.values({
						...decisionRow,
						attempt: sql`(select coalesce(max(d.attempt), 0) + 1 from routing_decisions d where d.order_id = ${order.id})`,
					})
					.execute(),
	)

	if (outcome === 'unroutable') {
		transition(journal, order, {
			action: 'mark_unroutable',
			type: 'unroutable',
			actor,
			now,
			data: { decisionId, excluded: excluded.length },
		})
		const [, alreadyOpen] = await Promise.all([
			Promise.all(writes),
			fresh ? false : hasOpenException(tx, order.id, 'unroutable'),
		])
		if (!alreadyOpen) {
			await openException(tx, journal, {
				order,
				kind: 'unroutable',
				detail: unroutableDetail(excluded, allCandidates.length),
				ownerUserId: order.placedByUserId,
				actor,
				now,
			})
		}
		return { outcome, decisionId, candidates: decision.candidates, excluded, offers: [] }
	}

	writes.push(insertRows(tx, orderOffers, offers))
	if (!fresh) {
		writes.push(
			resolveOpenExceptionsOf(tx, journal, {
				order,
				kinds: ['unroutable'],
				resolution: 'Routed again and offered to a supplier.',
				actor,
				now,
			}),
		)
	}
	const [recipients] = await Promise.all([
		supplierRecipients(
			tx,
			offers.map((o) => o.supplierId),
		),
		...writes,
	])
	const facts = factsOf(order, { className: policy.className, categoryName: policy.categoryName ?? '' })
	const from = order.status
	for (const [i, offer] of offers.entries()) {
		const data = {
			offerId: offer.id,
			decisionId,
			rank: offer.rank,
			expiresAt: offer.expiresAt.toISOString(),
		}
		if (i === 0)
			transition(journal, order, {
				action: 'offer',
				type: 'offered',
				actor,
				now,
				supplierId: offer.supplierId,
				data,
			})
		else
			note(journal, {
				orderId: order.id,
				type: 'offered',
				from,
				to: order.status,
				actor,
				supplierId: offer.supplierId,
				data,
				now,
			})
		const supplier = recipients.get(offer.supplierId)
		for (const to of supplier?.recipients ?? []) {
			queueOfferEmail(journal, {
				to: to.email,
				supplierName: supplier!.supplierName,
				order,
				policy,
				facts,
				offer,
			})
		}
	}
	return {
		outcome,
		decisionId,
		candidates: decision.candidates,
		excluded,
		offers: offers.map((o, i) => ({
			offerId: o.id,
			supplierId: o.supplierId,
			supplierName: chosen[i]!.supplierName,
			expiresAt: o.expiresAt,
			priceMinor: o.priceMinor,
		})),
	}
}

/**
 * Routes an order again in the caller's transaction (jobs, benchmark, tests):
 * locks it, runs one routing run as the system and saves it. Does not check a
 * version: the system acts on what it finds.
 */
export async function routeOrder(
	tx: Transaction,
	{
		orderId,
		now = new Date(),
		excludeSupplierIds,
	}: { orderId: string; now?: Date; excludeSupplierIds?: readonly string[] },
): Promise<RoutingRun> {
	const order = await lockOrder(tx, { orderId })
	const policy = await loadClassPolicy(tx, {
		orderClassId: order.orderClassId,
		categoryId: order.categoryId,
		policyId: order.orderClassPolicyId,
	})
	if (!policy) throw new Error(`Order ${orderId} has no policy ${order.orderClassPolicyId}`)
	const journal = createJournal()
	const before = order.version
	const run = await routeWithin(tx, journal, { order: { ...order }, policy, now, excludeSupplierIds })
	await saveOrder(tx, { ...order, version: before }, { status: run.outcome }, now)
	await flushJournal(tx, journal)
	return run
}
