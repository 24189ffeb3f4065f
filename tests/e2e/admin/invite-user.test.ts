import { randomUUID } from 'node:crypto'
import { expect, test } from '#tests/playwright-utils.ts'

test('an admin invites a supplier user, who accepts through the emailed link and lands in the supplier portal', async ({
	page,
	loginAs,
}) => {
	const email = `invitee-${randomUUID().slice(0, 8)}@atlas.example`
	await loginAs('admin')

	await page.goto('/admin/users/new')
	await page.getByLabel('Name').fill('Ines Invitee')
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Role').selectOption({ label: 'Supplier' })
	await page.getByLabel('Supplier', { exact: true }).selectOption({ label: 'Atlas Data Entry' })
	await page.getByRole('button', { name: /send invitation/i }).click()
	await expect(page).toHaveURL(/\/admin\/users$/)
	await expect(page.getByText(`${email} has 72 hours to accept it.`)).toBeVisible()

	// Without SMTP_URL the invitation is delivered to the local mailbox.
	await page.goto(`/admin/mailbox?to=${encodeURIComponent(email)}`)
	await page.getByRole('link', { name: /invited you to Procura/i }).click()
	const body = await page.locator('.mail-body').innerText()
	const link = /https?:\/\/\S+\/invitations\/[A-Za-z0-9_-]+/.exec(body)?.[0]
	expect(link, 'the email contains the invitation link').toBeTruthy()

	await page.getByRole('button', { name: /log out/i }).click()
	await expect(page).toHaveURL(/\/login/)

	await page.goto(link!)
	await expect(page.getByRole('heading', { name: 'Welcome to Procura, Ines Invitee' })).toBeVisible()
	await page.getByLabel('Choose a password').fill('a-long-enough-password')
	await page.getByLabel('Repeat the password').fill('a-long-enough-password')
	await page.getByRole('button', { name: /set password and sign in/i }).click()
	await expect(page).toHaveURL(/\/supplier$/)
	await expect(page.getByRole('heading', { level: 1, name: 'Atlas Data Entry' })).toBeVisible()
	await expect(page.getByRole('cell', { name: email })).toBeVisible()

	// The link works once.
	await page.getByRole('button', { name: /log out/i }).click()
	await expect(page).toHaveURL(/\/login/)
	await page.goto(link!)
	await expect(page.getByRole('heading', { name: /invalid or has expired/i })).toBeVisible()
})
