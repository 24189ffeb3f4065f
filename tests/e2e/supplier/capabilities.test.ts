import {
	DEMO_PASSWORD,
	DEMO_USERS,
	expect,
	seriousAxeViolations,
	submitLogin,
	test,
} from '#tests/playwright-utils.ts'

test('a supplier declares data entry × bulk, fixes a too-small capacity, and the buyer sees it in the coverage matrix', async ({
	page,
	loginAs,
	browser,
}) => {
	await loginAs('supplier')
	await page
		.getByRole('navigation', { name: 'Supplier navigation' })
		.getByRole('link', { name: 'Capabilities' })
		.click()
	await expect(page.getByRole('heading', { level: 1, name: 'Capabilities' })).toBeVisible()
	// The demo seed leaves this gap on purpose.
	await expect(page.getByRole('group', { name: 'Data entry × Bulk' })).toHaveCount(0)

	await page.getByRole('button', { name: 'Add a capability' }).click()
	const row = page.getByRole('group', { name: /^New capability/ })
	await expect(row.getByLabel('Category')).toBeFocused()
	await row.getByLabel('Category').selectOption({ label: 'Data entry' })
	await row.getByLabel('Order class').selectOption({ label: 'Bulk' })
	await row.getByLabel('Weekly capacity').fill('100')
	await row.getByLabel('Lead time (hours)').fill('240')
	await row.getByRole('checkbox', { name: 'EU-West' }).check()
	await page.getByRole('button', { name: 'Save capabilities' }).click()

	const capacity = row.getByLabel('Weekly capacity')
	await expect(capacity).toHaveAttribute('aria-invalid', 'true')
	await expect(capacity).toHaveAccessibleDescription(
		/Bulk capacity must be at least 500 units per week, the class minimum/,
	)
	// What was typed is still there.
	await expect(capacity).toHaveValue('100')
	await expect(row.getByLabel('Lead time (hours)')).toHaveValue('240')
	await expect(row.getByLabel('Category').locator('option:checked')).toHaveText('Data entry')
	await expect(row.getByLabel('Order class').locator('option:checked')).toHaveText('Bulk')
	await expect(row.getByRole('checkbox', { name: 'EU-West' })).toBeChecked()
	expect(await seriousAxeViolations(page)).toEqual([])

	await capacity.fill('800')
	await page.getByRole('button', { name: 'Save capabilities' }).click()
	await expect(page.getByRole('status')).toContainText('Capabilities saved')
	await expect(page.getByRole('status')).toContainText('1 added.')

	await page.reload()
	const saved = page.getByRole('group', { name: 'Data entry × Bulk' })
	await expect(saved.getByLabel('Weekly capacity')).toHaveValue('800')
	await expect(saved.getByLabel('Lead time (hours)')).toHaveValue('240')
	await expect(page.getByRole('group', { name: /^New capability/ })).toHaveCount(0)

	// The buyer, in a browser context of their own.
	const buyerContext = await browser.newContext({ baseURL: test.info().project.use.baseURL })
	try {
		const buyer = await buyerContext.newPage()
		await buyer.goto('/login')
		await submitLogin(buyer, DEMO_USERS.buyer.email, DEMO_PASSWORD)
		await expect(buyer).toHaveURL(/\/buyer$/)
		await buyer.goto('/buyer/coverage')
		const matrix = buyer.getByRole('table', { name: /Capability coverage/ })
		// Header cells and body cells line up one for one, whatever sits in the corner.
		const headers = await matrix.locator('thead tr > *').allTextContents()
		const bulkColumn = headers.indexOf('Bulk')
		expect(bulkColumn, `columns: ${headers.join(', ')}`).toBeGreaterThan(0)
		const dataEntry = matrix
			.locator('tbody tr')
			.filter({ has: buyer.locator('th[scope="row"]', { hasText: /^Data entry$/ }) })
		await expect(dataEntry).toHaveCount(1)
		await expect(dataEntry.locator(':scope > *').nth(bulkColumn)).toHaveText('1 supplier · 800 per week')
	} finally {
		await buyerContext.close()
	}
})

test('a supplier edits its organisation profile; an unknown time zone is refused next to its field', async ({
	page,
	loginAs,
}) => {
	await loginAs('supplier')
	await page.goto('/supplier/profile')
	await expect(page.getByRole('heading', { level: 1, name: 'Organisation profile' })).toBeVisible()
	await expect(page.getByLabel('Organisation name')).toHaveValue('Northwind Back Office')
	await expect(page.getByRole('checkbox', { name: 'EU-West' })).toBeChecked()
	expect(await seriousAxeViolations(page)).toEqual([])

	await page.getByLabel('Time zone').fill('Mars/Olympus')
	await page.getByRole('button', { name: 'Save profile' }).click()
	await expect(page.getByLabel('Time zone')).toHaveAttribute('aria-invalid', 'true')
	await expect(page.getByLabel('Time zone')).toHaveAccessibleDescription(/Choose a time zone from the list/)

	await page.getByLabel('Time zone').fill('Europe/London')
	await page.getByLabel('Contact phone').fill('+44 20 7946 0199')
	await page.getByRole('button', { name: 'Save profile' }).click()
	await expect(page.getByRole('status')).toContainText('Profile saved')
	await page.reload()
	await expect(page.getByLabel('Contact phone')).toHaveValue('+44 20 7946 0199')
})
