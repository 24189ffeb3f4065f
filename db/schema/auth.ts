import { sql } from 'drizzle-orm'
import { boolean, check, index, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { id, timestamps } from './columns.ts'
import { suppliers } from './suppliers.ts'

export const userRole = pgEnum('user_role', ['admin', 'buyer', 'supplier', 'auditor'])

export const users = pgTable(
	'users',
	{
		id: id(),
		// Stored lower-cased; the unique index is what makes two accounts per address impossible.
		email: text().notNull().unique(),
		name: text().notNull(),
		role: userRole().notNull(),
		supplierId: uuid().references(() => suppliers.id, { onDelete: 'restrict' }),
		passwordHash: text(),
		disabledAt: timestamp({ withTimezone: true }),
		...timestamps,
	},
	(t) => [
		index('users_supplier_id_idx').on(t.supplierId),
		// A supplier user belongs to exactly one supplier; nobody else belongs to one.
		check('users_supplier_membership', sql`(${t.role} = 'supplier') = (${t.supplierId} is not null)`),
	],
)

export const sessions = pgTable(
	'sessions',
	{
		// SHA-256 of the cookie token, hex: a leaked sessions table cannot be replayed.
		id: text().primaryKey(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		absoluteExpiresAt: timestamp({ withTimezone: true }).notNull(),
	},
	(t) => [index('sessions_user_id_idx').on(t.userId)],
)

export const userInvitations = pgTable(
	'user_invitations',
	{
		id: id(),
		email: text().notNull(),
		name: text().notNull(),
		role: userRole().notNull(),
		supplierId: uuid().references(() => suppliers.id, { onDelete: 'cascade' }),
		tokenHash: text().notNull().unique(),
		invitedByUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
		acceptedAt: timestamp({ withTimezone: true }),
		revokedAt: timestamp({ withTimezone: true }),
		...timestamps,
	},
	(t) => [index('user_invitations_email_idx').on(t.email)],
)

export const loginAttempts = pgTable(
	'login_attempts',
	{
		id: id(),
		email: text().notNull(),
		ip: text().notNull(),
		succeeded: boolean().notNull(),
		attemptedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index('login_attempts_email_idx').on(t.email, t.attemptedAt),
		index('login_attempts_ip_idx').on(t.ip, t.attemptedAt),
	],
)
