import { type Page } from '@playwright/test'
import { expect, submitLogin, DEMO_PASSWORD, test } from '#tests/playwright-utils.ts'
import { fillIntake, hydrated, localInputValue, type IntakeValues } from './helpers.ts'

const BULK: IntakeValues = {
	orderClass: 'Bulk',
	category: 'Payroll processing',
	quantity: '120',
	unit: 'payslips',
	description: 'Back-load of last quarter’s payslips for the Berlin office.',
	neededBy: localInputValue(24 * 20),
	region: 'EU-Central',
}

async function expectKept(page: Page) {
	await expect(page.getByLabel('Order class').locator('option:checked')).toHaveText('Bulk')
	await expect(page.getByLabel('Category').locator('option:checked')).toHaveText('Payroll processing')
	await expect(page.getByLabel('Quantity')).toHaveValue('120')
	await expect(page.getByLabel('Unit')).toHaveValue('payslips')
	await expect(page.getByLabel('Description')).toHaveValue(BULK.description)
	await expect(page.getByLabel('Region').locator('option:checked')).toHaveText('EU-Central')
}

test('a Bulk order below the class minimum shows the message next to the quantity and keeps the values', async ({
	page,
	loginAs,
}) => {
	await loginAs('buyer')
	await page.goto('/buyer/orders/new')
	await hydrated(page)
	await fillIntake(page, BULK)
	await expect(page.getByText('Bulk orders start at 500.')).toBeVisible()
	await page.getByRole('button', { name: 'Place order' }).click()
	const quantity = page.getByLabel('Quantity')
	await expect(quantity).toHaveAttribute('aria-invalid', 'true')
	await expect(quantity).toHaveAccessibleDescription(/Bulk orders need at least 500 units\./)
	await expectKept(page)
	await expect(page).toHaveURL(/\/buyer\/orders\/new$/)
})

test('without JavaScript the server gives the same message, keeps the values and reads the time as UTC', async ({
	browser,
}) => {
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		javaScriptEnabled: false,
	})
	try {
		const page = await context.newPage()
		await page.goto('/login')
		await submitLogin(page, 'buyer@procura.test', DEMO_PASSWORD)
		await page.goto('/buyer/orders/new')
		await expect(page.getByText(/Read as UTC/)).toBeVisible()
		await fillIntake(page, BULK)
		await page.getByRole('button', { name: 'Place order' }).click()
		await expect(page.getByLabel('Quantity')).toHaveAccessibleDescription(
			/Bulk orders need at least 500 units\./,
		)
		await expectKept(page)
		await expect(page.getByLabel('Needed by')).toHaveValue(BULK.neededBy)
	} finally {
		await context.close()
	}
})
