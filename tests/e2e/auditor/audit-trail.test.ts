import { readFile } from 'node:fs/promises'
import { expect, seriousAxeViolations, test } from '#tests/playwright-utils.ts'

test('the auditor searches the trail, reads a change, verifies the chain and downloads the CSV', async ({
	page,
	loginAs,
}) => {
	await loginAs('auditor')
	await page.getByRole('link', { name: 'Audit trail' }).click()
	await expect(page.getByRole('heading', { name: 'Audit trail', level: 1 })).toBeVisible()

	await page.getByLabel('Action').selectOption('order.placed')
	await page.getByRole('button', { name: 'Search' }).click()
	await expect(page).toHaveURL(/action=order\.placed/)
	const rows = page.locator('table.audit-trail tbody tr')
	await expect(rows.first()).toBeVisible()
	// Every row on the page is the action searched for.
	const actions = await rows.locator('td:nth-child(4)').allInnerTexts()
	expect(actions.length).toBeGreaterThan(0)
	expect(new Set(actions)).toEqual(new Set(['order.placed']))

	const firstRow = rows.first()
	await firstRow.getByText('Before / after').click()
	await expect(firstRow.getByText('After', { exact: true })).toBeVisible()
	await expect(firstRow.locator('pre').last()).toContainText('{')
	expect(await seriousAxeViolations(page)).toEqual([])

	const downloadPromise = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Download CSV' }).click()
	const download = await downloadPromise
	expect(download.suggestedFilename()).toMatch(/^audit-trail-.*\.csv$/)
	const bytes = await readFile(await download.path())
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
	const csv = bytes.subarray(3).toString('utf8')
	expect(
		csv.startsWith('seq,occurred_at,actor_user_id,actor_email,actor_role,action,entity_type,entity_id,'),
	).toBe(true)
	expect(csv).toContain(',order.placed,order,')

	await page.getByRole('link', { name: 'Verify chain' }).click()
	await page.getByRole('button', { name: 'Verify the chain' }).click()
	await expect(page.getByText('Chain verified')).toBeVisible()
	const checked = page.locator('dt', { hasText: 'Events checked' }).locator('+ dd')
	expect(Number((await checked.innerText()).replaceAll(',', ''))).toBeGreaterThan(0)
	await expect(page).toHaveURL(/\/audit\/verify\?run=1$/)
})

test('a bad filter is explained next to its field and the page still answers', async ({ page, loginAs }) => {
	await loginAs('auditor')
	const response = await page.goto('/audit/audit-trail?supplierId=not-a-uuid&from=2026-03-02&to=2026-03-01')
	expect(response?.status()).toBe(200)
	await expect(page.getByLabel('Supplier')).toHaveAttribute('aria-invalid', 'true')
	await expect(page.getByText('Choose a supplier from the list.')).toBeVisible()
	await expect(page.getByRole('alert')).toContainText('Correct the filters')
})

test('the trail, the export and the check accept no writes', async ({ page, loginAs }) => {
	await loginAs('auditor')
	for (const url of ['/audit/audit-trail', '/audit/audit-trail.csv', '/audit/verify']) {
		const response = await page.request.post(url, { form: { anything: 'x' } })
		expect(response.status()).toBe(405)
	}
})
