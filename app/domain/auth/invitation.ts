// Invitation links: single use, valid for 72 hours, revocable.

export const INVITATION_TTL_MS = 72 * 60 * 60_000

export function invitationExpiresAt(now: Date): Date {
	return new Date(now.getTime() + INVITATION_TTL_MS)
}

export type InvitationState = { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }

/** Open: not accepted, not revoked, and `now` is before its expiry. */
export function isInvitationOpen(invitation: InvitationState, now: Date): boolean {
	return !invitation.acceptedAt && !invitation.revokedAt && now.getTime() < invitation.expiresAt.getTime()
}
