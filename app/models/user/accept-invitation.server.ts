import { eq } from 'drizzle-orm'
import { INVALID_INVITATION_MESSAGE, isInvitationOpen } from '#app/domain/auth/invitation.ts'
import { passwordProblems } from '#app/domain/auth/password-policy.ts'
import { type Role } from '#app/domain/permissions.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { getDb, type Executor, type Transaction } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { createSession, type Session, type SessionUser } from '#app/utils/session.server.ts'
import { suppliers, userInvitations, users } from '#db/schema/index.ts'
import { hashInvitationToken } from './invitation-token.server.ts'

const TOKEN_PATTERN = /^[a-z2-7]{32}$/

export type OpenInvitation = {
	id: string
	email: string
	name: string
	role: Role
	supplierName: string | null
	expiresAt: Date
}

/** The open invitation behind a link's token, or null if unknown, expired, used or revoked. */
export async function getInvitationByToken(
	token: string,
	now: Date = new Date(),
	db: Executor = getDb(),
): Promise<OpenInvitation | null> {
	if (!TOKEN_PATTERN.test(token)) return null
	const [row] = await db
		.select({
			id: userInvitations.id,
			email: userInvitations.email,
			name: userInvitations.name,
			role: userInvitations.role,
			supplierName: suppliers.name,
			expiresAt: userInvitations.expiresAt,
			acceptedAt: userInvitations.acceptedAt,
			revokedAt: userInvitations.revokedAt,
		})
		.from(userInvitations)
		.leftJoin(suppliers, eq(suppliers.id, userInvitations.supplierId))
		.where(eq(userInvitations.tokenHash, hashInvitationToken(token)))
	if (!row || !isInvitationOpen(row, now)) return null
	const { acceptedAt: _a, revokedAt: _r, ...invitation } = row
	return invitation
}

/**
 * Accepts an invitation in one transaction: creates the account with the
 * chosen password (or sets the password of a password-less account made
 * earlier), marks the invitation used, records 'user.invitation_accepted' and
 * starts a session. The invitation row is locked, so a link works exactly once.
 */
export async function acceptInvitation(
	{ token, password, now = new Date() }: { token: string; password: string; now?: Date },
	db: Executor = getDb(),
): Promise<{ user: SessionUser; sessionToken: string; session: Session }> {
	const problem = passwordProblems(password)[0]
	if (problem) throw new AppError('RULE_VIOLATION', { message: problem, field: 'password' })
	if (!TOKEN_PATTERN.test(token)) throw new AppError('NOT_FOUND', { message: INVALID_INVITATION_MESSAGE })
	// Hashing takes tens of milliseconds: do it before taking any row lock.
	const passwordHash = await hashPassword(password)

	return db.transaction(async (tx) => {
		const [invitation] = await tx
			.select()
			.from(userInvitations)
			.where(eq(userInvitations.tokenHash, hashInvitationToken(token)))
			.for('update')
		if (!invitation || !isInvitationOpen(invitation, now)) {
			throw new AppError('NOT_FOUND', { message: INVALID_INVITATION_MESSAGE })
		}

		const user = await createOrActivateUser(tx, { ...invitation, passwordHash, now })
		await tx
			.update(userInvitations)
			.set({ acceptedAt: now, updatedAt: now })
			.where(eq(userInvitations.id, invitation.id))
		await recordAuditEvent(tx, {
			actorUserId: user.id,
			actorRole: user.role,
			action: 'user.invitation_accepted',
			entityType: 'user_invitation',
			entityId: invitation.id,
			supplierId: user.supplierId,
			after: { userId: user.id, email: user.email, role: user.role },
			occurredAt: now,
		})
		const { token: sessionToken, session } = await createSession(tx, user.id, now)
		return { user, sessionToken, session }
	})
}

async function createOrActivateUser(
	tx: Transaction,
	invitation: {
		email: string
		name: string
		role: Role
		supplierId: string | null
		passwordHash: string
		now: Date
	},
): Promise<SessionUser> {
	const { email, name, role, supplierId, passwordHash, now } = invitation
	const columns = {
		id: users.id,
		email: users.email,
		name: users.name,
		role: users.role,
		supplierId: users.supplierId,
	}
	const [existing] = await tx
		.select({ ...columns, passwordHash: users.passwordHash, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.email, email))
		.for('update')

	if (!existing) {
		const [created] = await tx
			.insert(users)
			.values({ email, name, role, supplierId, passwordHash, createdAt: now, updatedAt: now })
			.returning(columns)
		if (!created) throw new Error('Inserting the user returned no row')
		return created
	}
	// An invitation must never become a way to take over an account that already has a password.
	if (existing.passwordHash || existing.disabledAt) {
		throw new AppError('RULE_VIOLATION', {
			message: 'An account with this email already exists. Sign in instead.',
		})
	}
	await tx.update(users).set({ passwordHash, updatedAt: now }).where(eq(users.id, existing.id))
	await recordAuditEvent(tx, {
		actorUserId: existing.id,
		actorRole: existing.role,
		action: 'user.password_set',
		entityType: 'user',
		entityId: existing.id,
		supplierId: existing.supplierId,
		occurredAt: now,
	})
	return {
		id: existing.id,
		email: existing.email,
		name: existing.name,
		role: existing.role,
		supplierId: existing.supplierId,
	}
}
