import { eq } from 'drizzle-orm'
import { checkRegionsStillServed } from '#app/domain/capabilities/profile-regions.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { type SupplierProfile } from '#app/schemas/supplier-profile.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'

const { supplierCapabilities, suppliers } = schema

const PROFILE_COLUMNS = {
	name: suppliers.name,
	contactEmail: suppliers.contactEmail,
	contactPhone: suppliers.contactPhone,
	regions: suppliers.regions,
	timeZone: suppliers.timeZone,
	available24x7: suppliers.available24x7,
}

/** The caller's own organisation profile (the supplier id comes from the session), or null. */
export async function getSupplierProfile(db: Executor, { supplierId }: { supplierId: string }) {
	const [profile] = await db
		.select({ id: suppliers.id, status: suppliers.status, ...PROFILE_COLUMNS })
		.from(suppliers)
		.where(eq(suppliers.id, supplierId))
	return profile ?? null
}

/**
 * Saves the organisation's profile with a 'supplier.profile_updated' audit event
 * (before/after) in one transaction; nothing is written when nothing changed.
 * A region that capabilities still serve cannot be dropped (RULE_VIOLATION on
 * `regions`).
 */
export async function updateSupplierProfile(
	db: Executor,
	{
		actor,
		supplierId,
		profile,
		now = new Date(),
	}: { actor: { id: string; role: string }; supplierId: string; profile: SupplierProfile; now?: Date },
): Promise<{ changed: boolean }> {
	return db.transaction(async (tx) => {
		const [before] = await tx
			.select(PROFILE_COLUMNS)
			.from(suppliers)
			.where(eq(suppliers.id, supplierId))
			.for('update')
		if (!before) throw new AppError('NOT_FOUND', { message: 'Not found' })

		const capabilities = await tx
			.select({ regions: supplierCapabilities.regions })
			.from(supplierCapabilities)
			.where(eq(supplierCapabilities.supplierId, supplierId))
		const regionsProblem = checkRegionsStillServed(profile.regions, capabilities)
		if (regionsProblem) throw new AppError('RULE_VIOLATION', { message: regionsProblem, field: 'regions' })

		const after = { ...profile, regions: [...profile.regions] }
		const changed = (Object.keys(after) as Array<keyof typeof after>).some(
			(key) => JSON.stringify(after[key]) !== JSON.stringify(before[key]),
		)
		if (!changed) return { changed: false }

		await tx
			.update(suppliers)
			.set({ ...after, updatedAt: now })
			.where(eq(suppliers.id, supplierId))
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'supplier.profile_updated',
			entityType: 'supplier',
			entityId: supplierId,
			supplierId,
			before,
			after,
			occurredAt: now,
		})
		return { changed: true }
	})
}
