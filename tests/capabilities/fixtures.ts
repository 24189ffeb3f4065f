import { and, asc, eq } from 'drizzle-orm'
import { getDb } from '#app/utils/db.server.ts'
import { auditEvents, categories, orderClasses, supplierCapabilities } from '#db/schema/index.ts'
import { insertCapability } from '#tests/factories/capabilities.ts'
import { insertSupplier } from '#tests/factories/suppliers.ts'
import { insertUser } from '#tests/factories/users.ts'
import { buildRequest } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { chainAuditEvents } from '#app/models/audit-event.server.ts'

/** Ids of the reference data the migrations seed, by key. */
export async function referenceIds() {
	const db = getDb()
	const [cats, classes] = await Promise.all([
		db.select({ id: categories.id, key: categories.key }).from(categories),
		db.select({ id: orderClasses.id, key: orderClasses.key }).from(orderClasses),
	])
	const pick = (rows: { id: string; key: string }[], key: string) => {
		const row = rows.find((r) => r.key === key)
		if (!row) throw new Error(`No reference row ${key}`)
		return row.id
	}
	return {
		category: (key: string) => pick(cats, key),
		orderClass: (key: string) => pick(classes, key),
	}
}

/**
 * Supplier A (EU-West, EU-Central) with a user and one capability (data entry ×
 * standard), and supplier B with a capability of its own.
 */
export async function twoSuppliersWithCapabilities() {
	const db = getDb()
	const supplierA = await insertSupplier(db, { regions: ['EU-West', 'EU-Central'], available24x7: true })
	const supplierB = await insertSupplier(db, { regions: ['APAC'] })
	const userOfA = await insertUser(db, { role: 'supplier', supplierId: supplierA.id })
	const capabilityOfA = await insertCapability(db, { supplierId: supplierA.id, regions: ['EU-West'] })
	const capabilityOfB = await insertCapability(db, {
		supplierId: supplierB.id,
		orderClassKey: 'bulk',
		weeklyCapacity: 5000,
		regions: ['APAC'],
	})
	return {
		supplierA,
		supplierB,
		userOfA,
		capabilityOfA,
		capabilityOfB,
		cookieOfA: await sessionCookieFor(userOfA.id),
	}
}

export type RowInput = {
	capabilityId?: string
	categoryId: string
	orderClassId: string
	weeklyCapacity?: string
	capacityUnit?: string
	leadTimeHours?: string
	regions?: string[]
	available24x7?: boolean
	paused?: boolean
	exceptionNote?: string
}

/** The capability form as a browser posts it: `rows.<i>.<field>`, repeated regions, ticked boxes as "on". */
export function capabilityForm(rows: RowInput[]): URLSearchParams {
	const form = new URLSearchParams({ rowCount: String(rows.length) })
	rows.forEach((row, i) => {
		const put = (field: string, value: string) => form.append(`rows.${i}.${field}`, value)
		put('capabilityId', row.capabilityId ?? '')
		put('categoryId', row.categoryId)
		put('orderClassId', row.orderClassId)
		put('weeklyCapacity', row.weeklyCapacity ?? '100')
		put('capacityUnit', row.capacityUnit ?? 'units')
		put('leadTimeHours', row.leadTimeHours ?? '48')
		for (const region of row.regions ?? ['EU-West']) put('regions', region)
		if (row.available24x7) put('available24x7', 'on')
		if (row.paused) put('paused', 'on')
		put('exceptionNote', row.exceptionNote ?? '')
	})
	return form
}

/** A stored capability as the form row that keeps it unchanged. */
export function unchangedRow(row: typeof supplierCapabilities.$inferSelect): RowInput {
	return {
		capabilityId: row.id,
		categoryId: row.categoryId,
		orderClassId: row.orderClassId,
		weeklyCapacity: String(row.weeklyCapacity),
		capacityUnit: row.capacityUnit,
		leadTimeHours: String(row.leadTimeHours),
		regions: row.regions,
		available24x7: row.available24x7,
		paused: row.pausedAt !== null,
		exceptionNote: row.exceptionNote ?? '',
	}
}

export function postCapabilities(
	cookie: string,
	body: BodyInit,
	contentType = 'application/x-www-form-urlencoded',
) {
	return buildRequest('/supplier/capabilities', {
		method: 'POST',
		cookie,
		body,
		headers: { 'content-type': contentType },
	})
}

export async function capabilitiesOf(supplierId: string) {
	return getDb()
		.select()
		.from(supplierCapabilities)
		.where(eq(supplierCapabilities.supplierId, supplierId))
		.orderBy(asc(supplierCapabilities.createdAt), asc(supplierCapabilities.id))
}

export async function auditTrailOf(supplierId: string, entityType = 'capability') {
	await chainAuditEvents(getDb())
	return getDb()
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.supplierId, supplierId), eq(auditEvents.entityType, entityType)))
		.orderBy(asc(auditEvents.seq))
}
