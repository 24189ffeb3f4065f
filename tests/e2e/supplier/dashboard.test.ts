import { expect, test } from '#tests/playwright-utils.ts'

test('a supplier user sees its own organisation and team, and nobody else’s', async ({ page, loginAs }) => {
	await loginAs('supplier')
	await expect(page.getByRole('heading', { level: 1, name: 'Northwind Back Office' })).toBeVisible()
	await expect(page.getByRole('cell', { name: 'supplier@procura.test' })).toBeVisible()
	await expect(page.getByRole('cell', { name: 'ops.northwind@procura.test' })).toBeVisible()
	await expect(page.getByText('Meridian Payroll Services')).toHaveCount(0)

	for (const path of ['/buyer', '/admin', '/audit']) {
		const response = await page.goto(path)
		expect(response?.status(), path).toBe(403)
	}
})
