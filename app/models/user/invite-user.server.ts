import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { createElement } from 'react'
import { invitationExpiresAt } from '#app/domain/auth/invitation.ts'
import { can, type Role } from '#app/domain/permissions.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, type Transaction } from '#app/utils/db.server.ts'
import { sendEmail } from '#app/utils/email.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { suppliers, userInvitations, users } from '#db/schema/index.ts'
import { getUserInvitationSubject, UserInvitationEmail } from '#emails/user-invitation.tsx'
import { generateInvitationToken, hashInvitationToken, invitationUrl } from './invitation-token.server.ts'

export type Actor = Pick<SessionUser, 'id' | 'name' | 'role'>

export type InviteUserInput = {
	actor: Actor
	email: string
	name: string
	role: Role
	supplierId?: string | null
	appUrl: string
	now?: Date
}

export type SentInvitation = { invitationId: string; email: string; expiresAt: Date; acceptUrl: string }

/**
 * Invites a person: stores the invitation (only the token's hash), records
 * 'user.invited' and queues the email with the single-use link, all in one
 * transaction. Refuses an address that already has an account or an open invitation.
 */
export async function inviteUser(db: Executor, input: InviteUserInput): Promise<SentInvitation> {
	if (!can(input.actor.role, 'create', 'invitation')) {
		throw new AppError('FORBIDDEN', { message: 'Only administrators can invite users.' })
	}
	return db.transaction((tx) => createInvitation(tx, input))
}

/**
 * The body of `inviteUser`, inside the caller's transaction, for a change that
 * brings its own invitation with it (a buyer inviting a supplier organisation
 * invites its first user): both commit or roll back together. The caller checks
 * that the actor may do this; this function checks the invitation's own rules.
 */
export async function createInvitation(
	tx: Transaction,
	{ actor, email, name, role, supplierId, appUrl, now = new Date() }: InviteUserInput,
): Promise<SentInvitation> {
	const normalizedEmail = email.trim().toLowerCase()
	const memberOf = role === 'supplier' ? (supplierId ?? null) : null
	if (role === 'supplier' && !memberOf) {
		throw new AppError('RULE_VIOLATION', {
			message: 'Choose the supplier this user belongs to.',
			field: 'supplierId',
		})
	}

	const token = generateInvitationToken()
	const expiresAt = invitationExpiresAt(now)
	const acceptUrl = invitationUrl(appUrl, token)

	// Two admins inviting the same address at once must not both pass the duplicate check.
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`invite:${normalizedEmail}`}))`)
	await assertNotInvitedYet(tx, normalizedEmail, now)
	const supplierName = memberOf ? await getSupplierName(tx, memberOf) : null

	const [invitation] = await tx
		.insert(userInvitations)
		.values({
			email: normalizedEmail,
			name: name.trim(),
			role,
			supplierId: memberOf,
			tokenHash: hashInvitationToken(token),
			invitedByUserId: actor.id,
			expiresAt,
			createdAt: now,
			updatedAt: now,
		})
		.returning({ id: userInvitations.id })
	if (!invitation) throw new Error('Inserting the invitation returned no row')

	await recordAuditEvent(tx, {
		actorUserId: actor.id,
		actorRole: actor.role,
		action: 'user.invited',
		entityType: 'user_invitation',
		entityId: invitation.id,
		supplierId: memberOf,
		after: { email: normalizedEmail, name: name.trim(), role, supplierId: memberOf, expiresAt },
		occurredAt: now,
	})
	await sendEmail(tx, {
		to: normalizedEmail,
		subject: getUserInvitationSubject({ inviterName: actor.name }),
		react: createElement(UserInvitationEmail, {
			inviteeName: name.trim(),
			inviterName: actor.name,
			roleLabel: role,
			supplierName,
			acceptUrl,
			expiresAt,
		}),
	})
	return { invitationId: invitation.id, email: normalizedEmail, expiresAt, acceptUrl }
}

async function assertNotInvitedYet(tx: Executor, email: string, now: Date) {
	const [existingUser] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email))
	if (existingUser) {
		throw new AppError('RULE_VIOLATION', {
			message: 'A user with this email already exists.',
			field: 'email',
		})
	}
	const [openInvitation] = await tx
		.select({ id: userInvitations.id })
		.from(userInvitations)
		.where(
			and(
				eq(userInvitations.email, email),
				isNull(userInvitations.acceptedAt),
				isNull(userInvitations.revokedAt),
				gt(userInvitations.expiresAt, now),
			),
		)
	if (openInvitation) {
		throw new AppError('RULE_VIOLATION', {
			message: 'This email already has an open invitation. Revoke it first to send a new one.',
			field: 'email',
		})
	}
}

async function getSupplierName(tx: Executor, supplierId: string) {
	const [supplier] = await tx
		.select({ name: suppliers.name })
		.from(suppliers)
		.where(eq(suppliers.id, supplierId))
	if (!supplier) {
		throw new AppError('RULE_VIOLATION', { message: 'Choose an existing supplier.', field: 'supplierId' })
	}
	return supplier.name
}

/** Withdraws an open invitation so its link stops working. */
export async function revokeInvitation(
	db: Executor,
	{ actor, invitationId, now = new Date() }: { actor: Actor; invitationId: string; now?: Date },
): Promise<void> {
	if (!can(actor.role, 'update', 'invitation')) {
		throw new AppError('FORBIDDEN', { message: 'Only administrators can revoke invitations.' })
	}
	await db.transaction(async (tx) => {
		const [revoked] = await tx
			.update(userInvitations)
			.set({ revokedAt: now, updatedAt: now })
			.where(
				and(
					eq(userInvitations.id, invitationId),
					isNull(userInvitations.acceptedAt),
					isNull(userInvitations.revokedAt),
				),
			)
			.returning({
				id: userInvitations.id,
				email: userInvitations.email,
				supplierId: userInvitations.supplierId,
			})
		if (!revoked) throw new AppError('NOT_FOUND', { message: 'This invitation is no longer open.' })
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'user.invitation_revoked',
			entityType: 'user_invitation',
			entityId: revoked.id,
			supplierId: revoked.supplierId,
			before: { email: revoked.email, revokedAt: null },
			after: { email: revoked.email, revokedAt: now },
			occurredAt: now,
		})
	})
}
