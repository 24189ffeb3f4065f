import { expect, seriousAxeViolations, test } from '#tests/playwright-utils.ts'
import { fillIntake, hydrated, localInputValue, toast } from './helpers.ts'

test('an order nobody can serve is flagged early, lands in the exception queue, and the buyer assigns a supplier', async ({
	page,
	loginAs,
}) => {
	await loginAs('buyer')
	await page.goto('/buyer/orders/new')
	await hydrated(page)
	// The demo has no accounting × emergency capability: the preview says so before anything is placed.
	await fillIntake(page, {
		orderClass: 'Emergency',
		category: 'Accounting',
		quantity: '1',
		unit: 'closings',
		description: `Month-end close rescue ${Date.now()}`,
		neededBy: localInputValue(30),
		region: 'North America',
		justification: 'The auditors arrive on Monday and the close is not done.',
	})
	const preview = page.getByRole('region', { name: 'Before you place it' })
	await expect(preview).toContainText(
		'No supplier can serve Emergency orders in this category and region right now.',
	)
	await expect(preview).toContainText('Suppliers who can take it now: 0')
	await page.getByRole('button', { name: 'Place order' }).click()

	await expect(toast(page, 'placed')).toContainText('No supplier can take it now')
	const number = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').trim()
	await expect(page.locator('.order-title .badge')).toHaveText('Unroutable')
	const exceptions = page.getByRole('region', { name: 'Exceptions' })
	await expect(exceptions.getByRole('row').filter({ hasText: number })).toContainText('Unroutable')
	expect(await seriousAxeViolations(page)).toEqual([])

	// The override: a supplier chosen by hand, with the reason on record.
	const assign = page.getByRole('region', { name: 'Assign a supplier manually' })
	await assign.getByLabel('Supplier', { exact: true }).selectOption({ label: 'Harbor Accounting Partners' })
	await assign
		.getByLabel('Reason for choosing this supplier')
		.fill('Harbor closed our books last year; they agreed by phone.')
	await assign.getByRole('button', { name: 'Offer to this supplier' }).click()
	await expect(toast(page, 'Offered to the supplier you chose')).toBeVisible()
	await expect(page.locator('.order-title .badge')).toHaveText('Offered')
	await expect(page.getByRole('region', { name: 'Why this supplier' })).toContainText(
		'assigned manually by a buyer (override)',
	)
	await expect(page.getByRole('region', { name: 'Offers' })).toContainText(
		'Override: Harbor closed our books last year; they agreed by phone.',
	)
	await expect(page.getByRole('region', { name: 'Exceptions' })).toContainText('resolved')

	// The queue page itself, at phone width.
	await page.goto('/buyer/exceptions')
	await expect(page.getByRole('heading', { level: 1, name: 'Exceptions' })).toBeVisible()
	await page.setViewportSize({ width: 375, height: 800 })
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
	expect(await seriousAxeViolations(page)).toEqual([])
})
