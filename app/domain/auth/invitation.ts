// Invitation links: single use, valid for 72 hours, revocable.

export const INVITATION_TTL_MS = 72 * 60 * 60_000

/** What a person sees for an unknown, expired, used or revoked link: never which of those it is. */
export const INVALID_INVITATION_MESSAGE = 'This invitation link is invalid or has expired'

export function invitationExpiresAt(now: Date): Date {
	return new Date(now.getTime() + INVITATION_TTL_MS)
}

export type InvitationState = { expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null }

/** Open: not accepted, not revoked, and `now` is before its expiry. */
export function isInvitationOpen(invitation: InvitationState, now: Date): boolean {
	return !invitation.acceptedAt && !invitation.revokedAt && now.getTime() < invitation.expiresAt.getTime()
}
