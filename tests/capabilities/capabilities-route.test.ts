import { eq } from 'drizzle-orm'
import { describe, expect, test } from 'vitest'
import { loader as dashboardLoader } from '#app/routes/supplier+/_index.tsx'
import { action, loader } from '#app/routes/supplier+/capabilities.tsx'
import { getDb } from '#app/utils/db.server.ts'
import { supplierCapabilities } from '#db/schema/index.ts'
import { insertCapability } from '#tests/factories/capabilities.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import {
	auditTrailOf,
	capabilitiesOf,
	capabilityForm,
	postCapabilities,
	referenceIds,
	twoSuppliersWithCapabilities,
	unchangedRow,
} from './fixtures.ts'

type Page = Awaited<ReturnType<typeof loader>>

describe('the capability form is scoped to the session’s supplier', () => {
	test('the page lists only the own rows, with each class’s policy bounds', async () => {
		const { supplierA, capabilityOfA, capabilityOfB, cookieOfA } = await twoSuppliersWithCapabilities()
		const result = await callRoute(
			loader,
			buildRequest(`/supplier/capabilities?supplierId=${capabilityOfB.supplierId}`, { cookie: cookieOfA }),
		)
		expect(result.status).toBe(200)
		const page = result.data as Page
		expect(page.supplier).toMatchObject({ id: supplierA.id, regions: ['EU-West', 'EU-Central'] })
		expect(page.rows.map((r) => r.capabilityId)).toEqual([capabilityOfA.id])
		expect(page.classes.find((c) => c.key === 'bulk')).toMatchObject({
			minQuantity: 500,
			deliveryTargetHours: 336,
		})
		expect(page.classes.find((c) => c.key === 'emergency')).toMatchObject({ requires24x7: true })
	})

	test("posting another supplier's row id answers 404 and changes nothing on either side", async () => {
		const { supplierA, supplierB, capabilityOfA, capabilityOfB, cookieOfA } =
			await twoSuppliersWithCapabilities()
		const ids = await referenceIds()
		const form = capabilityForm([
			unchangedRow(capabilityOfA),
			{ ...unchangedRow(capabilityOfB), weeklyCapacity: '9000', regions: ['EU-West'] },
			{ categoryId: ids.category('accounting'), orderClassId: ids.orderClass('standard') },
		])
		const result = await callRoute(action, postCapabilities(cookieOfA, form))
		expect(result.status).toBe(404)
		expect(await capabilitiesOf(supplierB.id)).toEqual([capabilityOfB])
		expect(await capabilitiesOf(supplierA.id)).toEqual([capabilityOfA])
		expect(await auditTrailOf(supplierA.id)).toEqual([])
		expect(await auditTrailOf(supplierB.id)).toEqual([])
	})

	test('the dashboard counts the own capabilities only', async () => {
		const { supplierA, cookieOfA } = await twoSuppliersWithCapabilities()
		await insertCapability(getDb(), {
			supplierId: supplierA.id,
			orderClassKey: 'urgent',
			leadTimeHours: 8,
			pausedAt: new Date(),
		})
		const result = await callRoute(dashboardLoader, buildRequest('/supplier', { cookie: cookieOfA }))
		expect(result.data).toMatchObject({ capabilities: { total: 2, paused: 1 } })
	})

	test('an id that does not exist answers 404 too', async () => {
		const { capabilityOfA, cookieOfA } = await twoSuppliersWithCapabilities()
		const form = capabilityForm([{ ...unchangedRow(capabilityOfA), capabilityId: crypto.randomUUID() }])
		expect((await callRoute(action, postCapabilities(cookieOfA, form))).status).toBe(404)
	})
})

describe('saving the declaration set writes each change with its audit event', () => {
	test('create, update, pause, remove, then resume', async () => {
		const { supplierA, userOfA, capabilityOfA, cookieOfA } = await twoSuppliersWithCapabilities()
		const ids = await referenceIds()
		const db = getDb()
		const toPause = await insertCapability(db, {
			supplierId: supplierA.id,
			orderClassKey: 'urgent',
			leadTimeHours: 12,
		})
		const toRemove = await insertCapability(db, { supplierId: supplierA.id, orderClassKey: 'one-time' })

		const first = await callRoute(
			action,
			postCapabilities(
				cookieOfA,
				capabilityForm([
					{ ...unchangedRow(capabilityOfA), weeklyCapacity: '250', regions: ['EU-Central', 'EU-West'] },
					{ ...unchangedRow(toPause), paused: true },
					{
						categoryId: ids.category('data-entry'),
						orderClassId: ids.orderClass('bulk'),
						weeklyCapacity: '800',
						leadTimeHours: '400',
						exceptionNote: 'Bulk batches are keyed over two weekends.',
					},
				]),
			),
		)
		expect(first.status).toBe(302)
		expect(first.location).toBe('/supplier/capabilities')
		expect(first.setCookie).toContain('en_toast')

		const rows = await capabilitiesOf(supplierA.id)
		expect(rows.map((r) => r.id)).not.toContain(toRemove.id)
		expect(rows.find((r) => r.id === capabilityOfA.id)).toMatchObject({
			weeklyCapacity: 250,
			regions: ['EU-West', 'EU-Central'],
		})
		expect(rows.find((r) => r.id === toPause.id)?.pausedAt).toBeInstanceOf(Date)
		const created = rows.find((r) => r.orderClassId === ids.orderClass('bulk'))
		expect(created).toMatchObject({
			weeklyCapacity: 800,
			leadTimeHours: 400,
			exceptionNote: 'Bulk batches are keyed over two weekends.',
			pausedAt: null,
		})

		const trail = await auditTrailOf(supplierA.id)
		expect(trail.map((e) => [e.action, e.entityId])).toEqual([
			['capability.removed', toRemove.id],
			['capability.updated', capabilityOfA.id],
			['capability.paused', toPause.id],
			['capability.created', created!.id],
		])
		for (const event of trail) expect(event).toMatchObject({ actorUserId: userOfA.id, actorRole: 'supplier' })
		expect(trail[1]).toMatchObject({ before: { weeklyCapacity: 100 }, after: { weeklyCapacity: 250 } })

		// Resuming the paused row; the rest is sent unchanged and leaves no trace.
		const stored = await capabilitiesOf(supplierA.id)
		const second = await callRoute(
			action,
			postCapabilities(
				cookieOfA,
				capabilityForm(
					stored.map((r) => (r.id === toPause.id ? { ...unchangedRow(r), paused: false } : unchangedRow(r))),
				),
			),
		)
		expect(second.status).toBe(302)
		const [resumed] = await db
			.select()
			.from(supplierCapabilities)
			.where(eq(supplierCapabilities.id, toPause.id))
		expect(resumed?.pausedAt).toBeNull()
		const after = await auditTrailOf(supplierA.id)
		expect(after.slice(trail.length).map((e) => [e.action, e.entityId])).toEqual([
			['capability.resumed', toPause.id],
		])
	})

	test('removing every row is a valid declaration', async () => {
		const { supplierA, capabilityOfA, cookieOfA } = await twoSuppliersWithCapabilities()
		const result = await callRoute(action, postCapabilities(cookieOfA, capabilityForm([])))
		expect(result.status).toBe(302)
		expect(await capabilitiesOf(supplierA.id)).toEqual([])
		expect((await auditTrailOf(supplierA.id)).map((e) => [e.action, e.entityId])).toEqual([
			['capability.removed', capabilityOfA.id],
		])
	})

	test('a new row may take the pair of a row removed in the same save', async () => {
		const { supplierA, capabilityOfA, cookieOfA } = await twoSuppliersWithCapabilities()
		const { capabilityId: _, ...again } = { ...unchangedRow(capabilityOfA), weeklyCapacity: '300' }
		const result = await callRoute(action, postCapabilities(cookieOfA, capabilityForm([again])))
		expect(result.status).toBe(302)
		const rows = await capabilitiesOf(supplierA.id)
		expect(rows).toHaveLength(1)
		expect(rows[0]).toMatchObject({ weeklyCapacity: 300 })
		expect(rows[0]?.id).not.toBe(capabilityOfA.id)
	})
})

describe('two people editing the same capability set', () => {
	test('the second save over a stale page is refused with 409 and writes nothing', async () => {
		const { supplierA, capabilityOfA, cookieOfA } = await twoSuppliersWithCapabilities()
		const page = (await callRoute(loader, buildRequest('/supplier/capabilities', { cookie: cookieOfA })))
			.data as Page
		const withRevision = (rows: Parameters<typeof capabilityForm>[0]) => {
			const form = capabilityForm(rows)
			form.set('revision', page.revision)
			return form
		}
		const first = await callRoute(
			action,
			postCapabilities(cookieOfA, withRevision([{ ...unchangedRow(capabilityOfA), weeklyCapacity: '300' }])),
		)
		expect(first.status).toBe(302)

		const trail = await auditTrailOf(supplierA.id)
		const second = await callRoute(
			action,
			postCapabilities(cookieOfA, withRevision([{ ...unchangedRow(capabilityOfA), weeklyCapacity: '700' }])),
		)
		expect(second.status).toBe(409)
		expect(JSON.stringify(second.data)).toContain('changed these capabilities while you were editing')
		expect((await capabilitiesOf(supplierA.id))[0]).toMatchObject({ weeklyCapacity: 300 })
		expect(await auditTrailOf(supplierA.id)).toHaveLength(trail.length)
	})
})
