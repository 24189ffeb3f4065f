import { and, asc, count, eq, gt, ilike, isNull, or, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { type Role } from '#app/domain/permissions.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { suppliers, userInvitations, users } from '#db/schema/index.ts'

export type UserListItem = {
	id: string
	email: string
	name: string
	role: Role
	supplierName: string | null
	disabledAt: Date | null
	createdAt: Date
}

/** One page of users, optionally filtered by a name/email search and a role, with the total count. */
export async function listUsers(
	db: Executor,
	{
		search,
		role,
		limit,
		offset,
	}: { search?: string | null; role?: Role | null; limit: number; offset: number },
): Promise<{ users: UserListItem[]; total: number }> {
	const conditions: SQL[] = []
	const term = search?.trim()
	if (term) {
		// The search text is data, not a pattern: escape LIKE's wildcards.
		const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
		conditions.push(or(ilike(users.name, pattern), ilike(users.email, pattern))!)
	}
	if (role) conditions.push(eq(users.role, role))
	const where = conditions.length > 0 ? and(...conditions) : undefined

	const [rows, [totals]] = await Promise.all([
		db
			.select({
				id: users.id,
				email: users.email,
				name: users.name,
				role: users.role,
				supplierName: suppliers.name,
				disabledAt: users.disabledAt,
				createdAt: users.createdAt,
			})
			.from(users)
			.leftJoin(suppliers, eq(suppliers.id, users.supplierId))
			.where(where)
			.orderBy(asc(users.name), asc(users.email))
			.limit(limit)
			.offset(offset),
		db.select({ total: count() }).from(users).where(where),
	])
	return { users: rows, total: totals?.total ?? 0 }
}

export type PendingInvitation = {
	id: string
	email: string
	name: string
	role: Role
	supplierName: string | null
	invitedByName: string | null
	expiresAt: Date
}

/** Invitations that can still be accepted, soonest to expire first. */
export async function listPendingInvitations(
	db: Executor,
	{ now = new Date(), limit = 50 }: { now?: Date; limit?: number } = {},
): Promise<PendingInvitation[]> {
	const inviter = alias(users, 'inviter')
	return db
		.select({
			id: userInvitations.id,
			email: userInvitations.email,
			name: userInvitations.name,
			role: userInvitations.role,
			supplierName: suppliers.name,
			invitedByName: inviter.name,
			expiresAt: userInvitations.expiresAt,
		})
		.from(userInvitations)
		.leftJoin(suppliers, eq(suppliers.id, userInvitations.supplierId))
		.leftJoin(inviter, eq(inviter.id, userInvitations.invitedByUserId))
		.where(
			and(
				isNull(userInvitations.acceptedAt),
				isNull(userInvitations.revokedAt),
				gt(userInvitations.expiresAt, now),
			),
		)
		.orderBy(asc(userInvitations.expiresAt))
		.limit(limit)
}
