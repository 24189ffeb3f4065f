import { sql } from 'drizzle-orm'
import {
	type AnyPgColumn,
	bigserial,
	check,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgSequence,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth.ts'
import { supplierCapabilities } from './capabilities.ts'
import { categories, orderClasses, orderClassPolicies, routingMode } from './catalog.ts'
import { id, timestamps } from './columns.ts'
import { contractTerms } from './contracts.ts'
import { suppliers } from './suppliers.ts'

export const orderStatus = pgEnum('order_status', [
	'draft',
	'submitted',
	'in_review',
	'approved',
	'rejected',
	'routing',
	'offered',
	'accepted',
	'in_progress',
	'delivered',
	'rework_requested',
	'closed',
	'cancelled',
	'unroutable',
])

/** Numbers orders PO-<year>-000123 across all instances without gaps from races. */
export const orderNumberSequence = pgSequence('order_number_seq', { startWith: 1 })

/**
 * 0 for the orders a supplier is working on, 1 for the rest: the supplier's order list shows its work
 * first, and orders_supplier_work_idx is built on the same expression so a page is read in order.
 */
export function supplierWorkRank(t: { status: AnyPgColumn }) {
	return sql`(case when ${t.status} in ('accepted', 'in_progress', 'rework_requested') then 0 else 1 end)`
}

export const orders = pgTable(
	'orders',
	{
		id: id(),
		number: text().notNull().unique(),
		orderClassId: uuid()
			.notNull()
			.references(() => orderClasses.id, { onDelete: 'restrict' }),
		// The policy version the order was placed under; later policy edits do not change it.
		orderClassPolicyId: uuid()
			.notNull()
			.references(() => orderClassPolicies.id, { onDelete: 'restrict' }),
		categoryId: uuid()
			.notNull()
			.references(() => categories.id, { onDelete: 'restrict' }),
		quantity: integer().notNull(),
		unit: text().notNull().default('units'),
		description: text().notNull(),
		region: text().notNull(),
		neededBy: timestamp({ withTimezone: true }).notNull(),
		justification: text(),
		preferredSupplierId: uuid().references(() => suppliers.id, { onDelete: 'set null' }),
		status: orderStatus().notNull().default('draft'),
		currency: text().notNull().default('EUR'),
		estimatedMinMinor: integer(),
		estimatedMaxMinor: integer(),
		agreedPriceMinor: integer(),
		assignedSupplierId: uuid().references(() => suppliers.id, { onDelete: 'restrict' }),
		// The contract term that priced the order (null for one-time orders without a contract).
		contractTermId: uuid().references(() => contractTerms.id, { onDelete: 'restrict' }),
		deliveredQuantity: integer(),
		// Set when the buyer changed quantity or needed-by and the supplier has not re-acknowledged yet.
		changePendingSince: timestamp({ withTimezone: true }),
		changeAckDueAt: timestamp({ withTimezone: true }),
		placedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		reviewedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		reviewNote: text(),
		cancelReason: text(),
		submittedAt: timestamp({ withTimezone: true }),
		acceptedAt: timestamp({ withTimezone: true }),
		deliveredAt: timestamp({ withTimezone: true }),
		closedAt: timestamp({ withTimezone: true }),
		// Optimistic lock: every transition bumps it; a stale form is refused.
		version: integer().notNull().default(1),
		...timestamps,
	},
	(t) => [
		index('orders_status_idx').on(t.status, t.neededBy),
		index('orders_supplier_idx').on(t.assignedSupplierId, t.status),
		// The supplier's order list: its work first, then by needed-by (a page of 25 of thousands).
		index('orders_supplier_work_idx')
			.on(t.assignedSupplierId, supplierWorkRank(t), t.neededBy, t.number.desc().nullsFirst())
			.where(sql`${t.assignedSupplierId} is not null`),
		// Intake's quantity history: the newest orders of one class in one category.
		index('orders_class_category_idx').on(t.orderClassId, t.categoryId, t.createdAt),
		// The buyer's order list, newest first (the index read backwards): 25 rows instead of sorting every order.
		index('orders_newest_idx').on(t.createdAt, t.number),
		// Its other two sorts, in their exact order (list-orders.server.ts), for the same reason.
		index('orders_needed_by_idx').on(t.neededBy, t.createdAt.desc().nullsFirst()),
		index('orders_value_idx').on(
			sql`(coalesce(${t.agreedPriceMinor}, ${t.estimatedMaxMinor})) desc nulls last`,
			t.createdAt.desc().nullsFirst(),
		),
		// The operations figures' orders closed in a window (closedWithin): only closed orders are in it.
		index('orders_closed_idx')
			.on(t.closedAt)
			.where(sql`${t.status} = 'closed'`),
		check('orders_quantity_positive', sql`${t.quantity} > 0`),
	],
)

export const offerResponse = pgEnum('offer_response', [
	'pending',
	'accepted',
	'declined',
	'expired',
	'withdrawn',
])

/** The order routed to one supplier. */
export const orderOffers = pgTable(
	'order_offers',
	{
		id: id(),
		orderId: uuid()
			.notNull()
			.references(() => orders.id, { onDelete: 'cascade' }),
		supplierId: uuid()
			.notNull()
			.references(() => suppliers.id, { onDelete: 'restrict' }),
		routingDecisionId: uuid().references(() => routingDecisions.id, { onDelete: 'set null' }),
		rank: integer().notNull(),
		// Score × 100 (0..10000), so it stays an integer.
		scoreCenti: integer().notNull(),
		reasons: jsonb().$type<string[]>().notNull().default([]),
		contractTermId: uuid().references(() => contractTerms.id, { onDelete: 'restrict' }),
		priceMinor: integer(),
		offeredAt: timestamp({ withTimezone: true }).notNull(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		response: offerResponse().notNull().default('pending'),
		respondedAt: timestamp({ withTimezone: true }),
		respondedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		declineReason: text(),
		// Manual assignment by a buyer (override of the router), with the reason given.
		overrideReason: text(),
	},
	(t) => [
		index('order_offers_order_idx').on(t.orderId),
		index('order_offers_supplier_idx').on(t.supplierId, t.response, t.expiresAt),
		index('order_offers_due_idx')
			.on(t.expiresAt)
			.where(sql`${t.response} = 'pending'`),
		// Two simultaneous accepts of a broadcast leave exactly one winner: the database says so.
		uniqueIndex('order_offers_one_acceptance_uq')
			.on(t.orderId)
			.where(sql`${t.response} = 'accepted'`),
	],
)

/** Every run of the router for an order: each candidate with its score, each exclusion with its rule. */
export const routingDecisions = pgTable(
	'routing_decisions',
	{
		id: id(),
		orderId: uuid()
			.notNull()
			.references(() => orders.id, { onDelete: 'cascade' }),
		attempt: integer().notNull(),
		mode: routingMode().notNull(),
		candidates: jsonb().notNull(),
		excluded: jsonb().notNull(),
		offeredSupplierIds: uuid().array().notNull().default([]),
		outcome: text().notNull(),
		decidedAt: timestamp({ withTimezone: true }).notNull(),
	},
	(t) => [index('routing_decisions_order_idx').on(t.orderId, t.attempt)],
)

/** Append-only history of an order; metrics are computed from it. */
export const orderEvents = pgTable(
	'order_events',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		orderId: uuid()
			.notNull()
			.references(() => orders.id, { onDelete: 'cascade' }),
		type: text().notNull(),
		fromStatus: orderStatus(),
		toStatus: orderStatus(),
		actorUserId: uuid(),
		actorRole: text(),
		supplierId: uuid(),
		data: jsonb().notNull().default({}),
		occurredAt: timestamp({ withTimezone: true }).notNull(),
	},
	(t) => [
		index('order_events_order_idx').on(t.orderId, t.occurredAt),
		index('order_events_supplier_idx').on(t.supplierId, t.occurredAt),
	],
)

export const exceptionKind = pgEnum('exception_kind', [
	'large_value',
	'missing_information',
	'unroutable',
	'deadline_breached',
	'dispute',
])
export const exceptionStatus = pgEnum('exception_status', ['open', 'resolved'])

/** Something about an order that needs a person. */
export const orderExceptions = pgTable(
	'order_exceptions',
	{
		id: id(),
		orderId: uuid()
			.notNull()
			.references(() => orders.id, { onDelete: 'cascade' }),
		kind: exceptionKind().notNull(),
		status: exceptionStatus().notNull().default('open'),
		detail: text().notNull(),
		// Set when the exception is the supplier's doing (counts against its scorecard).
		supplierId: uuid(),
		ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		openedAt: timestamp({ withTimezone: true }).notNull(),
		resolvedAt: timestamp({ withTimezone: true }),
		resolvedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		resolution: text(),
		...timestamps,
	},
	(t) => [
		index('order_exceptions_open_idx').on(t.status, t.openedAt),
		index('order_exceptions_order_idx').on(t.orderId),
	],
)

/** Capacity committed per capability and ISO week, kept in the transaction that accepts an offer. */
export const capabilityWeeklyLoad = pgTable(
	'capability_weekly_load',
	{
		capabilityId: uuid()
			.notNull()
			.references(() => supplierCapabilities.id, { onDelete: 'cascade' }),
		weekStart: date({ mode: 'string' }).notNull(),
		used: integer().notNull().default(0),
	},
	(t) => [primaryKey({ columns: [t.capabilityId, t.weekStart] })],
)
