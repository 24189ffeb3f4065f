import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { loader as orderLoader } from '#app/routes/buyer+/orders.$orderId.tsx'
import { action as newOrderAction } from '#app/routes/buyer+/orders.new.tsx'
import { loader as previewLoader } from '#app/routes/buyer+/orders.preview.tsx'
import { orders } from '#db/schema/index.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { createOrderWorld, intakeForm, post } from './orders-world.ts'

type FormFailure = { errors: Record<string, { message: string }>; defaultValues: Record<string, string> }

describe('order intake routes', () => {
	test('intake: rule messages land on their fields and what was typed comes back', async () => {
		const w = await createOrderWorld({ minQuantity: 500 })
		const typed = intakeForm(w, { quantity: '120', description: 'Back-load of payslips' })
		const result = await post(newOrderAction, '/buyer/orders/new', w.cookies.buyer, { form: typed })
		expect(result.status).toBe(400)
		const failure = result.data as FormFailure
		expect(failure.errors.quantity?.message).toBe(`${w.cls.name} orders need at least 500 units.`)
		expect(Object.keys(failure.errors)).toEqual(['quantity'])
		expect(failure.defaultValues).toMatchObject({
			quantity: '120',
			description: 'Back-load of payslips',
			region: 'EU-West',
			neededBy: typed.neededBy,
		})

		const empty = await post(newOrderAction, '/buyer/orders/new', w.cookies.buyer, {
			form: intakeForm(w, { description: 'abc', region: 'Atlantis', neededBy: 'tomorrow', quantity: '1.5' }),
		})
		expect(empty.status).toBe(400)
		const errors = (empty.data as FormFailure).errors
		expect(errors.description?.message).toBe('Describe what is needed in at least 5 characters.')
		expect(errors.region?.message).toBe('Choose a region.')
		expect(errors.neededBy?.message).toBe('Enter the date and time it is needed by.')
		expect(errors.quantity?.message).toMatch(/whole number/)
	})

	test('intake: a needed-by time in the past is refused by the server rules, on its field', async () => {
		const w = await createOrderWorld()
		const form = intakeForm(w, { neededBy: '2020-01-01T09:00' })
		const result = await post(newOrderAction, '/buyer/orders/new', w.cookies.buyer, { form })
		expect(result.status).toBe(422)
		const failure = result.data as FormFailure
		expect(failure.errors.neededBy?.message).toBe('The needed-by time is in the past.')
		expect(failure.defaultValues.neededBy).toBe('2020-01-01T09:00')
	})

	test('intake: a valid order is placed, routed and the buyer lands on its page', async () => {
		const w = await createOrderWorld()
		// The browser sends the instant it read in the viewer's zone; without JavaScript a bare time is UTC.
		const neededBy = new Date(Date.now() + 5 * 86_400_000)
		neededBy.setUTCSeconds(0, 0)
		const result = await post(newOrderAction, '/buyer/orders/new', w.cookies.buyer, {
			form: intakeForm(w, { neededBy: neededBy.toISOString().replace('Z', '+00:00') }),
		})
		expect(result.status).toBe(302)
		const orderId = result.location!.split('/').at(-1)!
		const [row] = await w.db.select().from(orders).where(eq(orders.id, orderId))
		expect(row).toMatchObject({ status: 'offered', quantity: 12, placedByUserId: w.buyer.id })
		expect(row!.neededBy.toISOString()).toBe(neededBy.toISOString())

		const page = await callRoute(
			orderLoader,
			buildRequest(`/buyer/orders/${orderId}`, { cookie: w.cookies.buyer }),
			{
				params: { orderId },
			},
		)
		expect(page.status).toBe(200)
		const data = page.data as {
			order: { supplierName: string | null }
			decisions: { candidates: { supplierName: string; rank: number }[] }[]
		}
		expect(data.decisions[0]!.candidates.map((c) => [c.rank, c.supplierName])).toEqual([
			[1, w.alder.supplier.name],
			[2, w.birch.supplier.name],
		])
	})

	test('the preview tells how many suppliers can serve it and warns when none can', async () => {
		const w = await createOrderWorld()
		const query = (region: string) =>
			`/buyer/orders/preview?orderClassId=${w.cls.id}&categoryId=${w.category.id}&quantity=10&region=${encodeURIComponent(region)}`
		const served = await callRoute(previewLoader, buildRequest(query('EU-West'), { cookie: w.cookies.buyer }))
		expect(served.data).toMatchObject({ preview: { capableSupplierCount: 2 } })
		const nobody = await callRoute(previewLoader, buildRequest(query('APAC'), { cookie: w.cookies.buyer }))
		const preview = (nobody.data as { preview: { capableSupplierCount: number; warnings: string[] } }).preview
		expect(preview.capableSupplierCount).toBe(0)
		expect(preview.warnings.join(' ')).toMatch(/No supplier can serve/)
		const garbage = await callRoute(
			previewLoader,
			buildRequest('/buyer/orders/preview?orderClassId=x&quantity=%00', { cookie: w.cookies.buyer }),
		)
		expect(garbage.data).toEqual({ preview: null })
	})
})
