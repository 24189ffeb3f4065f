import { sql } from 'drizzle-orm'
import {
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	text,
	timestamp,
	unique,
	uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth.ts'
import { categories, orderClasses } from './catalog.ts'
import { id, timestamps } from './columns.ts'
import { suppliers } from './suppliers.ts'

export const contractStatus = pgEnum('contract_status', ['draft', 'negotiating', 'active', 'expired', 'terminated'])
export const negotiationSide = pgEnum('negotiation_side', ['buyer', 'supplier'])
export const contractVersionStatus = pgEnum('contract_version_status', [
	'draft',
	'proposed',
	'accepted',
	'countered',
	'withdrawn',
	'superseded',
])

/** A contract between the buying organisation and one supplier; its terms live in versions. */
export const contracts = pgTable(
	'contracts',
	{
		id: id(),
		// Human reference, e.g. CT-2026-0007.
		number: text().notNull().unique(),
		supplierId: uuid()
			.notNull()
			.references(() => suppliers.id, { onDelete: 'restrict' }),
		title: text().notNull(),
		currency: text().notNull().default('EUR'),
		startsOn: date({ mode: 'string' }).notNull(),
		endsOn: date({ mode: 'string' }).notNull(),
		status: contractStatus().notNull().default('draft'),
		// The accepted version whose terms bind both sides; null until the first acceptance.
		bindingVersionId: uuid(),
		// Optimistic lock: every state change bumps it, so two concurrent accepts cannot both win.
		lockVersion: integer().notNull().default(1),
		createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		supersededByContractId: uuid(),
		terminatedAt: timestamp({ withTimezone: true }),
		terminationReason: text(),
		expiryWarnedAt: timestamp({ withTimezone: true }),
		...timestamps,
	},
	(t) => [
		index('contracts_supplier_idx').on(t.supplierId, t.status),
		index('contracts_ends_on_idx').on(t.endsOn),
		check('contracts_period_valid', sql`${t.endsOn} >= ${t.startsOn}`),
	],
)

/**
 * One proposal in the negotiation. Once proposed, a version and its terms never
 * change (the database refuses edits to terms of a non-draft version); the other
 * side accepts it or counters with a new version.
 */
export const contractVersions = pgTable(
	'contract_versions',
	{
		id: id(),
		contractId: uuid()
			.notNull()
			.references(() => contracts.id, { onDelete: 'cascade' }),
		number: integer().notNull(),
		proposedBy: negotiationSide().notNull(),
		proposedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		status: contractVersionStatus().notNull().default('draft'),
		note: text().notNull().default(''),
		proposedAt: timestamp({ withTimezone: true }),
		respondedAt: timestamp({ withTimezone: true }),
		respondedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [unique('contract_versions_number_uq').on(t.contractId, t.number)],
)

export type PriceTier = { minQuantity: number; unitPriceMinor: number }

/** Terms for one (order class, category or any category) inside a contract version. */
export const contractTerms = pgTable(
	'contract_terms',
	{
		id: id(),
		contractVersionId: uuid()
			.notNull()
			.references(() => contractVersions.id, { onDelete: 'cascade' }),
		orderClassId: uuid()
			.notNull()
			.references(() => orderClasses.id, { onDelete: 'restrict' }),
		// Null means the term covers every category of the class.
		categoryId: uuid().references(() => categories.id, { onDelete: 'restrict' }),
		// Either a flat unit price or quantity tiers (required for bulk), in minor units.
		unitPriceMinor: integer(),
		priceTiers: jsonb().$type<PriceTier[]>().notNull().default([]),
		ackSlaMinutes: integer().notNull(),
		deliverySlaHours: integer().notNull(),
		// Percentages in basis points (1 % = 100) so no float ever touches money.
		prioritySurchargeBps: integer().notNull().default(0),
		penaltyPerBreachBps: integer().notNull().default(0),
		guaranteed24x7: boolean().notNull().default(false),
		volumeCommitmentPerMonth: integer(),
		...timestamps,
	},
	(t) => [
		index('contract_terms_version_idx').on(t.contractVersionId),
		index('contract_terms_match_idx').on(t.orderClassId, t.categoryId),
	],
)
