import fc from 'fast-check'
import { expect, test } from 'vitest'
import { INVITATION_TTL_MS, invitationExpiresAt, isInvitationOpen } from './invitation.ts'

const NOW = new Date('2026-03-02T12:00:00Z')

test('an invitation is valid for 72 hours', () => {
	expect(invitationExpiresAt(NOW)).toEqual(new Date('2026-03-05T12:00:00Z'))
})

test('open until it expires, is accepted or is revoked', () => {
	const invitation = { expiresAt: invitationExpiresAt(NOW), acceptedAt: null, revokedAt: null }
	expect(isInvitationOpen(invitation, NOW)).toBe(true)
	expect(isInvitationOpen(invitation, new Date(NOW.getTime() + INVITATION_TTL_MS))).toBe(false)
	expect(isInvitationOpen({ ...invitation, acceptedAt: NOW }, NOW)).toBe(false)
	expect(isInvitationOpen({ ...invitation, revokedAt: NOW }, NOW)).toBe(false)
})

test('property: open exactly during the 72 hours after it was sent', () => {
	fc.assert(
		fc.property(fc.integer({ min: -INVITATION_TTL_MS, max: 2 * INVITATION_TTL_MS }), (offset) => {
			const invitation = { expiresAt: invitationExpiresAt(NOW), acceptedAt: null, revokedAt: null }
			const open = isInvitationOpen(invitation, new Date(NOW.getTime() + offset))
			expect(open).toBe(offset < INVITATION_TTL_MS)
		}),
	)
})
