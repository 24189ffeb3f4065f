import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { type Role } from '#app/domain/permissions.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { users } from '#db/schema/index.ts'
import { insertSupplier } from './suppliers.ts'

/** The password every factory user gets unless the test chooses another. */
export const TEST_PASSWORD = 'correct-horse-battery-staple'

export type NewUser = typeof users.$inferInsert
export type UserOverrides = Partial<Omit<NewUser, 'passwordHash'>> & {
	/** Plain password to hash; null for an account without one (e.g. invited, not yet accepted). */
	password?: string | null
}
export type InsertedUser = {
	id: string
	email: string
	name: string
	role: Role
	supplierId: string | null
	disabledAt: Date | null
	/** The plain password, so tests can log in with it. */
	password: string | null
}

/** Values for a user row, without the password hash. Unique email by default. */
export function buildUser(
	overrides: Partial<Omit<NewUser, 'passwordHash'>> = {},
): Omit<NewUser, 'passwordHash'> {
	const unique = randomUUID()
	return {
		email: `user-${unique}@procura.test`,
		name: `Test User ${unique.slice(0, 8)}`,
		role: 'buyer',
		...overrides,
	}
}

/**
 * Inserts a user with a known password (TEST_PASSWORD unless given). A
 * supplier user without `supplierId` gets a fresh supplier. For deterministic
 * data pass `email` (and `id`); with `ifExists: 'return'` an existing user with
 * that email is returned as it is, which makes seeding idempotent.
 */
export async function insertUser(
	db: Executor,
	{ password = TEST_PASSWORD, ...overrides }: UserOverrides = {},
	{ ifExists = 'error' }: { ifExists?: 'error' | 'return' } = {},
): Promise<InsertedUser> {
	const values = buildUser(overrides)
	values.email = values.email.toLowerCase()
	if (values.role === 'supplier' && !values.supplierId) values.supplierId = (await insertSupplier(db)).id

	const columns = {
		id: users.id,
		email: users.email,
		name: users.name,
		role: users.role,
		supplierId: users.supplierId,
		disabledAt: users.disabledAt,
	}
	const passwordHash = password === null ? null : await hashPassword(password)
	const insert = db.insert(users).values({ ...values, passwordHash })
	const [inserted] =
		ifExists === 'return'
			? await insert.onConflictDoNothing({ target: users.email }).returning(columns)
			: await insert.returning(columns)
	if (inserted) return { ...inserted, password }

	const [existing] = await db.select(columns).from(users).where(eq(users.email, values.email))
	if (!existing) throw new Error(`User ${values.email} neither inserted nor found`)
	return { ...existing, password }
}
