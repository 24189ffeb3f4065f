import { expect, seriousAxeViolations, test } from '#tests/playwright-utils.ts'

test('a buyer finds one supplier’s orders by typing part of its name', async ({ page, loginAs }) => {
	await loginAs('buyer')
	await page.goto('/buyer/orders')
	await expect(page.getByRole('heading', { level: 1, name: 'Orders' })).toBeVisible()

	await page.getByLabel('Supplier name').fill('meridian')
	await page.getByRole('button', { name: 'Filter' }).click()
	await expect(page).toHaveURL(/supplier=meridian/)
	// What was typed stays in the field, and every listed order is Meridian's.
	await expect(page.getByLabel('Supplier name')).toHaveValue('meridian')
	const supplierCells = page.getByRole('table').getByRole('row').locator('td:nth-child(7)')
	await expect(supplierCells.first()).toBeVisible()
	for (const cell of await supplierCells.all()) await expect(cell).toHaveText(/Meridian Payroll Services/)
	expect(await seriousAxeViolations(page)).toEqual([])

	await page.getByLabel('Supplier name').fill('no supplier has this name')
	await page.getByRole('button', { name: 'Filter' }).click()
	await expect(page.getByText('No orders match these filters.')).toBeVisible()
})
