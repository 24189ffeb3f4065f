import { DEMO_PASSWORD, DEMO_USERS, expect, submitLogin, test, type DemoRole } from '#tests/playwright-utils.ts'

for (const role of Object.keys(DEMO_USERS) as DemoRole[]) {
	test(`the demo ${role} logs in through the form and lands in the ${role} portal`, async ({ page }) => {
		const user = DEMO_USERS[role]
		await page.goto('/')
		await expect(page).toHaveURL(/\/login/)
		await submitLogin(page, user.email, DEMO_PASSWORD)
		await expect(page).toHaveURL(new RegExp(`${user.portal}$`))
		await expect(page.getByRole('heading', { level: 1, name: user.heading })).toBeVisible()

		await page.getByRole('button', { name: /log out/i }).click()
		await expect(page).toHaveURL(/\/login/)
		await page.goto(user.portal)
		await expect(page).toHaveURL(/\/login\?redirectTo=/)
	})
}

test('a wrong password shows one clear message and keeps the typed email', async ({ page }) => {
	await page.goto('/login')
	await submitLogin(page, 'buyer@procura.test', 'not-the-password')
	await expect(page.getByText(/invalid email or password/i)).toBeVisible()
	await expect(page.getByLabel('Email')).toHaveValue('buyer@procura.test')
})

test('anonymous visitors are sent to login and back to where they were going', async ({ page }) => {
	await page.goto('/buyer')
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fbuyer/)
	await submitLogin(page, DEMO_USERS.buyer.email, DEMO_PASSWORD)
	await expect(page).toHaveURL(/\/buyer$/)
	await expect(page.getByRole('heading', { level: 1, name: 'Buyer dashboard' })).toBeVisible()
})

test('a supplier opening the buyer portal sees a 403 page', async ({ page, loginAs }) => {
	await loginAs('supplier')
	const response = await page.goto('/buyer')
	expect(response?.status()).toBe(403)
	await expect(page.getByRole('heading', { name: 'Not allowed' })).toBeVisible()
})

test('an unknown page shows a 404 page', async ({ page, loginAs }) => {
	await loginAs('buyer')
	const response = await page.goto('/buyer/no-such-page')
	expect(response?.status()).toBe(404)
	await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible()
})
