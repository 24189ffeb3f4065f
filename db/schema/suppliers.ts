import { boolean, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns.ts'

export const supplierStatus = pgEnum('supplier_status', ['invited', 'active', 'on_hold', 'blocked'])

export const suppliers = pgTable('suppliers', {
	id: id(),
	name: text().notNull(),
	status: supplierStatus().notNull().default('invited'),
	regions: text().array().notNull().default([]),
	contactEmail: text(),
	contactPhone: text(),
	timeZone: text().notNull().default('UTC'),
	available24x7: boolean().notNull().default(false),
	...timestamps,
})

/** Every move between invited/active/on_hold/blocked, with the reason a buyer gave. */
export const supplierStatusChanges = pgTable(
	'supplier_status_changes',
	{
		id: id(),
		supplierId: uuid()
			.notNull()
			.references(() => suppliers.id, { onDelete: 'cascade' }),
		fromStatus: supplierStatus().notNull(),
		toStatus: supplierStatus().notNull(),
		reason: text().notNull(),
		// No foreign key to users: this module sits below auth in the schema graph; the audit trail names the actor too.
		changedByUserId: uuid(),
		changedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index('supplier_status_changes_supplier_idx').on(t.supplierId, t.changedAt)],
)
