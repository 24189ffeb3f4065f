import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import { type Executor, schema } from '#app/utils/db.server.ts'

const { users } = schema

/**
 * One member of the caller's own supplier organisation, or null. The supplier
 * id comes from the session; a user of another supplier is simply not found.
 */
export async function getSupplierTeamMember(db: Executor, { supplierId, userId }: { supplierId: string; userId: string }) {
	if (!z.uuid().safeParse(userId).success) return null
	const [member] = await db
		.select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt, createdAt: users.createdAt })
		.from(users)
		.where(and(eq(users.id, userId), eq(users.supplierId, supplierId)))
	return member ?? null
}
