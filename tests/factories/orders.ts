import { randomUUID } from 'node:crypto'
import { desc, eq, sql } from 'drizzle-orm'
import { type Executor } from '#app/utils/db.server.ts'
import { orderClassPolicies, orderEvents, orderExceptions, orderOffers, orders } from '#db/schema/index.ts'

export type NewOrder = typeof orders.$inferInsert
export type OrderRow = typeof orders.$inferSelect

/**
 * Inserts an order row as it is, without the model's rules: for tests and demo
 * data that need an order in a given state with a given history. Needs the
 * class and category; the policy defaults to the class's current one and the
 * number to the next from order_number_seq.
 */
export async function insertOrder(
	db: Executor,
	overrides: Partial<NewOrder> & Pick<NewOrder, 'orderClassId' | 'categoryId'>,
): Promise<OrderRow> {
	const createdAt = overrides.createdAt ?? new Date()
	const orderClassPolicyId =
		overrides.orderClassPolicyId ?? (await currentPolicyId(db, overrides.orderClassId))
	const [inserted] = await db
		.insert(orders)
		.values({
			number: sql`'PO-' || ${String(createdAt.getUTCFullYear())} || '-' || lpad(nextval('order_number_seq')::text, 6, '0')`,
			quantity: 10,
			unit: 'units',
			description: `Test order ${randomUUID().slice(0, 8)}`,
			region: 'EU-West',
			neededBy: new Date(createdAt.getTime() + 7 * 86_400_000),
			status: 'submitted',
			submittedAt: createdAt,
			...overrides,
			orderClassPolicyId,
			createdAt,
			updatedAt: overrides.updatedAt ?? createdAt,
		})
		.returning()
	if (!inserted) throw new Error('Inserting the order returned no row')
	return inserted
}

async function currentPolicyId(db: Executor, orderClassId: string) {
	const [policy] = await db
		.select({ id: orderClassPolicies.id })
		.from(orderClassPolicies)
		.where(eq(orderClassPolicies.orderClassId, orderClassId))
		.orderBy(desc(orderClassPolicies.version))
		.limit(1)
	if (!policy) throw new Error(`Order class ${orderClassId} has no policy`)
	return policy.id
}

export type NewOffer = typeof orderOffers.$inferInsert

/** Inserts an offer row directly (pending, rank 1, one hour to answer unless told). */
export async function insertOffer(
	db: Executor,
	overrides: Partial<NewOffer> & Pick<NewOffer, 'orderId' | 'supplierId'>,
) {
	const offeredAt = overrides.offeredAt ?? new Date()
	const [inserted] = await db
		.insert(orderOffers)
		.values({
			rank: 1,
			scoreCenti: 5000,
			reasons: [],
			offeredAt,
			expiresAt: new Date(offeredAt.getTime() + 60 * 60_000),
			...overrides,
		})
		.returning()
	if (!inserted) throw new Error('Inserting the offer returned no row')
	return inserted
}

export type NewOrderEvent = typeof orderEvents.$inferInsert

/** Appends an order event directly (history for demo data and scorecard tests). */
export async function insertOrderEvent(
	db: Executor,
	overrides: Partial<NewOrderEvent> & Pick<NewOrderEvent, 'orderId' | 'type'>,
) {
	const [inserted] = await db
		.insert(orderEvents)
		.values({ occurredAt: new Date(), data: {}, ...overrides })
		.returning()
	if (!inserted) throw new Error('Inserting the order event returned no row')
	return inserted
}

export type NewOrderException = typeof orderExceptions.$inferInsert

export async function insertOrderException(
	db: Executor,
	overrides: Partial<NewOrderException> & Pick<NewOrderException, 'orderId' | 'kind'>,
) {
	const [inserted] = await db
		.insert(orderExceptions)
		.values({ detail: 'Test exception', openedAt: new Date(), ...overrides })
		.returning()
	if (!inserted) throw new Error('Inserting the exception returned no row')
	return inserted
}
