import { type Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, seriousAxeViolations, submitLogin, test } from '#tests/playwright-utils.ts'
import { hydrated } from './helpers.ts'

/**
 * A supplier may only offer terms it has a capability for, and the demo seed gives Northwind no Bulk
 * capability. Adding one through /supplier/capabilities races with the capabilities e2e test (that page
 * saves the whole set, so whichever save comes second drops the other's row), so this journey negotiates
 * with Lumen, which the seed makes capable of Document management × Bulk. Its period starts after Lumen's
 * seeded contract ends, so accepting it supersedes nothing other tests rely on.
 */
const SUPPLIER = { name: 'Lumen Document Management', email: 'archive.lumen@procura.test' }
const PERIOD = { startsOn: '2031-01-01', endsOn: '2031-12-31' }

async function createDraft(page: Page, supplier: string, title: string) {
	await page.goto('/buyer/contracts')
	await page.getByRole('link', { name: 'New contract' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'New contract' })).toBeVisible()
	await hydrated(page)
	await page.getByLabel('Supplier').selectOption({ label: supplier })
	await page.getByLabel('Title').fill(title)
	await page.getByLabel('Starts on').fill(PERIOD.startsOn)
	await page.getByLabel('Ends on').fill(PERIOD.endsOn)
	await page.getByRole('button', { name: 'Create draft' }).click()
	await expect(
		page.getByRole('heading', { level: 1, name: new RegExp(`CT-\\d{4}-\\d{4} · ${title}`) }),
	).toBeVisible()
	await hydrated(page)
}

test('buyer proposes bulk tiers, the supplier counters with a lower tier price, the buyer accepts and prices with it', async ({
	page,
	loginAs,
	browser,
}) => {
	const title = `Bulk document handling ${Date.now()}`
	await loginAs('buyer')
	await createDraft(page, SUPPLIER.name, title)
	const contractUrl = page.url()

	// The buyer's draft: one Bulk term with two tiers.
	await page.getByRole('button', { name: 'Add a term' }).click()
	const term = page.getByRole('group', { name: 'Term 1' })
	await expect(term.getByLabel('Order class')).toBeFocused()
	await term.getByLabel('Order class').selectOption({ label: 'Bulk' })
	await term.getByLabel('Category').selectOption({ label: 'Document management' })
	// Choosing Bulk starts from its policy: price tiers from the class minimum of 500.
	await expect(term.getByRole('radio', { name: /Price tiers/ })).toBeChecked()
	await expect(term.getByLabel('Tier 1 from quantity')).toHaveValue('500')
	await term.getByLabel('Tier 1 unit price').fill('10.00')
	await term.getByRole('button', { name: 'Add a tier to term 1' }).click()
	await term.getByLabel('Tier 2 from quantity').fill('1000')
	await term.getByLabel('Tier 2 unit price').fill('9.00')

	// The live preview follows what is typed.
	const preview = page.getByRole('region', { name: 'Price preview' })
	await preview.getByLabel('Quantity').fill('1200')
	await expect(preview.getByRole('status')).toContainText('201 × €9.00 = €1,809.00')
	await preview.getByLabel('Quantity').fill('400')
	await expect(preview.getByRole('status')).toContainText(
		'Bulk orders start at 500 units; 400 is below that.',
	)
	expect(await seriousAxeViolations(page)).toEqual([])

	await page.getByRole('button', { name: 'Save draft' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible()
	await page.getByRole('button', { name: 'Send proposal to supplier' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Proposal sent' })).toBeVisible()
	await expect(page.getByRole('heading', { name: `Version 1 is waiting for ${SUPPLIER.name}` })).toBeVisible()

	// The supplier, in a browser context of its own.
	const supplierContext = await browser.newContext({ baseURL: test.info().project.use.baseURL })
	try {
		const supplier = await supplierContext.newPage()
		await supplier.goto('/login')
		await submitLogin(supplier, SUPPLIER.email, DEMO_PASSWORD)
		await expect(supplier).toHaveURL(/\/supplier$/)
		const waiting = supplier.getByRole('region', { name: 'Proposals waiting for you' })
		await expect(waiting.getByRole('link', { name: new RegExp(title) })).toBeVisible()

		await supplier.goto('/supplier/contracts')
		const row = supplier.getByRole('row').filter({ hasText: title })
		await expect(row.getByText('Waiting for you')).toBeVisible()
		await row.getByRole('link').click()
		await expect(
			supplier.getByRole('heading', { name: 'Version 1 is waiting for your answer' }),
		).toBeVisible()
		await hydrated(supplier)
		await supplier.getByText('Counter with different terms').click()
		const counterTerm = supplier.getByRole('group', { name: 'Term 1' })
		await expect(counterTerm.getByLabel('Tier 2 unit price')).toHaveValue('9.00')
		await counterTerm.getByLabel('Tier 2 unit price').fill('8.50')
		await supplier.getByLabel(/Note to the buyer/).fill('We can do €8.50 from 1,000 units.')
		await supplier.getByRole('button', { name: 'Send counter-proposal' }).click()
		await expect(supplier.getByRole('status').filter({ hasText: 'Counter-proposal sent' })).toBeVisible()
		await expect(supplier.getByRole('heading', { name: 'Version 2 is waiting for the buyer' })).toBeVisible()
	} finally {
		await supplierContext.close()
	}

	// The buyer sees the counter with what changed, and accepts it.
	await page.goto('/buyer/contracts')
	const listRow = page.getByRole('row').filter({ hasText: title })
	await expect(listRow.getByText('Waiting for you')).toBeVisible()
	await page.goto(contractUrl)
	await hydrated(page)
	const answer = page.getByRole('region', { name: 'Version 2 is waiting for your answer' })
	await expect(answer).toContainText('We can do €8.50 from 1,000 units.')
	await expect(answer.getByRole('list', { name: 'What changed' })).toContainText('€9.00 → €8.50')
	await answer.getByRole('button', { name: 'Accept version 2' }).click()
	await expect(page.getByRole('status').filter({ hasText: 'Proposal accepted' })).toBeVisible()

	await expect(page.locator('header .badge').first()).toHaveText('Active')
	const binding = page.getByRole('region', { name: 'Binding terms (version 2)', exact: true })
	await expect(binding).toContainText('from 1,000 units: €8.50')
	const bindingPreview = page.getByRole('region', { name: 'Price preview (binding terms)' })
	await bindingPreview.getByLabel('Quantity').fill('1200')
	await expect(bindingPreview.getByRole('status')).toContainText('201 × €8.50')
	await expect(bindingPreview.getByRole('status')).toContainText('Total €11,698.50')

	// At phone width the page does not scroll sideways; the terms table scrolls inside its own box.
	await page.setViewportSize({ width: 375, height: 800 })
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
	const table = binding.getByRole('region', { name: 'Binding terms', exact: true })
	expect(await table.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)

	// The whole negotiation is on the page, newest first.
	const thread = page.getByRole('region', { name: 'Negotiation history' })
	await expect(thread.getByRole('heading', { level: 3 })).toHaveText(['Version 2', 'Version 1'])
	expect(await seriousAxeViolations(page)).toEqual([])
})
