import { type Browser, type Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, submitLogin, test } from '#tests/playwright-utils.ts'

/** Waits until the page's scripts have hydrated (react-hook-form resets fields typed before that). */
export async function hydrated(page: Page) {
	await page.waitForLoadState('networkidle')
}

/** A moment `hours` from now as a datetime-local value in this machine's zone (the browser's too). */
export function localInputValue(hoursFromNow: number) {
	const at = new Date(Date.now() + hoursFromNow * 3_600_000)
	const shifted = new Date(at.getTime() - at.getTimezoneOffset() * 60_000)
	return shifted.toISOString().slice(0, 16)
}

/** A second person in a browser context of their own, signed in with the demo password. */
export async function signInElsewhere(browser: Browser, email: string, portal: RegExp) {
	const context = await browser.newContext({ baseURL: test.info().project.use.baseURL })
	const page = await context.newPage()
	await page.goto('/login')
	await submitLogin(page, email, DEMO_PASSWORD)
	await expect(page).toHaveURL(portal)
	return { context, page }
}

/** The toast that says `title`. */
export function toast(page: Page, title: string) {
	return page.getByRole('status').filter({ hasText: title })
}

export type IntakeValues = {
	orderClass: string
	category: string
	quantity: string
	unit: string
	description: string
	neededBy: string
	region: string
	justification?: string
}

/** Fills the intake form by its labels. */
export async function fillIntake(page: Page, v: IntakeValues) {
	await page.getByLabel('Order class').selectOption({ label: v.orderClass })
	await page.getByLabel('Category').selectOption({ label: v.category })
	await page.getByLabel('Quantity').fill(v.quantity)
	await page.getByLabel('Unit').fill(v.unit)
	await page.getByLabel('Description').fill(v.description)
	await page.getByLabel('Needed by').fill(v.neededBy)
	await page.getByLabel('Region').selectOption({ label: v.region })
	if (v.justification !== undefined) await page.getByLabel(/^Justification/).fill(v.justification)
}
