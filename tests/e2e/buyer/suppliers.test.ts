import { randomUUID } from 'node:crypto'
import { type Page } from '@playwright/test'
import { expect, seriousAxeViolations, test } from '#tests/playwright-utils.ts'

function buyerNav(page: Page) {
	return page.getByRole('navigation', { name: 'Buyer navigation' })
}

test('a buyer searches the directory, filters it and opens a demo supplier', async ({ page, loginAs }) => {
	await loginAs('buyer')
	await buyerNav(page).getByRole('link', { name: 'Suppliers' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Suppliers' })).toBeVisible()

	await page.getByLabel('Name or contact email').fill('MERIDIAN')
	await page.getByRole('button', { name: 'Filter' }).click()
	await expect(page).toHaveURL(/q=MERIDIAN/)
	const results = page.getByRole('table')
	await expect(results.getByRole('row')).toHaveCount(2)
	await expect(results.getByRole('link', { name: 'Meridian Payroll Services' })).toBeVisible()
	expect(await seriousAxeViolations(page)).toEqual([])

	// Sandpiper is the demo supplier on hold.
	await page.getByLabel('Name or contact email').fill('')
	await page.getByLabel('Status').selectOption({ label: 'On hold' })
	await page.getByLabel('Region').selectOption('APAC')
	await page.getByRole('button', { name: 'Filter' }).click()
	await expect(results.getByRole('link', { name: 'Sandpiper Order Processing' })).toBeVisible()
	await expect(results.getByRole('link', { name: 'Meridian Payroll Services' })).toHaveCount(0)

	await page.getByRole('link', { name: 'Clear filters' }).click()
	// The filter form is re-created for the new URL: wait for it before typing into it.
	await expect(page).toHaveURL(/\/buyer\/suppliers$/)
	await expect(page.getByLabel('Region')).toHaveValue('')
	await page.getByLabel('Name or contact email').fill('contact@meridian.example')
	await page.getByRole('button', { name: 'Filter' }).click()
	await results.getByRole('link', { name: 'Meridian Payroll Services' }).click()

	await expect(page.getByRole('heading', { level: 1, name: /Meridian Payroll Services/ })).toBeVisible()
	const profile = page.getByRole('region', { name: 'Profile' })
	await expect(profile.getByText('Europe/Berlin')).toBeVisible()
	const users = page.getByRole('region', { name: 'Users' })
	await expect(users.getByRole('row', { name: /Max Meridian/ })).toContainText('Active')
	const capabilities = page.getByRole('region', { name: 'Capabilities' })
	await expect(capabilities.getByRole('row', { name: /Payroll processing Standard/ })).toContainText(
		'2,000 units',
	)
	expect(await seriousAxeViolations(page)).toEqual([])
})

test('a buyer invites a supplier organisation, activates it with a reason and blocks it after confirming', async ({
	page,
	loginAs,
}) => {
	const tag = randomUUID().slice(0, 8)
	const name = `Fjord Back Office ${tag}`
	const firstUserEmail = `elin-${tag}@fjord.example`
	await loginAs('buyer')
	await page.goto('/buyer/suppliers')
	await page.getByRole('link', { name: 'Invite a supplier' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Invite a supplier' })).toBeVisible()

	// Nothing filled in: each field says what it needs.
	await page.getByRole('button', { name: 'Send invitation' }).click()
	await expect(page.getByText("Enter the organisation's name.")).toBeVisible()
	await expect(page.getByText('Choose at least one region.')).toBeVisible()
	expect(await seriousAxeViolations(page)).toEqual([])

	await page.getByLabel('Organisation name').fill(name)
	await page.getByLabel('Nordics').check()
	await page.getByLabel('EU-West').check()
	await page.getByLabel('Contact email').fill(`desk-${tag}@fjord.example`)
	await page.getByLabel('Contact phone (optional)').fill('+47 22 55 01 00')
	await page.getByLabel('Time zone').fill('Europe/Oslo')
	await page.getByLabel('Their name').fill('Elin Fjord')
	// An address that already has an account is refused next to the field, and the rest is kept.
	await page.getByLabel('Their email').fill('buyer@procura.test')
	await page.getByRole('button', { name: 'Send invitation' }).click()
	await expect(page.getByText('A user with this email already exists.')).toBeVisible()
	await expect(page.getByLabel('Organisation name')).toHaveValue(name)
	await expect(page.getByLabel('Nordics')).toBeChecked()

	await page.getByLabel('Their email').fill(firstUserEmail)
	await page.getByRole('button', { name: 'Send invitation' }).click()
	await expect(page).toHaveURL(/\/buyer\/suppliers\/[0-9a-f-]{36}$/)
	await expect(page.getByText(`${firstUserEmail} has 72 hours to accept the invitation.`)).toBeVisible()
	await expect(page.getByRole('heading', { level: 1, name })).toContainText('Invited')
	await expect(
		page.getByRole('region', { name: 'Users' }).getByRole('row', { name: /Elin Fjord/ }),
	).toContainText('Invited')
	await expect(page.getByRole('region', { name: 'Profile' })).toContainText('EU-West, Nordics')

	// It is in the directory as invited.
	await page.goto(`/buyer/suppliers?q=${encodeURIComponent(name)}`)
	const row = page.getByRole('row', { name: new RegExp(name) })
	await expect(row).toContainText('Invited')
	await expect(row).toContainText('1 invited')
	await row.getByRole('link', { name }).click()

	// Invited can only become active or blocked; a reason is required.
	const status = page.getByLabel('New status')
	await expect(status.locator('option')).toHaveText(['Choose a status', 'Active', 'Blocked'])
	await status.selectOption({ label: 'Active' })
	await page.getByRole('button', { name: 'Change status' }).click()
	await expect(page.getByText('Give a reason for the change.')).toBeVisible()
	await page.getByLabel('Reason').fill('Onboarding checks complete')
	await page.getByRole('button', { name: 'Change status' }).click()
	await expect(page.getByText(`${name} is now active`)).toBeVisible()
	await expect(page.getByRole('heading', { level: 1, name })).toContainText('Active')
	const history = page.getByRole('table', { name: 'Status history' })
	await expect(history.getByRole('row', { name: /Invited → Active/ })).toContainText(
		'Onboarding checks complete',
	)
	await expect(history.getByRole('row', { name: /Invited → Active/ })).toContainText('Bea Buyer')

	// Blocking asks first: dismissing the question changes nothing.
	await page.getByLabel('New status').selectOption({ label: 'Blocked' })
	await page.getByLabel('Reason').fill('Failed the security review')
	page.once('dialog', (dialog) => void dialog.dismiss())
	await page.getByRole('button', { name: 'Change status' }).click()
	await expect(page.getByRole('heading', { level: 1, name })).toContainText('Active')
	page.once('dialog', (dialog) => {
		expect(dialog.message()).toContain(`Block ${name}?`)
		void dialog.accept()
	})
	await page.getByRole('button', { name: 'Change status' }).click()
	await expect(page.getByRole('heading', { level: 1, name })).toContainText('Blocked')
	await expect(history.getByRole('row', { name: /Active → Blocked/ })).toContainText(
		'Failed the security review',
	)
	await expect(history.getByRole('row')).toHaveCount(3)
})

test('the coverage matrix marks the gaps and links covered cells to the suppliers behind them', async ({
	page,
	loginAs,
}) => {
	await loginAs('buyer')
	await page.getByRole('link', { name: /^Coverage gaps: \d+$/ }).click()
	await expect(page).toHaveURL(/\/buyer\/coverage$/)
	await expect(page.getByText(/^⚠ \d+ of \d+ category × class combinations have no supplier$/)).toBeVisible()

	const matrix = page.getByRole('table', { name: /Capability coverage/ })
	const columns = matrix.locator('th[scope="col"]')
	for (const [i, name] of ['Emergency', 'Urgent', 'Standard', 'Bulk', 'One-time'].entries()) {
		await expect(columns.nth(i)).toHaveText(name)
	}
	const cell = (category: string, column: number) =>
		matrix
			.locator('tr', { has: page.getByRole('rowheader', { name: category, exact: true }) })
			.locator('td')
			.nth(column)

	// Nobody in the demo data offers emergency accounting.
	const gap = cell('Accounting', 0)
	await expect(gap).toHaveText('No supplier')
	await expect(gap).toHaveClass(/\bgap\b/)
	await expect(gap).toHaveCSS('font-weight', '700')

	const covered = cell('Payroll processing', 2)
	await expect(covered).toHaveText(/^\d+ suppliers? · [\d,]+ per week$/)
	expect(await seriousAxeViolations(page)).toEqual([])
	await covered.getByRole('link').click()
	await expect(page).toHaveURL(/\/buyer\/suppliers\?category=[0-9a-f-]{36}&orderClass=[0-9a-f-]{36}$/)
	await expect(page.getByRole('link', { name: 'Meridian Payroll Services' })).toBeVisible()
	await expect(page.getByLabel('Category')).toHaveValue(/[0-9a-f-]{36}/)
})
