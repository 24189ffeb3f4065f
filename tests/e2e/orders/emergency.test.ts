import { expect, seriousAxeViolations, test } from '#tests/playwright-utils.ts'
import { fillIntake, hydrated, localInputValue, signInElsewhere, toast } from './helpers.ts'

// The demo's 24x7 IT support suppliers with an active emergency contract, and one of their users each.
const SUPPLIER_LOGINS: Record<string, string> = {
	'Quickline Emergency Response': 'oncall.quickline@procura.test',
	'Kestrel IT Support': 'noc.kestrel@procura.test',
}

test('an emergency order goes to a 24x7 supplier, who accepts, starts and delivers; the buyer sees why and closes', async ({
	page,
	loginAs,
	browser,
}) => {
	const description = `Payroll server down in Dublin, incident ${Date.now()}`
	await loginAs('buyer')
	await page.goto('/buyer/orders/new')
	await hydrated(page)
	await fillIntake(page, {
		orderClass: 'Emergency',
		category: 'IT support',
		quantity: '1',
		unit: 'incidents',
		description,
		neededBy: localInputValue(6),
		region: 'EU-West',
		justification: 'Staff cannot be paid today without the payroll server.',
	})
	// The live preview: who can serve it, at what price.
	const preview = page.getByRole('region', { name: 'Before you place it' })
	await expect(preview).toContainText('Suppliers who can take it now: 2')
	await expect(preview).toContainText(/Expected price: €[\d,.]+ – €[\d,.]+/)
	expect(await seriousAxeViolations(page)).toEqual([])
	await page.getByRole('button', { name: 'Place order' }).click()

	await expect(toast(page, 'placed')).toContainText('Offered to 2 suppliers')
	const number = (await page.getByRole('heading', { level: 1 }).innerText()).trim()
	expect(number).toMatch(/^PO-\d{4}-\d{6}$/)
	const orderUrl = page.url()
	await expect(page.locator('.order-title .badge')).toHaveText('Offered')

	// "Why this supplier": every candidate with its rank, score and the score's four parts.
	const why = page.getByRole('region', { name: 'Why this supplier' })
	const candidates = why.getByRole('table').first()
	await expect(candidates.getByRole('columnheader', { name: /Speed \(weight 45\)/ })).toBeVisible()
	const best = candidates.getByRole('row').nth(1)
	await expect(best.getByRole('cell').first()).toHaveText('1')
	const bestName = ((await best.getByRole('rowheader').textContent()) ?? '').trim()
	const email = SUPPLIER_LOGINS[bestName]
	expect(email, `rank 1 is ${bestName}`).toBeDefined()
	// Each part of the score is a number out of 100, readable without the bars' colour.
	await expect(best.getByRole('cell')).toHaveText([
		'1',
		/^\d+\.\d$/,
		/^\d+$/,
		/^\d+$/,
		/^\d+$/,
		/^\d+$/,
		/^€[\d,.]+$/,
		'Offered',
	])

	// The chosen supplier, in a browser of its own: the offer on top of the inbox, with a live countdown.
	const supplier = await signInElsewhere(browser, email!, /\/supplier$/)
	try {
		const s = supplier.page
		await expect(s.getByRole('heading', { name: /Offers waiting for you: [1-9]/ })).toBeVisible()
		await s.goto('/supplier/orders')
		await hydrated(s)
		const top = s.locator('.inbox > li').first()
		await expect(top.getByRole('heading', { level: 3 })).toHaveText(number)
		await expect(top.getByText('Emergency', { exact: true })).toBeVisible()
		const timer = top.getByRole('timer')
		await expect(timer).toHaveAttribute('aria-label', /^Answer by /)
		await expect(timer).toHaveText(/^\d{2}:\d{2} left$/)
		const first = await timer.innerText()
		await expect(timer).not.toHaveText(first)
		expect(await seriousAxeViolations(s)).toEqual([])

		await top.getByRole('button', { name: `Accept ${number}` }).click()
		await expect(toast(s, 'Offer accepted')).toBeVisible()
		await expect(s.getByRole('heading', { level: 1, name: number })).toBeVisible()
		await expect(s.locator('.order-title .badge')).toHaveText('Accepted')

		await s.getByRole('button', { name: 'Start work' }).click()
		await expect(toast(s, 'Work started')).toBeVisible()
		await expect(s.locator('.order-title .badge')).toHaveText('In progress')
		await s
			.getByLabel('Status update or note for the buyer')
			.fill('Server restored, running the payroll now.')
		await s.getByRole('button', { name: 'Post update' }).click()
		await expect(toast(s, 'Update posted')).toBeVisible()
		await expect(s.getByLabel('Delivered quantity')).toHaveValue('1')
		await s.getByRole('button', { name: 'Mark as delivered' }).click()
		await expect(toast(s, 'Marked as delivered')).toBeVisible()
		await expect(s.locator('.order-title .badge')).toHaveText('Delivered')
	} finally {
		await supplier.context.close()
	}

	// The buyer sees who was chosen and why, follows the timeline, and closes.
	await page.goto(orderUrl)
	await hydrated(page)
	await expect(page.locator('.facts')).toContainText(bestName)
	const chosen = why.getByRole('row').filter({ hasText: 'Chosen' })
	await expect(chosen.getByRole('rowheader')).toHaveText(bestName)
	await expect(page.getByRole('region', { name: 'Offers' })).toContainText('Withdrawn')
	const timeline = page.getByRole('region', { name: 'Timeline' })
	await expect(timeline).toContainText('Server restored, running the payroll now.')
	await expect(timeline).toContainText('Offer accepted')
	await page.getByRole('button', { name: 'Confirm delivery and close' }).click()
	await expect(toast(page, 'Order closed')).toBeVisible()
	await expect(page.locator('.order-title .badge')).toHaveText('Closed')
	await expect(page.getByRole('region', { name: 'What you can do' })).toContainText(
		'needs nothing from a buyer',
	)
	expect(await seriousAxeViolations(page)).toEqual([])
	// At phone width the page does not scroll sideways; the wide tables scroll inside their own boxes.
	await page.setViewportSize({ width: 375, height: 800 })
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375)
})
