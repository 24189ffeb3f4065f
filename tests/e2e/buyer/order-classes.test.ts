import { expect, seriousAxeViolations, test } from '#tests/playwright-utils.ts'

// The e2e database is shared by the whole run: these tests change only the emergency class's
// acknowledgement deadline (still broadcast, still 24x7) and otherwise save nothing.

test('the buyer shortens the emergency acknowledgement deadline and sees the change in the history', async ({
	page,
	loginAs,
}) => {
	await loginAs('buyer')
	await page
		.getByRole('navigation', { name: 'Buyer navigation' })
		.getByRole('link', { name: 'Order classes' })
		.click()
	const inUse = page.getByRole('table', { name: 'In use' })
	const emergencyRow = inUse.getByRole('row', { name: /Emergency/ })
	await expect(emergencyRow).toContainText('Broadcast to 3')
	await expect(emergencyRow).toContainText('24x7 only')
	await emergencyRow.getByRole('link', { name: 'Emergency' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Emergency' })).toBeVisible()

	const form = page.getByRole('form', { name: 'Change the policy' })
	await form.getByLabel('Acknowledgement deadline (minutes)').fill('20')
	await form.getByLabel('Change note').fill('Suppliers on the emergency rota now answer within 20 minutes')
	await form.getByRole('button', { name: /save as version/i }).click()

	await expect(page.getByText(/Policy version \d+ saved/)).toBeVisible()
	const current = page.getByRole('region', { name: /Current policy/ })
	await expect(current).toContainText('20 min')
	const history = page.getByRole('region', { name: 'Policy history' })
	const newest = history.getByRole('listitem').first()
	await expect(newest).toContainText('Acknowledgement deadline: 30 min → 20 min')
	await expect(newest).toContainText('Bea Buyer')
	await expect(newest).toContainText('Suppliers on the emergency rota now answer within 20 minutes')
	await expect(newest).toContainText('UTC')
	// The form starts over from the saved version, with an empty note.
	await expect(form.getByLabel('Acknowledgement deadline (minutes)')).toHaveValue('20')
	await expect(form.getByLabel('Change note')).toHaveValue('')
})

test('weights that do not add up to 100 are refused next to the weights, keeping what was typed', async ({
	page,
	loginAs,
}) => {
	await loginAs('buyer')
	await page.goto('/buyer/order-classes')
	await page.getByRole('table', { name: 'In use' }).getByRole('link', { name: 'Emergency' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Emergency' })).toBeVisible()

	const form = page.getByRole('form', { name: 'Change the policy' })
	const weights = form.getByRole('group', { name: 'Ranking weights' })
	await weights.getByLabel('Price').fill('30')
	await weights.getByLabel('Speed').fill('50')
	await form.getByLabel('Change note').fill('Price matters more')
	await form.getByRole('button', { name: /save as version/i }).click()

	await expect(
		weights.getByText(/The four weights must add up to 100; they now add up to \d+\./),
	).toBeVisible()
	await expect(weights.getByLabel('Price')).toHaveValue('30')
	await expect(weights.getByLabel('Speed')).toHaveValue('50')
	await expect(form.getByLabel('Change note')).toHaveValue('Price matters more')
	await expect(page.getByText(/Policy version \d+ saved/)).toHaveCount(0)
})

test('the order class and category pages have no serious accessibility problems, on a phone too', async ({
	page,
	loginAs,
}) => {
	await loginAs('buyer')
	for (const viewport of [
		{ width: 1280, height: 900 },
		{ width: 390, height: 844 },
	]) {
		await page.setViewportSize(viewport)
		await page.goto('/buyer/order-classes')
		expect(await seriousAxeViolations(page), 'class list').toEqual([])
		await page.getByRole('table', { name: 'In use' }).getByRole('link', { name: 'Bulk' }).click()
		await expect(page.getByRole('heading', { level: 1, name: 'Bulk' })).toBeVisible()
		expect(await seriousAxeViolations(page), 'class page').toEqual([])
		await page.goto('/buyer/order-classes/new')
		await page.getByRole('button', { name: 'Create order class' }).click()
		await expect(page.getByText('Enter a name.')).toBeVisible()
		expect(await seriousAxeViolations(page), 'new class with errors').toEqual([])
		await page.goto('/buyer/categories')
		expect(await seriousAxeViolations(page), 'categories').toEqual([])
		await page.getByRole('link', { name: 'Rename Accounting' }).click()
		await expect(page.getByRole('heading', { level: 1, name: 'Accounting' })).toBeVisible()
		expect(await seriousAxeViolations(page), 'category page').toEqual([])
	}
})
