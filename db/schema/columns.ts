import { timestamp, uuid } from 'drizzle-orm/pg-core'

/** Primary key shared by every entity table: a v4 UUID made by PostgreSQL. */
export const id = () => uuid().primaryKey().defaultRandom()

export const timestamps = {
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
}
