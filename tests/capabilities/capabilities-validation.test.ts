import { randomUUID } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { action, loader } from '#app/routes/supplier+/capabilities.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { categories } from '#db/schema/index.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import {
	auditTrailOf,
	capabilitiesOf,
	capabilityForm,
	postCapabilities,
	referenceIds,
	twoSuppliersWithCapabilities,
	unchangedRow,
	type RowInput,
} from './fixtures.ts'

type Refused = {
	errors: { rows?: Record<string, Record<string, { message: string }>>; root?: { message: string } }
	defaultValues?: { rows: Array<Record<string, unknown>> }
}

/** Posts `rows` after supplier A's saved row and expects a 400 that wrote nothing. */
async function refused(rows: (ids: Awaited<ReturnType<typeof referenceIds>>) => RowInput[]) {
	const { supplierA, capabilityOfA, cookieOfA } = await twoSuppliersWithCapabilities()
	const ids = await referenceIds()
	const result = await callRoute(
		action,
		postCapabilities(cookieOfA, capabilityForm([unchangedRow(capabilityOfA), ...rows(ids)])),
	)
	expect(result.status).toBe(400)
	expect(await capabilitiesOf(supplierA.id)).toEqual([capabilityOfA])
	expect(await auditTrailOf(supplierA.id)).toEqual([])
	return result.data as Refused
}

describe('rule violations answer 400 with the message on the row’s field, and nothing is written', () => {
	test('bulk capacity below the class minimum; the typed rows come back', async () => {
		const body = await refused((ids) => [
			{ categoryId: ids.category('data-entry'), orderClassId: ids.orderClass('bulk'), weeklyCapacity: '100' },
		])
		expect(body.errors.rows?.[1]?.weeklyCapacity?.message).toBe(
			'Bulk capacity must be at least 500 units per week, the class minimum.',
		)
		expect(body.errors.rows?.[0]).toBeUndefined()
		expect(body.defaultValues?.rows[1]).toMatchObject({
			weeklyCapacity: '100',
			capacityUnit: 'units',
			capabilityId: '',
		})
		expect(body.defaultValues?.rows).toHaveLength(2)
	})

	test('emergency needs 24x7; lead time beyond the target needs a note; regions within the supplier’s', async () => {
		const body = await refused((ids) => [
			{
				categoryId: ids.category('it-support'),
				orderClassId: ids.orderClass('emergency'),
				leadTimeHours: '4',
				regions: ['APAC'],
			},
			{
				categoryId: ids.category('accounting'),
				orderClassId: ids.orderClass('standard'),
				leadTimeHours: '200',
				regions: [],
			},
		])
		expect(body.errors.rows?.[1]?.available24x7?.message).toBe(
			'Emergency orders need a supplier available 24x7.',
		)
		expect(body.errors.rows?.[1]?.regions?.message).toBe("APAC is not one of your organisation's regions.")
		expect(body.errors.rows?.[2]?.leadTimeHours?.message).toBe(
			"Lead time 200 h is beyond the Standard class's delivery target of 120 h. Shorten it, or add an exception note saying why.",
		)
		expect(body.errors.rows?.[2]?.regions?.message).toBe('Choose at least one region.')
	})

	test('a duplicate (category, class) pair is reported on the second row', async () => {
		const body = await refused((ids) => [
			{ categoryId: ids.category('data-entry'), orderClassId: ids.orderClass('standard') },
		])
		const message = 'Data entry × Standard is already declared in row 1.'
		expect(body.errors.rows?.[1]?.categoryId?.message).toBe(message)
		expect(body.errors.rows?.[1]?.orderClassId?.message).toBe(message)
	})

	test('capacity and lead time bounds, and a short exception note', async () => {
		const body = await refused((ids) => [
			{
				categoryId: ids.category('accounting'),
				orderClassId: ids.orderClass('urgent'),
				weeklyCapacity: '0',
				leadTimeHours: '8761',
			},
			{
				categoryId: ids.category('hr-services'),
				orderClassId: ids.orderClass('urgent'),
				weeklyCapacity: '1000001',
				leadTimeHours: '2.5',
			},
			{
				categoryId: ids.category('accounting'),
				orderClassId: ids.orderClass('one-time'),
				leadTimeHours: '200',
				exceptionNote: 'busy',
			},
		])
		expect(body.errors.rows?.[1]?.weeklyCapacity?.message).toBe('Weekly capacity must be more than 0.')
		expect(body.errors.rows?.[1]?.leadTimeHours?.message).toBe(
			'Lead time can be at most 8,760 hours (a year).',
		)
		expect(body.errors.rows?.[2]?.weeklyCapacity?.message).toBe('Weekly capacity can be at most 1,000,000.')
		expect(body.errors.rows?.[2]?.leadTimeHours?.message).toBe('Enter the lead time in whole hours.')
		expect(body.errors.rows?.[3]?.exceptionNote?.message).toBe(
			'Explain the exception in at least 10 characters.',
		)
	})

	test('a retired category cannot be added', async () => {
		const key = `retired-${randomUUID().slice(0, 8)}`
		const [retired] = await getDb()
			.insert(categories)
			.values({ key, name: `Retired ${key}`, retiredAt: new Date() })
			.returning()
		const body = await refused((ids) => [
			{ categoryId: retired!.id, orderClassId: ids.orderClass('standard') },
		])
		expect(body.errors.rows?.[1]?.categoryId?.message).toBe(
			`The Retired ${key} category is retired: it cannot be added.`,
		)
	})
})

describe('bodies that are not this form answer 400, never 500, and remove nothing', () => {
	const bodies: Array<[string, BodyInit, string?]> = [
		['empty', ''],
		['no rowCount', 'rows.0.categoryId=x'],
		['rowCount not a number', 'rowCount=abc'],
		['absurd rowCount', 'rowCount=99999'],
		['a row beyond rowCount', 'rowCount=0&rows.3.categoryId=x'],
		['rowCount without fields', 'rowCount=2'],
		['a capabilityId that is not a uuid', 'rowCount=1&rows.0.capabilityId=1%20OR%201%3D1'],
		['JSON', JSON.stringify({ rows: [] }), 'application/json'],
		['multipart garbage', '--x\r\nnot really\r\n', 'multipart/form-data; boundary=x'],
	]
	for (const [label, body, contentType] of bodies) {
		test(label, async () => {
			const { supplierA, capabilityOfA, cookieOfA } = await twoSuppliersWithCapabilities()
			const result = await callRoute(action, postCapabilities(cookieOfA, body, contentType))
			expect(result.status).toBe(400)
			expect(await capabilitiesOf(supplierA.id)).toEqual([capabilityOfA])
		})
	}
})

describe('only supplier users reach the capability form', () => {
	for (const role of ['buyer', 'auditor', 'admin'] as const) {
		test(`${role}: 403 on the page and on saving`, async () => {
			const user = await insertUser(getDb(), { role })
			const cookie = await sessionCookieFor(user.id)
			expect((await callRoute(loader, buildRequest('/supplier/capabilities', { cookie }))).status).toBe(403)
			const { supplierA, capabilityOfA } = await twoSuppliersWithCapabilities()
			const result = await callRoute(action, postCapabilities(cookie, capabilityForm([])))
			expect(result.status).toBe(403)
			expect(await capabilitiesOf(supplierA.id)).toEqual([capabilityOfA])
		})
	}

	test('anonymous: sent to log in', async () => {
		const result = await callRoute(loader, buildRequest('/supplier/capabilities'))
		expect(result.status).toBe(302)
		expect(result.location).toMatch(/^\/login\?redirectTo=/)
	})
})
