import { signInElsewhere, toast, hydrated } from '#tests/e2e/orders/helpers.ts'
import { expect, test } from '#tests/playwright-utils.ts'

// The demo seed plays the last six months of orders through the real models.
function recentMonths() {
	const now = new Date()
	return Array.from({ length: 7 }, (_, i) =>
		new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7),
	)
}

test('a supplier disputes a figure, a buyer upholds it, the auditor sees the outcome', async ({
	page,
	loginAs,
	browser,
}) => {
	const comment = `Late input files, not our delay ${crypto.randomUUID().slice(0, 8)}`
	await loginAs('supplier')
	await page
		.getByRole('navigation', { name: 'Supplier navigation' })
		.getByRole('link', { name: 'Scorecard' })
		.click()
	await expect(
		page.getByRole('heading', { level: 1, name: /Scorecard of Northwind Back Office/ }),
	).toBeVisible()
	// The first recent month with a scorecard of the demo supplier.
	const summary = page.locator('summary', { hasText: 'Dispute a figure of' }).first()
	for (const m of recentMonths()) {
		await page.goto(`/supplier/scorecard?month=${m}`)
		if ((await summary.count()) > 0) break
	}
	await hydrated(page)
	const form = page.getByRole('form', { name: /^Dispute / }).first()
	await summary.click()
	// Too short a comment is refused next to the field, in the browser.
	await form.getByLabel('Comment').fill('no')
	await form.getByRole('button', { name: 'Dispute' }).click()
	await expect(form.getByLabel('Comment')).toHaveAttribute('aria-invalid', 'true')
	await form.getByLabel('Figure').selectOption({ label: 'Quality (no rework)' })
	await form.getByLabel('Comment').fill(comment)
	await form.getByRole('button', { name: 'Dispute' }).click()
	await expect(toast(page, 'Dispute raised')).toBeVisible()
	await expect(
		page.getByRole('row').filter({ hasText: 'Quality (no rework)' }).filter({ hasText: 'Open' }).first(),
	).toBeVisible()

	const buyer = await signInElsewhere(browser, 'buyer@procura.test', /\/buyer$/)
	try {
		await buyer.page.goto('/buyer/disputes?status=open')
		await hydrated(buyer.page)
		const card = buyer.page.getByRole('article').filter({ hasText: comment })
		await card.getByLabel('Reason').fill('Checked the journal: the rework was requested for a real defect')
		buyer.page.once('dialog', (dialog) => void dialog.accept())
		await card.getByRole('button', { name: 'Resolve' }).click()
		await expect(toast(buyer.page, 'Dispute upheld')).toBeVisible()
	} finally {
		await buyer.context.close()
	}

	const auditor = await signInElsewhere(browser, 'auditor@procura.test', /\/audit$/)
	try {
		await auditor.page.goto('/audit/disputes?status=upheld')
		const row = auditor.page.getByRole('row').filter({ hasText: comment })
		await expect(row).toContainText('Northwind Back Office')
		await expect(row).toContainText('Upheld')
		await expect(row).toContainText('a real defect')
	} finally {
		await auditor.context.close()
	}
})
