import { DEMO_USERS, expect, seriousAxeViolations, test, type DemoRole } from '#tests/playwright-utils.ts'

test('the login page has no serious accessibility violations', async ({ page }) => {
	await page.goto('/login')
	expect(await seriousAxeViolations(page)).toEqual([])
})

for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
	test(`the ${role} dashboard has no serious accessibility violations`, async ({ page, loginAs }) => {
		await loginAs(role)
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
		expect(await seriousAxeViolations(page)).toEqual([])
	})
}

test('the dashboards are usable at phone width', async ({ page, loginAs }) => {
	await page.setViewportSize({ width: 375, height: 740 })
	await loginAs('buyer')
	const width = await page.evaluate(() => document.documentElement.scrollWidth)
	expect(width).toBeLessThanOrEqual(375)
	await expect(page.getByRole('button', { name: /log out/i })).toBeVisible()
})
