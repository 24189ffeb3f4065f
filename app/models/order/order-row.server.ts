import { and, eq, exists, sql } from 'drizzle-orm'
import { z } from 'zod'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, type Transaction, schema } from '#app/utils/db.server.ts'

const { orders, orderOffers } = schema

export type OrderRow = typeof orders.$inferSelect
export type OrderChanges = Partial<Omit<typeof orders.$inferInsert, 'id' | 'version'>>

export const STALE_ORDER_MESSAGE =
	'This order changed while you were looking at it — reload to see the latest.'
const NOT_FOUND_MESSAGE = 'This order does not exist.'

const Uuid = z.uuid()

/** A malformed id matches nothing; asking PostgreSQL would fail on the uuid cast instead. */
export function assertUuid(id: string, what = 'order') {
	if (!Uuid.safeParse(id).success)
		throw new AppError('NOT_FOUND', { message: `This ${what} does not exist.` })
}

/**
 * Whose order it must be. Supplier-side calls pass the session's supplier:
 * 'assigned' for work on an accepted order, 'offered' for any order the
 * supplier has (or had) an offer for. Another supplier's order is NOT_FOUND.
 */
export type OrderScope = { supplierId: string; as: 'assigned' | 'offered' } | null

/**
 * Locks the order row for the rest of the transaction and checks the version
 * the caller's form was built from: a stale one is refused before anything changes.
 */
export async function lockOrder(
	tx: Transaction,
	{
		orderId,
		expectedVersion,
		scope = null,
	}: { orderId: string; expectedVersion?: number; scope?: OrderScope },
): Promise<OrderRow> {
	assertUuid(orderId)
	if (scope) assertUuid(scope.supplierId, 'supplier')
	const [order] = await tx
		.select()
		.from(orders)
		.where(and(eq(orders.id, orderId), scopeCondition(tx, scope)))
		.for('update', { of: orders })
		.prepare(scope ? `order_lock_${scope.as}` : 'order_lock')
		.execute()
	if (!order) throw new AppError('NOT_FOUND', { message: NOT_FOUND_MESSAGE })
	if (expectedVersion !== undefined && order.version !== expectedVersion) {
		throw new AppError('CONFLICT', { message: STALE_ORDER_MESSAGE })
	}
	return order
}

function scopeCondition(db: Executor, scope: OrderScope) {
	if (!scope) return undefined
	if (scope.as === 'assigned') return eq(orders.assignedSupplierId, scope.supplierId)
	return exists(
		db
			.select({ one: sql`1` })
			.from(orderOffers)
			.where(and(eq(orderOffers.orderId, orders.id), eq(orderOffers.supplierId, scope.supplierId))),
	)
}

/**
 * Saves the changes and bumps the version, guarded by the version that was read:
 * the row is locked, so this only fails if a caller forgot to lock it first.
 */
export async function saveOrder(tx: Transaction, order: OrderRow, changes: OrderChanges, now: Date) {
	const [saved] = await tx
		.update(orders)
		.set({ ...changes, version: sql`${orders.version} + 1`, updatedAt: now })
		.where(and(eq(orders.id, order.id), eq(orders.version, order.version)))
		.returning({ version: orders.version })
	if (!saved) throw new AppError('CONFLICT', { message: STALE_ORDER_MESSAGE })
	return saved.version
}
