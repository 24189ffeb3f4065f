import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'

// Invitation links carry a random token; only its SHA-256 is stored, like session ids.
export function generateInvitationToken(): string {
	const bytes = new Uint8Array(20)
	crypto.getRandomValues(bytes)
	return encodeBase32LowerCaseNoPadding(bytes)
}

export function hashInvitationToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)))
}

export function invitationUrl(appUrl: string, token: string): string {
	return `${appUrl.replace(/\/+$/, '')}/invitations/${token}`
}
