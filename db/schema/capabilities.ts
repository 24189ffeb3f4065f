import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { categories, orderClasses } from './catalog.ts'
import { id, timestamps } from './columns.ts'
import { suppliers } from './suppliers.ts'

export const capacityUnit = pgEnum('capacity_unit', ['units', 'orders'])

/** A supplier's declaration that it serves one (category, order class), and how much of it. */
export const supplierCapabilities = pgTable(
	'supplier_capabilities',
	{
		id: id(),
		supplierId: uuid()
			.notNull()
			.references(() => suppliers.id, { onDelete: 'cascade' }),
		categoryId: uuid()
			.notNull()
			.references(() => categories.id, { onDelete: 'restrict' }),
		orderClassId: uuid()
			.notNull()
			.references(() => orderClasses.id, { onDelete: 'restrict' }),
		weeklyCapacity: integer().notNull(),
		capacityUnit: capacityUnit().notNull().default('units'),
		leadTimeHours: integer().notNull(),
		regions: text().array().notNull().default([]),
		available24x7: boolean().notNull().default(false),
		// A lead time beyond the class's delivery target is allowed only with a note saying why.
		exceptionNote: text(),
		pausedAt: timestamp({ withTimezone: true }),
		...timestamps,
	},
	(t) => [
		unique('supplier_capabilities_pair_uq').on(t.supplierId, t.categoryId, t.orderClassId),
		index('supplier_capabilities_match_idx').on(t.categoryId, t.orderClassId),
		check('supplier_capabilities_capacity_positive', sql`${t.weeklyCapacity} > 0`),
		check('supplier_capabilities_lead_time_positive', sql`${t.leadTimeHours} > 0`),
	],
)
