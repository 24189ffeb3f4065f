import { sql } from 'drizzle-orm'
import { can } from '#app/domain/permissions.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { type Actor, createInvitation, type SentInvitation } from '#app/models/user/invite-user.server.ts'
import { AppError, isAppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'

const { suppliers } = schema

export type NewSupplierOrganisation = {
	name: string
	regions: string[]
	contactEmail: string
	contactPhone?: string | null
	timeZone: string
}

/**
 * A buyer invites a supplier organisation: the supplier (status `invited`), its
 * 'supplier.invited' audit event and the invitation of its first user (with its
 * own audit event and the emailed 72-hour link) commit together or not at all.
 * A name already used by another supplier (ignoring case) is refused on `name`,
 * an address that has an account or an open invitation on `userEmail`.
 */
export async function inviteSupplierOrganisation(
	db: Executor,
	{
		actor,
		organisation,
		firstUser,
		appUrl,
		now = new Date(),
	}: {
		actor: Actor
		organisation: NewSupplierOrganisation
		firstUser: { name: string; email: string }
		appUrl: string
		now?: Date
	},
): Promise<{ supplierId: string; invitation: SentInvitation }> {
	if (!can(actor.role, 'create', 'supplier', 'any')) {
		throw new AppError('FORBIDDEN', { message: 'Only buyers can invite supplier organisations.' })
	}
	const name = organisation.name.trim()
	return db.transaction(async (tx) => {
		// No unique index on the name (suppliers may rename themselves later), so two buyers
		// inviting the same organisation at once queue here and the second sees the first.
		await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`supplier-name:${name.toLowerCase()}`}))`)
		const [taken] = await tx
			.select({ id: suppliers.id })
			.from(suppliers)
			.where(sql`lower(${suppliers.name}) = ${name.toLowerCase()}`)
			.limit(1)
		if (taken) {
			throw new AppError('CONFLICT', { message: 'A supplier with this name already exists.', field: 'name' })
		}

		const values = {
			name,
			status: 'invited' as const,
			regions: organisation.regions,
			contactEmail: organisation.contactEmail.trim().toLowerCase(),
			contactPhone: organisation.contactPhone?.trim() || null,
			timeZone: organisation.timeZone,
		}
		const [supplier] = await tx
			.insert(suppliers)
			.values({ ...values, createdAt: now, updatedAt: now })
			.returning({ id: suppliers.id })
		if (!supplier) throw new Error('Inserting the supplier returned no row')

		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'supplier.invited',
			entityType: 'supplier',
			entityId: supplier.id,
			supplierId: supplier.id,
			after: { ...values, firstUserEmail: firstUser.email.trim().toLowerCase() },
			occurredAt: now,
		})
		const invitation = await createInvitation(tx, {
			actor,
			email: firstUser.email,
			name: firstUser.name,
			role: 'supplier',
			supplierId: supplier.id,
			appUrl,
			now,
		}).catch((error: unknown) => {
			// The invitation's rules speak of `email`; on this form that field is the first user's.
			if (isAppError(error) && error.field === 'email') {
				throw new AppError(error.code, { message: error.message, field: 'userEmail' })
			}
			throw error
		})
		return { supplierId: supplier.id, invitation }
	})
}
