import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import { isInvitationOpen } from '#app/domain/auth/invitation.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'

const {
	categories,
	orderClasses,
	supplierCapabilities,
	supplierStatusChanges,
	suppliers,
	userInvitations,
	users,
} = schema

export type SupplierPersonState = 'active' | 'disabled' | 'invited' | 'invitation_expired'

/**
 * Everything the buyer's supplier page shows: profile, people (accounts and
 * invitations not yet accepted), capabilities and status history. Null for an
 * unknown or malformed id.
 */
export async function getSupplierDetail(
	db: Executor,
	{ supplierId, now = new Date() }: { supplierId: string; now?: Date },
) {
	if (!z.uuid().safeParse(supplierId).success) return null
	const [supplier] = await db
		.select({
			id: suppliers.id,
			name: suppliers.name,
			status: suppliers.status,
			regions: suppliers.regions,
			contactEmail: suppliers.contactEmail,
			contactPhone: suppliers.contactPhone,
			timeZone: suppliers.timeZone,
			available24x7: suppliers.available24x7,
			createdAt: suppliers.createdAt,
		})
		.from(suppliers)
		.where(eq(suppliers.id, supplierId))
	if (!supplier) return null

	const [accounts, invitations, capabilities, history] = await Promise.all([
		db
			.select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
			.from(users)
			.where(eq(users.supplierId, supplierId))
			.orderBy(asc(users.name), asc(users.email)),
		db
			.select({
				id: userInvitations.id,
				name: userInvitations.name,
				email: userInvitations.email,
				expiresAt: userInvitations.expiresAt,
				acceptedAt: userInvitations.acceptedAt,
				revokedAt: userInvitations.revokedAt,
			})
			.from(userInvitations)
			.where(
				and(
					eq(userInvitations.supplierId, supplierId),
					isNull(userInvitations.acceptedAt),
					isNull(userInvitations.revokedAt),
				),
			)
			.orderBy(desc(userInvitations.createdAt)),
		db
			.select({
				id: supplierCapabilities.id,
				categoryName: categories.name,
				orderClassName: orderClasses.name,
				weeklyCapacity: supplierCapabilities.weeklyCapacity,
				capacityUnit: supplierCapabilities.capacityUnit,
				leadTimeHours: supplierCapabilities.leadTimeHours,
				regions: supplierCapabilities.regions,
				available24x7: supplierCapabilities.available24x7,
				pausedAt: supplierCapabilities.pausedAt,
			})
			.from(supplierCapabilities)
			.innerJoin(categories, eq(categories.id, supplierCapabilities.categoryId))
			.innerJoin(orderClasses, eq(orderClasses.id, supplierCapabilities.orderClassId))
			.where(eq(supplierCapabilities.supplierId, supplierId))
			.orderBy(asc(categories.name), asc(orderClasses.priorityRank)),
		db
			.select({
				id: supplierStatusChanges.id,
				fromStatus: supplierStatusChanges.fromStatus,
				toStatus: supplierStatusChanges.toStatus,
				reason: supplierStatusChanges.reason,
				changedAt: supplierStatusChanges.changedAt,
				changedByName: users.name,
			})
			.from(supplierStatusChanges)
			.leftJoin(users, eq(users.id, supplierStatusChanges.changedByUserId))
			.where(eq(supplierStatusChanges.supplierId, supplierId))
			.orderBy(desc(supplierStatusChanges.changedAt), desc(supplierStatusChanges.id)),
	])

	const people = [
		...accounts.map((u) => ({
			id: u.id,
			name: u.name,
			email: u.email,
			state: (u.disabledAt ? 'disabled' : 'active') as SupplierPersonState,
		})),
		...latestPerEmail(invitations)
			// An address that already has an account is listed once, as the account.
			.filter((i) => !accounts.some((u) => u.email === i.email))
			.map((i) => ({
				id: i.id,
				name: i.name,
				email: i.email,
				state: (isInvitationOpen(i, now) ? 'invited' : 'invitation_expired') as SupplierPersonState,
			})),
	]
	return { supplier, people, capabilities, history }
}

// Invitations come newest first; a re-sent invitation replaces the expired one in the list.
function latestPerEmail<T extends { email: string }>(invitations: T[]): T[] {
	const seen = new Set<string>()
	return invitations.filter((i) => !seen.has(i.email) && seen.add(i.email))
}

export type SupplierDetail = NonNullable<Awaited<ReturnType<typeof getSupplierDetail>>>
