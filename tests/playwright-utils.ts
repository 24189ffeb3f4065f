import AxeBuilder from '@axe-core/playwright'
import { expect, test as base, type Page } from '@playwright/test'

export const DEMO_PASSWORD = 'procura-demo'

export const DEMO_USERS = {
	admin: { email: 'admin@procura.test', portal: '/admin', heading: 'Admin dashboard' },
	buyer: { email: 'buyer@procura.test', portal: '/buyer', heading: 'Buyer dashboard' },
	auditor: { email: 'auditor@procura.test', portal: '/audit', heading: 'Audit dashboard' },
	supplier: { email: 'supplier@procura.test', portal: '/supplier', heading: 'Northwind Back Office' },
} as const

export type DemoRole = keyof typeof DEMO_USERS

/** Fills and submits the login form on the current page. */
export async function submitLogin(page: Page, email: string, password: string) {
	await page.getByLabel('Email').fill(email)
	await page.getByLabel('Password').fill(password)
	await page.getByRole('button', { name: /log in/i }).click()
}

export const test = base.extend<{ loginAs: (role: DemoRole) => Promise<void> }>({
	loginAs: async ({ page }, use) => {
		await use(async (role) => {
			const user = DEMO_USERS[role]
			await page.goto('/login')
			await submitLogin(page, user.email, DEMO_PASSWORD)
			await expect(page).toHaveURL(new RegExp(`${user.portal}$`))
		})
	},
})

/** Serious and critical accessibility violations on the current page. */
export async function seriousAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze()
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }))
}

export { expect }
