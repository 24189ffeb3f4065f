import { describe, expect, test } from 'vitest'
import { renderEmail } from './render.ts'
import { getUserInvitationSubject, UserInvitationEmail } from './user-invitation.tsx'

const acceptUrl = 'https://procura.test/invitations/accept?token=tok_3f9a2b&ref=email'
const expiresAt = new Date('2026-03-03T23:30:00Z')

describe('UserInvitationEmail', () => {
	test('html names the invitee, inviter and role, links to the accept URL and gives the expiry in UTC', async () => {
		const { html: raw } = await renderEmail(
			<UserInvitationEmail
				inviteeName="Ada Lovelace"
				inviterName="Grace Hopper"
				roleLabel="buyer"
				acceptUrl={acceptUrl}
				expiresAt={expiresAt}
			/>,
		)
		// React separates adjacent text nodes with empty comments; readers never see them.
		const html = raw.replaceAll('<!-- -->', '')
		expect(html).toContain('Hello Ada Lovelace')
		expect(html).toContain('Grace Hopper invited you to join Procura as a buyer.')
		// The query string must survive HTML escaping intact in the href.
		expect(html).toContain(`href="${acceptUrl.replaceAll('&', '&amp;')}"`)
		expect(html).toContain('3 March 2026 at 23:30 UTC')
		expect(html).toContain('You receive this because you have an account on Procura')
	})

	test('plain text carries the same facts, including the raw link', async () => {
		const { text } = await renderEmail(
			<UserInvitationEmail
				inviteeName="Ada Lovelace"
				inviterName="Grace Hopper"
				roleLabel="supplier"
				supplierName="Acme Payroll Ltd"
				acceptUrl={acceptUrl}
				expiresAt={expiresAt}
			/>,
		)
		expect(text).toContain('Hello Ada Lovelace')
		expect(text).toContain('Grace Hopper invited you to join Procura as a supplier for Acme Payroll Ltd.')
		expect(text).toContain(acceptUrl)
		expect(text).toContain('works once and expires on 3 March 2026 at 23:30 UTC')
		expect(text).toContain('You receive this because you have an account on Procura')
		expect(text).not.toContain('<')
	})

	test('uses "an" before a role that starts with a vowel', async () => {
		const { text } = await renderEmail(
			<UserInvitationEmail
				inviteeName="Ada"
				inviterName="Grace"
				roleLabel="auditor"
				acceptUrl={acceptUrl}
				expiresAt={expiresAt}
			/>,
		)
		expect(text).toContain('as an auditor.')
	})

	test('subject names the inviter', () => {
		expect(getUserInvitationSubject({ inviterName: 'Grace Hopper' })).toBe(
			'Grace Hopper invited you to Procura',
		)
	})
})
