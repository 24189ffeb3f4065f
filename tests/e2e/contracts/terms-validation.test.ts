import { expect, test } from '#tests/playwright-utils.ts'
import { hydrated } from './helpers.ts'

test('an acknowledgement SLA looser than the class policy is refused next to its field, and what was typed stays', async ({
	page,
	loginAs,
}) => {
	const title = `Kestrel standard support ${Date.now()}`
	await loginAs('buyer')
	await page.goto('/buyer/contracts/new')
	await hydrated(page)
	await page.getByLabel('Supplier').selectOption({ label: 'Kestrel IT Support' })
	await page.getByLabel('Title').fill(title)
	await page.getByLabel('Starts on').fill('2030-01-01')
	await page.getByLabel('Ends on').fill('2030-12-31')
	await page.getByRole('button', { name: 'Create draft' }).click()
	await expect(page.getByRole('heading', { level: 1, name: new RegExp(title) })).toBeVisible()
	await hydrated(page)

	await page.getByRole('button', { name: 'Add a term' }).click()
	const term = page.getByRole('group', { name: 'Term 1' })
	await term.getByLabel('Order class').selectOption({ label: 'Standard' })
	await term.getByLabel('Category').selectOption({ label: 'IT support' })
	await term.getByLabel(/Unit price/).fill('45.50')
	// The Standard policy gives a supplier 1,440 minutes to acknowledge; a contract may only be stricter.
	const ack = term.getByLabel('Acknowledgement SLA (minutes)')
	await ack.fill('2000')
	await term.getByLabel('Priority surcharge (%)').fill('2.5')
	await page.getByRole('button', { name: 'Save draft' }).click()

	await expect(ack).toHaveAttribute('aria-invalid', 'true')
	await expect(ack).toHaveAccessibleDescription(
		/must be 1 to 1440 minutes: it may be stricter than the Standard policy, never looser/,
	)
	await expect(ack).toHaveValue('2000')
	await expect(term.getByLabel(/Unit price/)).toHaveValue('45.50')
	await expect(term.getByLabel('Priority surcharge (%)')).toHaveValue('2.5')
	await expect(term.getByLabel('Order class').locator('option:checked')).toHaveText('Standard')
	await expect(term.getByLabel('Category').locator('option:checked')).toHaveText('IT support')

	// Fixed, it saves; the values come back from the server as they were typed.
	await ack.fill('240')
	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible()
	const saved = page.getByRole('group', { name: 'Term 1' })
	await expect(saved.getByLabel('Acknowledgement SLA (minutes)')).toHaveValue('240')
	await expect(saved.getByLabel(/Unit price/)).toHaveValue('45.50')
	await expect(saved.getByLabel('Priority surcharge (%)')).toHaveValue('2.5')
})
