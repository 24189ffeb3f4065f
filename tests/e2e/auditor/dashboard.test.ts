import { expect, test } from '#tests/playwright-utils.ts'

test('the auditor sees the audit trail figures, including their own login', async ({ page, loginAs }) => {
	await loginAs('auditor')
	const recorded = page.locator('.stat', { has: page.getByText('Audit events recorded', { exact: true }) }).locator('dd')
	expect(Number(await recorded.innerText())).toBeGreaterThanOrEqual(1)
	await expect(page.getByRole('cell', { name: 'user.logged_in' }).first()).toBeVisible()
})

test('the auditor portal accepts no writes', async ({ page, loginAs }) => {
	await loginAs('auditor')
	const response = await page.request.post('/audit', { form: { anything: 'x' } })
	expect([403, 405]).toContain(response.status())
})
