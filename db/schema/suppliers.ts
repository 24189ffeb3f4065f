import { boolean, pgEnum, pgTable, text } from 'drizzle-orm/pg-core'
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
