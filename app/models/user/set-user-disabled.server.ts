import { eq } from 'drizzle-orm'
import { can } from '#app/domain/permissions.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { invalidateUserSessions, type SessionUser } from '#app/utils/session.server.ts'
import { users } from '#db/schema/index.ts'

/**
 * Disables or re-enables an account. Disabling ends all of the user's sessions
 * in the same transaction, so they lose access on their very next request.
 * Setting the state it already has changes nothing and records nothing.
 */
export async function setUserDisabled(
	db: Executor,
	{
		actor,
		userId,
		disabled,
		now = new Date(),
	}: { actor: Pick<SessionUser, 'id' | 'role'>; userId: string; disabled: boolean; now?: Date },
): Promise<{ id: string; email: string; disabledAt: Date | null; changed: boolean }> {
	if (!can(actor.role, 'update', 'user', 'any')) {
		throw new AppError('FORBIDDEN', { message: 'Only administrators can disable or enable users.' })
	}
	if (disabled && actor.id === userId) {
		throw new AppError('RULE_VIOLATION', { message: 'You cannot disable your own account.' })
	}
	return db.transaction(async (tx) => {
		const [user] = await tx
			.select({
				id: users.id,
				email: users.email,
				supplierId: users.supplierId,
				disabledAt: users.disabledAt,
			})
			.from(users)
			.where(eq(users.id, userId))
			.for('update')
		if (!user) throw new AppError('NOT_FOUND', { message: 'This user does not exist.' })
		if (Boolean(user.disabledAt) === disabled) return { ...user, changed: false }

		const disabledAt = disabled ? now : null
		await tx.update(users).set({ disabledAt, updatedAt: now }).where(eq(users.id, userId))
		const sessionsEnded = disabled ? await invalidateUserSessions(tx, userId) : 0
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: disabled ? 'user.disabled' : 'user.enabled',
			entityType: 'user',
			entityId: userId,
			supplierId: user.supplierId,
			before: { disabledAt: user.disabledAt },
			after: disabled ? { disabledAt, sessionsEnded } : { disabledAt },
			occurredAt: now,
		})
		return { id: user.id, email: user.email, disabledAt, changed: true }
	})
}
