import { expect, seriousAxeViolations, test } from '#tests/playwright-utils.ts'

test('a buyer reads the operations figures, switches to 90 days and one class, and follows the rework rate to its orders', async ({
	page,
	loginAs,
}) => {
	await loginAs('buyer')
	await page
		.getByRole('navigation', { name: 'Buyer navigation' })
		.getByRole('link', { name: 'Operations' })
		.click()
	await expect(page.getByRole('heading', { level: 1, name: 'Operations' })).toBeVisible()
	await expect(page.getByRole('link', { name: 'Last 30 days' })).toHaveAttribute('aria-current', 'page')

	// The demo history (six months of orders) gives every figure a value with its basis.
	await expect(page.getByTestId('cycle-time-value')).toHaveText(/median$/)
	const rework = page.getByRole('article', { name: 'Rework rate' })
	await expect(rework.getByText(/^\d+ of \d+ closed orders$/)).toBeVisible()
	await expect(
		page.getByRole('article', { name: 'Exception rate' }).getByText(/of \d+ orders placed$/),
	).toBeVisible()
	await expect(
		page.getByRole('article', { name: 'On-time release' }).getByText(/offers answered$/),
	).toBeVisible()
	const backlog = page.getByRole('region', { name: 'Backlog age' })
	await expect(backlog.getByRole('row')).toHaveCount(6)
	// Every weekly bar is a link named after its week.
	const cycleChart = page.getByRole('figure', { name: /Median cycle time/ })
	await expect(cycleChart.getByRole('link', { name: /^Week \d{4}-W\d{2}/ }).first()).toBeVisible()
	expect(await seriousAxeViolations(page)).toEqual([])

	await page.getByRole('link', { name: 'Last 90 days' }).click()
	await expect(page).toHaveURL(/days=90/)
	await expect(page.getByRole('link', { name: 'Last 90 days' })).toHaveAttribute('aria-current', 'page')

	// Pick a class whose rework rate over 90 days has at least one order behind it.
	const classRows = page.getByRole('region', { name: 'By order class' }).getByRole('row')
	await expect(classRows.nth(1)).toBeVisible()
	let className: string | null = null
	for (const row of await classRows.all()) {
		const cells = row.getByRole('cell')
		if ((await cells.count()) < 4) continue
		if (/\([1-9]\d* of \d+\)/.test(await cells.nth(3).innerText())) {
			className = await row.getByRole('rowheader').innerText()
			break
		}
	}
	expect(className).not.toBeNull()
	await page.getByLabel('Order class', { exact: true }).selectOption({ label: className! })
	await page.getByRole('button', { name: 'Show' }).click()
	await expect(page).toHaveURL(/days=90&orderClassId=/)
	await expect(page.getByText(`${className} · last 90 days`)).toBeVisible()

	const reworkLink = page
		.getByRole('article', { name: 'Rework rate' })
		.getByRole('link', { name: /with rework$/ })
	const reworked = Number((await reworkLink.innerText()).match(/\d+/)![0])
	expect(reworked).toBeGreaterThan(0)
	await reworkLink.click()

	await expect(page).toHaveURL(/\/buyer\/orders\?.*hadRework=1/)
	await expect(page.getByRole('link', { name: 'Remove filter: Had a rework request' })).toBeVisible()
	await expect(
		page.getByRole('heading', { level: 2, name: `${reworked} ${reworked === 1 ? 'order' : 'orders'}` }),
	).toBeVisible()
	const orderLinks = page.getByRole('table').getByRole('rowheader').getByRole('link')
	await expect(orderLinks).toHaveCount(reworked)
	const hrefs = await Promise.all((await orderLinks.all()).map((l) => l.getAttribute('href')))
	for (const href of hrefs) {
		await page.goto(href!)
		await expect(page.getByText('Rework requested').first()).toBeVisible()
	}
})
