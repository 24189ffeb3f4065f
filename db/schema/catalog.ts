import { boolean, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { users } from './auth.ts'
import { id, timestamps } from './columns.ts'

export const routingMode = pgEnum('routing_mode', ['cascade', 'broadcast'])

/** What is bought: payroll processing, accounting, HR services, … */
export const categories = pgTable('categories', {
	id: id(),
	key: text().notNull().unique(),
	name: text().notNull(),
	description: text().notNull().default(''),
	retiredAt: timestamp({ withTimezone: true }),
	...timestamps,
})

/** How an order is bought: standard, urgent, bulk, one-time, emergency, and any the buyer adds. */
export const orderClasses = pgTable('order_classes', {
	id: id(),
	key: text().notNull().unique(),
	name: text().notNull(),
	description: text().notNull().default(''),
	priorityRank: integer().notNull(),
	retiredAt: timestamp({ withTimezone: true }),
	...timestamps,
})

/**
 * Each edit of a class's policy is a new row, so an order can keep the policy
 * version it was placed under. The class's current policy is its highest version.
 */
export const orderClassPolicies = pgTable(
	'order_class_policies',
	{
		id: id(),
		orderClassId: uuid()
			.notNull()
			.references(() => orderClasses.id, { onDelete: 'restrict' }),
		version: integer().notNull(),
		ackDeadlineMinutes: integer().notNull(),
		deliveryTargetHours: integer().notNull(),
		minQuantity: integer(),
		approvalThresholdMinor: integer(),
		currency: text().notNull().default('EUR'),
		justificationRequired: boolean().notNull().default(false),
		contractRequired: boolean().notNull().default(true),
		requires24x7: boolean().notNull().default(false),
		routingMode: routingMode().notNull().default('cascade'),
		broadcastCount: integer().notNull().default(1),
		weightPrice: integer().notNull(),
		weightSpeed: integer().notNull(),
		weightReliability: integer().notNull(),
		weightCapacity: integer().notNull(),
		changeNote: text().notNull().default(''),
		createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [unique('order_class_policies_version_uq').on(t.orderClassId, t.version)],
)
