import { randomUUID } from 'node:crypto'
import { eq, sql } from 'drizzle-orm'
import { createElement } from 'react'
import { offerExpiresAt } from '#app/domain/orders/order-intake.ts'
import { reasonProblem } from '#app/domain/orders/order-events.ts'
import { priceFor } from '#app/domain/pricing/price-for.ts'
import { isRegion } from '#app/domain/regions.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { getOrderOfferSubject, OrderOfferEmail } from '#emails/order-offer.tsx'
import { assertBuyer, type BuyerCall } from './buyer-work.server.ts'
import { dayOf, loadBindingTerm, loadClassPolicy } from './candidates.server.ts'
import { resolveOpenExceptionsOf } from './open-exception.server.ts'
import { changeOrder, type ChangeResult, tellSuppliers } from './order-change.server.ts'
import { factsOf, formatPrice, isEmergency, orderUrl } from './order-emails.server.ts'
import { quantityProblems } from './order-input.server.ts'
import { note, transition } from './order-journal.server.ts'
import { assertUuid } from './order-row.server.ts'
import { routeWithin, type RoutingRun } from './route-order.server.ts'

const { orderOffers, routingDecisions, suppliers } = schema

/**
 * From unroutable, the buyer offers the order to a supplier of their choice: an
 * offer carrying the override reason, stored as a routing decision with outcome
 * 'override'. The supplier must be active; it still has to accept in time.
 */
export async function assignManually(
	db: Executor,
	{ supplierId, reason, ...call }: BuyerCall & { supplierId: string; reason: string },
): Promise<ChangeResult & { offerId: string; expiresAt: Date }> {
	const { actor, orderId, expectedVersion, now = new Date() } = call
	assertBuyer(actor)
	const problem = reasonProblem(reason, 'the reason for choosing this supplier')
	if (problem) throw new AppError('RULE_VIOLATION', { message: problem, field: 'reason' })
	assertUuid(supplierId, 'supplier')
	const text = reason.trim()
	const offerId = randomUUID()
	let expiresAt = now
	const result = await changeOrder(db, { actor, orderId, expectedVersion, now }, async (c) => {
		const { order } = c
		const [supplier] = await c.tx
			.select({ id: suppliers.id, name: suppliers.name, status: suppliers.status })
			.from(suppliers)
			.where(eq(suppliers.id, supplierId))
		if (!supplier)
			throw new AppError('RULE_VIOLATION', {
				message: 'Choose a supplier from the list.',
				field: 'supplierId',
			})
		if (supplier.status !== 'active') {
			throw new AppError('RULE_VIOLATION', {
				message: `${supplier.name} is ${supplier.status.replace('_', ' ')}; only active suppliers take orders.`,
				field: 'supplierId',
			})
		}
		const [policy, term] = await Promise.all([
			loadClassPolicy(c.tx, {
				orderClassId: order.orderClassId,
				categoryId: order.categoryId,
				policyId: order.orderClassPolicyId,
			}),
			loadBindingTerm(c.tx, {
				supplierId,
				orderClassId: order.orderClassId,
				categoryId: order.categoryId,
				day: dayOf(now),
			}),
		])
		if (!policy) throw new Error(`Order ${order.id} has no policy ${order.orderClassPolicyId}`)
		const quote = term
			? priceFor(term, order.quantity, { name: policy.className, minQuantity: policy.minQuantity })
			: null
		if (quote && !quote.ok)
			throw new AppError('RULE_VIOLATION', { message: quote.message, field: 'supplierId' })
		const priceMinor = quote?.ok ? quote.totalMinor : null
		expiresAt = offerExpiresAt(now, policy.ackDeadlineMinutes, term?.ackSlaMinutes ?? null)

		// Record the override as a routing decision, so "why this supplier" shows the buyer's reason.
		const decisionId = randomUUID()
		await c.tx.insert(routingDecisions).values({
			id: decisionId,
			orderId: order.id,
			attempt: sql`(select coalesce(max(d.attempt), 0) + 1 from routing_decisions d where d.order_id = ${order.id})`,
			mode: policy.routingMode,
			candidates: [],
			excluded: [],
			offeredSupplierIds: [supplierId],
			outcome: 'override',
			decidedAt: now,
		})
		await c.tx.insert(orderOffers).values({
			id: offerId,
			orderId: order.id,
			supplierId,
			routingDecisionId: decisionId,
			rank: 1,
			scoreCenti: 0,
			reasons: [`Assigned by ${actor.name}: ${text}`],
			contractTermId: term?.termId ?? null,
			priceMinor,
			offeredAt: now,
			expiresAt,
			overrideReason: text,
		})
		transition(c.journal, c.working, {
			action: 'offer',
			type: 'assigned_manually',
			actor: c.who,
			now,
			supplierId,
			data: { offerId, decisionId, reason: text, expiresAt: expiresAt.toISOString(), priceMinor },
		})
		await resolveOpenExceptionsOf(c.tx, c.journal, {
			order: c.working,
			kinds: ['unroutable'],
			resolution: `Assigned manually to ${supplier.name}: ${text}`,
			actor: c.who,
			now,
		})
		const facts = factsOf(order, { className: policy.className, categoryName: policy.categoryName ?? '' })
		await tellSuppliers(c, [supplierId], (_to, supplierName) => ({
			subject: getOrderOfferSubject({ facts, expiresAt, isEmergency: isEmergency(policy) }),
			react: createElement(OrderOfferEmail, {
				supplierName,
				facts,
				description: order.description,
				price: formatPrice(priceMinor, order.currency),
				expiresAt,
				isEmergency: isEmergency(policy),
				overrideReason: text,
				url: orderUrl('supplier', order.id),
			}),
		}))
	})
	return { ...result, offerId, expiresAt }
}

/**
 * From unroutable, the buyer edits quantity, needed-by or region and the order
 * is routed again at once. Suppliers that declined the old order get another chance.
 */
export async function editAndReroute(
	db: Executor,
	{
		quantity,
		neededBy,
		region,
		...call
	}: BuyerCall & { quantity?: number | null; neededBy?: Date | null; region?: string | null },
): Promise<ChangeResult & { routing: RoutingRun | null }> {
	const { actor, orderId, expectedVersion, now = new Date() } = call
	assertBuyer(actor)
	const [qtyProblem] = quantity === undefined || quantity === null ? [] : quantityProblems(quantity)
	if (qtyProblem) throw new AppError('RULE_VIOLATION', { message: qtyProblem.message, field: 'quantity' })
	if (neededBy && (Number.isNaN(neededBy.getTime()) || neededBy.getTime() <= now.getTime())) {
		throw new AppError('RULE_VIOLATION', {
			message: 'The needed-by time must be in the future.',
			field: 'neededBy',
		})
	}
	if (region && !isRegion(region))
		throw new AppError('RULE_VIOLATION', { message: 'Choose a region.', field: 'region' })
	let routing: RoutingRun | null = null
	const result = await changeOrder(db, { actor, orderId, expectedVersion, now }, async (c) => {
		if (c.order.status !== 'unroutable') {
			throw new AppError('RULE_VIOLATION', {
				message: 'Only an unroutable order can be edited and routed again.',
			})
		}
		const edited = {
			quantity: quantity ?? c.order.quantity,
			neededBy: neededBy ?? c.order.neededBy,
			region: region ?? c.order.region,
		}
		note(c.journal, {
			orderId: c.order.id,
			type: 'change_requested',
			from: c.order.status,
			to: c.order.status,
			actor: c.who,
			data: {
				edit: true,
				before: {
					quantity: c.order.quantity,
					neededBy: c.order.neededBy.toISOString(),
					region: c.order.region,
				},
				after: { ...edited, neededBy: edited.neededBy.toISOString() },
			},
			now,
		})
		Object.assign(c.working, edited)
		const policy = await loadClassPolicy(c.tx, {
			orderClassId: c.order.orderClassId,
			categoryId: c.order.categoryId,
			policyId: c.order.orderClassPolicyId,
		})
		if (!policy) throw new Error(`Order ${c.order.id} has no policy ${c.order.orderClassPolicyId}`)
		routing = await routeWithin(c.tx, c.journal, { order: c.working, policy, now, forgetPastDeclines: true })
		const prices = routing.candidates.map((r) => r.priceMinor).filter((p): p is number => p !== null)
		return {
			...edited,
			estimatedMinMinor: prices.length ? Math.min(...prices) : c.order.estimatedMinMinor,
			estimatedMaxMinor: prices.length ? Math.max(...prices) : c.order.estimatedMaxMinor,
		}
	})
	return { ...result, routing }
}
