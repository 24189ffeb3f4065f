import { sql } from 'drizzle-orm'
import {
	bigserial,
	boolean,
	check,
	date,
	index,
	integer,
	jsonb,
	pgEnum,
	pgTable,
	primaryKey,
	text,
	timestamp,
	unique,
	uuid,
} from 'drizzle-orm/pg-core'
import { users } from './auth.ts'
import { orderClasses } from './catalog.ts'
import { id } from './columns.ts'
import { orders } from './orders.ts'
import { suppliers } from './suppliers.ts'

/**
 * Scorecard weights per class, standings with their consequences and the minimum
 * number of orders, versioned like class policies: every edit is a new row and the
 * highest version is in force; snapshots name the version they were scored with.
 */
export const scorecardPolicies = pgTable('scorecard_policies', {
	version: integer().primaryKey(),
	// { [orderClassKey]: ScorecardWeights }; classes without an entry use the fallback weights.
	weightsByClass: jsonb().notNull(),
	standings: jsonb().notNull(),
	minOrders: integer().notNull(),
	changeNote: text().notNull().default(''),
	createdByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

// The additive counters of app/domain/scorecards/scorecard-counters.ts, one column each.
const counterColumns = () => ({
	offersResolved: integer().notNull().default(0),
	offersAnsweredInTime: integer().notNull().default(0),
	offersAccepted: integer().notNull().default(0),
	deliveries: integer().notNull().default(0),
	deliveriesWithDueTime: integer().notNull().default(0),
	deliveriesOnTime: integer().notNull().default(0),
	closures: integer().notNull().default(0),
	closuresWithoutRework: integer().notNull().default(0),
	finished: integer().notNull().default(0),
	finishedWithSupplierException: integer().notNull().default(0),
	cycleMinutes: integer().array().notNull().default(sql`'{}'::integer[]`),
	changeAckMinutes: integer().array().notNull().default(sql`'{}'::integer[]`),
})

/**
 * Counters per supplier × class × UTC day, kept in the same transaction as the
 * order events they come from (see app/models/scorecard/rollups.server.ts). The
 * rolling 90 days that steer routing sum these.
 */
export const scorecardDailyRollups = pgTable(
	'scorecard_daily_rollups',
	{
		supplierId: uuid()
			.notNull()
			.references(() => suppliers.id, { onDelete: 'cascade' }),
		orderClassId: uuid()
			.notNull()
			.references(() => orderClasses.id, { onDelete: 'cascade' }),
		day: date({ mode: 'string' }).notNull(),
		...counterColumns(),
	},
	(t) => [
		primaryKey({ columns: [t.supplierId, t.orderClassId, t.day] }),
		index('scorecard_daily_rollups_day_idx').on(t.day),
	],
)

/** The same counters per calendar month (UTC), so a month's page reads one row per supplier × class. */
export const scorecardMonthlyRollups = pgTable(
	'scorecard_monthly_rollups',
	{
		supplierId: uuid()
			.notNull()
			.references(() => suppliers.id, { onDelete: 'cascade' }),
		orderClassId: uuid()
			.notNull()
			.references(() => orderClasses.id, { onDelete: 'cascade' }),
		// 'YYYY-MM'
		month: text().notNull(),
		...counterColumns(),
	},
	(t) => [
		primaryKey({ columns: [t.supplierId, t.orderClassId, t.month] }),
		index('scorecard_monthly_rollups_month_idx').on(t.month),
	],
)

/**
 * A published month: counters, metrics, score and standing as scored with one
 * policy version, and the hash of the inputs (the evidence events) so that a
 * recomputation from the events can prove it. The database refuses to change one.
 */
export const scorecardSnapshots = pgTable(
	'scorecard_snapshots',
	{
		id: id(),
		supplierId: uuid()
			.notNull()
			.references(() => suppliers.id, { onDelete: 'restrict' }),
		orderClassId: uuid()
			.notNull()
			.references(() => orderClasses.id, { onDelete: 'restrict' }),
		month: text().notNull(),
		counters: jsonb().notNull(),
		metrics: jsonb().notNull(),
		// Score × 10 (one decimal), null for insufficient data.
		scoreDeci: integer(),
		standingKey: text(),
		orderCount: integer().notNull(),
		policyVersion: integer()
			.notNull()
			.references(() => scorecardPolicies.version, { onDelete: 'restrict' }),
		inputsHash: text().notNull(),
		publishedAt: timestamp({ withTimezone: true }).notNull(),
	},
	(t) => [
		unique('scorecard_snapshots_period_uq').on(t.supplierId, t.orderClassId, t.month),
		index('scorecard_snapshots_month_idx').on(t.month),
	],
)

/** The standing in force per supplier × class (what the router obeys); absent = no standing yet. */
export const supplierStandings = pgTable(
	'supplier_standings',
	{
		supplierId: uuid()
			.notNull()
			.references(() => suppliers.id, { onDelete: 'cascade' }),
		orderClassId: uuid()
			.notNull()
			.references(() => orderClasses.id, { onDelete: 'cascade' }),
		standingKey: text().notNull(),
		standingLabel: text().notNull(),
		// The standing's consequences for this class, resolved when it was evaluated so routing reads one row.
		excludesClass: boolean().notNull().default(false),
		flagged: boolean().notNull().default(false),
		reviewAboveMinor: integer(),
		scoreDeci: integer(),
		policyVersion: integer().notNull(),
		since: timestamp({ withTimezone: true }).notNull(),
		evaluatedAt: timestamp({ withTimezone: true }).notNull(),
	},
	(t) => [primaryKey({ columns: [t.supplierId, t.orderClassId] })],
)

/** Every standing change with its reason, newest last. */
export const standingChanges = pgTable(
	'standing_changes',
	{
		id: bigserial({ mode: 'number' }).primaryKey(),
		supplierId: uuid()
			.notNull()
			.references(() => suppliers.id, { onDelete: 'cascade' }),
		orderClassId: uuid()
			.notNull()
			.references(() => orderClasses.id, { onDelete: 'cascade' }),
		fromKey: text(),
		toKey: text().notNull(),
		scoreDeci: integer(),
		policyVersion: integer().notNull(),
		reason: text().notNull(),
		changedAt: timestamp({ withTimezone: true }).notNull(),
	},
	(t) => [index('standing_changes_supplier_idx').on(t.supplierId, t.orderClassId, t.changedAt)],
)

export const disputeStatus = pgEnum('scorecard_dispute_status', ['open', 'upheld', 'corrected'])

/** A supplier's objection to one scorecard figure; a buyer upholds it or corrects the figure. */
export const scorecardDisputes = pgTable(
	'scorecard_disputes',
	{
		id: id(),
		supplierId: uuid()
			.notNull()
			.references(() => suppliers.id, { onDelete: 'cascade' }),
		orderClassId: uuid()
			.notNull()
			.references(() => orderClasses.id, { onDelete: 'cascade' }),
		month: text().notNull(),
		metric: text().notNull(),
		// The order the supplier disputes, when it names one.
		orderId: uuid().references(() => orders.id, { onDelete: 'set null' }),
		comment: text().notNull(),
		raisedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		raisedAt: timestamp({ withTimezone: true }).notNull(),
		status: disputeStatus().notNull().default('open'),
		resolution: text(),
		resolvedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		resolvedAt: timestamp({ withTimezone: true }),
		version: integer().notNull().default(1),
	},
	(t) => [
		index('scorecard_disputes_supplier_idx').on(t.supplierId, t.raisedAt),
		index('scorecard_disputes_open_idx').on(t.status, t.raisedAt),
		check('scorecard_disputes_comment_len', sql`char_length(${t.comment}) between 3 and 2000`),
	],
)

/**
 * A correction from a dispute: this order no longer counts in this metric for
 * this supplier. Recomputations (rollups and evidence) leave it out.
 */
export const scorecardCorrections = pgTable(
	'scorecard_corrections',
	{
		id: id(),
		disputeId: uuid()
			.notNull()
			.references(() => scorecardDisputes.id, { onDelete: 'cascade' }),
		supplierId: uuid()
			.notNull()
			.references(() => suppliers.id, { onDelete: 'cascade' }),
		orderId: uuid()
			.notNull()
			.references(() => orders.id, { onDelete: 'cascade' }),
		metric: text().notNull(),
		reason: text().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [unique('scorecard_corrections_uq').on(t.supplierId, t.orderId, t.metric)],
)
