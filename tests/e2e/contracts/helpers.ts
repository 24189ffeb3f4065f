import { type Page } from '@playwright/test'

/**
 * Waits until the page's scripts have loaded and hydrated: react-hook-form sets each field to its default
 * when it registers, so text typed before hydration would be reset, and "Add" buttons would do nothing.
 */
export async function hydrated(page: Page) {
	await page.waitForLoadState('networkidle')
}
