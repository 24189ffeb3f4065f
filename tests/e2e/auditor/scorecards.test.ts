import { readFile } from 'node:fs/promises'
import { type Download } from '@playwright/test'
import { expect, seriousAxeViolations, test } from '#tests/playwright-utils.ts'

/** A download's text with its BOM checked and removed. */
async function csvOf(download: Download) {
	const bytes = await readFile(await download.path())
	expect([...bytes.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf])
	return bytes.subarray(3).toString('utf8').split('\r\n')
}

test('the auditor opens the supplier with the poorest on-time rate, drills into its late orders, exports the CSVs and verifies the chain', async ({
	page,
	loginAs,
}) => {
	await loginAs('auditor')
	await page.getByRole('link', { name: 'Scorecards' }).click()
	await expect(page.getByRole('heading', { level: 1, name: 'Scorecards' })).toBeVisible()

	// Last month: published by the scorecard job when the server started.
	const month = page.getByLabel('Month', { exact: true })
	const lastMonth = (await month.locator('option').nth(1).getAttribute('value'))!
	await month.selectOption(lastMonth)
	await page.getByLabel('Sort by').selectOption('onTimeRate')
	await page.getByLabel('Order', { exact: true }).selectOption('asc')
	await page.getByRole('button', { name: 'Show' }).click()
	await expect(page).toHaveURL(new RegExp(`month=${lastMonth}.*sort=onTimeRate`))
	expect(await seriousAxeViolations(page)).toEqual([])

	// Rows without deliveries go last, so the first row has the poorest on-time rate of the month.
	const worst = page.locator('table.scorecards tbody tr').first()
	const onTimeText = await worst.locator('td').nth(7).innerText()
	const onTime = Number(/^([\d.]+)%/.exec(onTimeText)?.[1])
	expect(onTime, onTimeText).toBeLessThan(100)
	const supplierName = ((await worst.getByRole('rowheader').textContent()) ?? '').trim()
	const className = ((await worst.locator('td').first().textContent()) ?? '').trim()
	await expect(worst.locator('td').nth(1)).toHaveText('published')

	// The month's scorecards as CSV, with the same row.
	const listDownload = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Download CSV' }).click()
	const listCsv = await csvOf(await listDownload)
	expect(listCsv[0]).toMatch(/^supplier,class,month,source,orders,score,standing,response_rate,/)
	const csvRow = listCsv.find((line) =>
		line.startsWith(`${supplierName},${className},${lastMonth},published,`),
	)
	expect(csvRow, `${supplierName} / ${className} in the CSV`).toBeDefined()
	expect(csvRow).toContain(`,${(onTime / 100).toFixed(4)},`)

	// The supplier's page: per-class figures, twelve-month trend charts and the standing history.
	await worst.getByRole('link', { name: supplierName }).click()
	await expect(page.getByRole('heading', { level: 1, name: supplierName })).toBeVisible()
	await expect(page.getByRole('img', { name: /^On-time rate, .* to / })).toBeVisible()
	await expect(page.getByRole('heading', { name: 'Standing history' })).toBeVisible()
	expect(await seriousAxeViolations(page)).toEqual([])
	await page
		.getByRole('link', { name: new RegExp(`^On-time rate of ${className}: .*see the evidence$`) })
		.click()

	// The evidence: every delivery in the denominator, the late ones marked in words.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`On-time rate: ${className}, ${monthLabel(lastMonth)}`,
	)
	const late = page.locator('table.evidence tbody tr', { hasText: 'Late' })
	await expect(late.first()).toBeVisible()
	const lateNumber = ((await late.first().getByRole('rowheader').textContent()) ?? '').trim()
	expect(lateNumber).toMatch(/^PO-\d{4}-\d{6}$/)
	expect(await seriousAxeViolations(page)).toEqual([])

	const evidenceDownload = page.waitForEvent('download')
	await page.getByRole('link', { name: 'Download CSV' }).click()
	const evidenceCsv = await csvOf(await evidenceDownload)
	expect(evidenceCsv[0]).toBe(
		'supplier,class,month,metric,order_number,at_utc,counted_in_numerator,minutes,event_ids,detail,order_id,supplier_id,order_class_id',
	)
	const lateLine = evidenceCsv.find((line) => line.includes(`,${lateNumber},`))
	expect(lateLine).toMatch(
		new RegExp(`^${supplierName},${className},${lastMonth},onTimeRate,${lateNumber},[^,]+Z,no,`),
	)

	// The late order itself, read-only, with the events the evidence cites.
	await late.first().getByRole('link', { name: lateNumber }).click()
	await expect(page.getByRole('heading', { level: 1 })).toContainText(lateNumber)
	const delivered = page.locator('.timeline li', { hasText: 'Delivered' }).first()
	await expect(delivered).toContainText(/#\d+/)

	// And the trail those numbers rest on is intact.
	await page.getByRole('link', { name: 'Verify chain' }).click()
	await page.getByRole('button', { name: 'Verify the chain' }).click()
	await expect(page.getByText('Chain verified')).toBeVisible()
})

test('the recompute view compares a published scorecard with the events', async ({ page, loginAs }) => {
	await loginAs('auditor')
	await page.goto('/audit/scorecards')
	// Last month, published when the server started.
	const lastMonth = await page
		.getByLabel('Month', { exact: true })
		.locator('option')
		.nth(1)
		.getAttribute('value')
	await page.goto(`/audit/scorecards?month=${lastMonth}`)
	await page.locator('table.scorecards tbody tr').first().getByRole('rowheader').getByRole('link').click()
	await page
		.getByRole('link', { name: /^Recompute/ })
		.first()
		.click()
	await expect(page.getByRole('heading', { level: 1, name: /^Recompute: / })).toBeVisible()
	await expect(page.locator('main').getByRole('status')).toHaveText(
		/^Match: the events recompute to exactly the published counts/,
	)
	expect(await seriousAxeViolations(page)).toEqual([])
})

function monthLabel(month: string) {
	const names = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
	const [year, m] = month.split('-')
	return `${names[Number(m) - 1]} ${year}`
}
