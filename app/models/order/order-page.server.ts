import { asc, desc, eq } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { EXCEPTION_KIND_LABELS, orderEventLabel } from '#app/domain/orders/order-events.ts'
import { availableActions, type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import { type RankedCandidate } from '#app/domain/routing/rank-candidates.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { assertUuid } from './order-row.server.ts'
import { type StoredExclusion } from './route-order.server.ts'

const {
	categories,
	orderClasses,
	orderClassPolicies,
	orderEvents,
	orderExceptions,
	orderOffers,
	orders,
	routingDecisions,
	suppliers,
	users,
} = schema

/** What a buyer can do next on the order page; each maps to one model function. */
export type BuyerOrderAction =
	| 'approve'
	| 'reject'
	| 'close'
	| 'request_rework'
	| 'request_change'
	| 'cancel'
	| 'assign_manually'
	| 'edit_and_reroute'

export function buyerActionsFor(
	status: OrderStatus,
	{ isPlacer }: { isPlacer: boolean },
): BuyerOrderAction[] {
	const allowed = availableActions(status, 'buyer')
	const actions: BuyerOrderAction[] = []
	if (!isPlacer && allowed.includes('approve')) actions.push('approve', 'reject')
	if (allowed.includes('close')) actions.push('close')
	if (allowed.includes('request_rework')) actions.push('request_rework')
	if (allowed.includes('request_change')) actions.push('request_change')
	if (status === 'unroutable') actions.push('assign_manually', 'edit_and_reroute')
	if (allowed.includes('cancel')) actions.push('cancel')
	return actions
}

const preferred = alias(suppliers, 'preferred_suppliers')
const placedBy = alias(users, 'placed_by')
const reviewedBy = alias(users, 'reviewed_by')
const actors = alias(users, 'actors')
const eventSuppliers = alias(suppliers, 'event_suppliers')
const owners = alias(users, 'owners')

/**
 * Everything the buyer's order page shows: the order with its names, the
 * timeline (newest first), every routing decision ("why this supplier"), the
 * offers, the exceptions and the actions available. `viewerId` hides
 * approve/reject from the buyer who placed the order. Null when not found.
 */
export async function getOrderForBuyer(
	db: Executor,
	{ orderId, viewerId }: { orderId: string; viewerId?: string },
) {
	try {
		assertUuid(orderId)
	} catch {
		return null
	}
	const [order] = await db
		.select({
			order: orders,
			className: orderClasses.name,
			classKey: orderClasses.key,
			priorityRank: orderClasses.priorityRank,
			categoryName: categories.name,
			supplierName: suppliers.name,
			preferredSupplierName: preferred.name,
			placedByName: placedBy.name,
			reviewedByName: reviewedBy.name,
			policy: {
				version: orderClassPolicies.version,
				ackDeadlineMinutes: orderClassPolicies.ackDeadlineMinutes,
				deliveryTargetHours: orderClassPolicies.deliveryTargetHours,
				approvalThresholdMinor: orderClassPolicies.approvalThresholdMinor,
				contractRequired: orderClassPolicies.contractRequired,
				requires24x7: orderClassPolicies.requires24x7,
				routingMode: orderClassPolicies.routingMode,
				broadcastCount: orderClassPolicies.broadcastCount,
				weightPrice: orderClassPolicies.weightPrice,
				weightSpeed: orderClassPolicies.weightSpeed,
				weightReliability: orderClassPolicies.weightReliability,
				weightCapacity: orderClassPolicies.weightCapacity,
			},
		})
		.from(orders)
		.innerJoin(orderClasses, eq(orderClasses.id, orders.orderClassId))
		.innerJoin(orderClassPolicies, eq(orderClassPolicies.id, orders.orderClassPolicyId))
		.innerJoin(categories, eq(categories.id, orders.categoryId))
		.leftJoin(suppliers, eq(suppliers.id, orders.assignedSupplierId))
		.leftJoin(preferred, eq(preferred.id, orders.preferredSupplierId))
		.leftJoin(placedBy, eq(placedBy.id, orders.placedByUserId))
		.leftJoin(reviewedBy, eq(reviewedBy.id, orders.reviewedByUserId))
		.where(eq(orders.id, orderId))
	if (!order) return null

	const [events, decisions, offers, exceptions] = await Promise.all([
		db
			.select({
				id: orderEvents.id,
				type: orderEvents.type,
				fromStatus: orderEvents.fromStatus,
				toStatus: orderEvents.toStatus,
				actorUserId: orderEvents.actorUserId,
				actorName: actors.name,
				actorRole: orderEvents.actorRole,
				supplierId: orderEvents.supplierId,
				supplierName: eventSuppliers.name,
				data: orderEvents.data,
				occurredAt: orderEvents.occurredAt,
			})
			.from(orderEvents)
			.leftJoin(actors, eq(actors.id, orderEvents.actorUserId))
			.leftJoin(eventSuppliers, eq(eventSuppliers.id, orderEvents.supplierId))
			.where(eq(orderEvents.orderId, orderId))
			.orderBy(desc(orderEvents.occurredAt), desc(orderEvents.id)),
		db
			.select()
			.from(routingDecisions)
			.where(eq(routingDecisions.orderId, orderId))
			.orderBy(desc(routingDecisions.attempt), desc(routingDecisions.decidedAt)),
		db
			.select({ offer: orderOffers, supplierName: suppliers.name })
			.from(orderOffers)
			.innerJoin(suppliers, eq(suppliers.id, orderOffers.supplierId))
			.where(eq(orderOffers.orderId, orderId))
			.orderBy(desc(orderOffers.offeredAt), asc(orderOffers.rank)),
		db
			.select({ exception: orderExceptions, ownerName: owners.name })
			.from(orderExceptions)
			.leftJoin(owners, eq(owners.id, orderExceptions.ownerUserId))
			.where(eq(orderExceptions.orderId, orderId))
			.orderBy(desc(orderExceptions.openedAt)),
	])

	const { order: row, ...names } = order
	return {
		order: { ...row, ...names },
		events: events.map((e) => ({
			...e,
			label: orderEventLabel(e.type),
			data: e.data as Record<string, unknown>,
		})),
		decisions: decisions.map((d) => ({
			id: d.id,
			attempt: d.attempt,
			mode: d.mode,
			outcome: d.outcome,
			decidedAt: d.decidedAt,
			offeredSupplierIds: d.offeredSupplierIds,
			candidates: d.candidates as RankedCandidate[],
			excluded: d.excluded as StoredExclusion[],
		})),
		offers: offers.map(({ offer, supplierName }) => ({ ...offer, supplierName })),
		exceptions: exceptions.map(({ exception, ownerName }) => ({
			...exception,
			kindLabel: EXCEPTION_KIND_LABELS[exception.kind],
			ownerName,
		})),
		actions: buyerActionsFor(row.status, {
			isPlacer: viewerId !== undefined && viewerId === row.placedByUserId,
		}),
	}
}

export type BuyerOrderPage = NonNullable<Awaited<ReturnType<typeof getOrderForBuyer>>>
