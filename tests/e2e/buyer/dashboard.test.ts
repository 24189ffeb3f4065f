import { expect, test } from '#tests/playwright-utils.ts'

test('the buyer dashboard shows the real supply base and classification framework', async ({ page, loginAs }) => {
	await loginAs('buyer')
	const figure = (label: string) => page.locator('.stat', { has: page.getByText(label, { exact: true }) }).locator('dd').first()
	await expect(figure('Suppliers')).toHaveText(/^\d+$/)
	expect(Number(await figure('Suppliers').innerText())).toBeGreaterThanOrEqual(10)
	await expect(figure('Order classes in use')).toHaveText('5')
	await expect(figure('Service categories')).toHaveText('8')
	await expect(figure('Regions covered')).toHaveText('4')
})

test('an admin reaches the buyer portal too', async ({ page, loginAs }) => {
	await loginAs('admin')
	await page.getByRole('link', { name: 'Buyer portal' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Buyer dashboard' })).toBeVisible()
})
