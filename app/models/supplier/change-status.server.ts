import { and, eq, isNull } from 'drizzle-orm'
import { createElement } from 'react'
import { z } from 'zod'
import { can } from '#app/domain/permissions.ts'
import { statusChangeProblems, type SupplierStatus } from '#app/domain/suppliers/supplier-status.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { type Actor } from '#app/models/user/invite-user.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { sendEmail } from '#app/utils/email.server.ts'
import {
	getSupplierStatusChangedSubject,
	SupplierStatusChangedEmail,
} from '#emails/supplier-status-changed.tsx'

const { supplierStatusChanges, suppliers, users } = schema

/**
 * Moves a supplier to another status with the buyer's reason. In one
 * transaction: the new status, a row in the status history, the
 * 'supplier.status_changed' audit event and an email to each of the supplier's
 * active users. A move the rules forbid, or a missing reason, changes nothing.
 */
export async function changeSupplierStatus(
	db: Executor,
	{
		actor,
		supplierId,
		toStatus,
		reason,
		now = new Date(),
	}: { actor: Actor; supplierId: string; toStatus: SupplierStatus; reason: string; now?: Date },
): Promise<{
	id: string
	name: string
	fromStatus: SupplierStatus
	toStatus: SupplierStatus
	notified: number
}> {
	if (!can(actor.role, 'update', 'supplier', 'any')) {
		throw new AppError('FORBIDDEN', { message: 'Only buyers can change a supplier’s status.' })
	}
	// A malformed id matches nothing; asking PostgreSQL would fail on the uuid cast instead.
	if (!z.uuid().safeParse(supplierId).success) {
		throw new AppError('NOT_FOUND', { message: 'This supplier does not exist.' })
	}
	return db.transaction(async (tx) => {
		// Locked, so two buyers changing the status at once are checked one after the other.
		const [supplier] = await tx
			.select({ id: suppliers.id, name: suppliers.name, status: suppliers.status })
			.from(suppliers)
			.where(eq(suppliers.id, supplierId))
			.for('update')
		if (!supplier) throw new AppError('NOT_FOUND', { message: 'This supplier does not exist.' })
		const [problem] = statusChangeProblems({ from: supplier.status, to: toStatus, reason })
		if (problem) throw new AppError('RULE_VIOLATION', { message: problem.message, field: problem.field })

		const trimmedReason = reason.trim()
		await tx.update(suppliers).set({ status: toStatus, updatedAt: now }).where(eq(suppliers.id, supplierId))
		await tx.insert(supplierStatusChanges).values({
			supplierId,
			fromStatus: supplier.status,
			toStatus,
			reason: trimmedReason,
			changedByUserId: actor.id,
			changedAt: now,
		})
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'supplier.status_changed',
			entityType: 'supplier',
			entityId: supplierId,
			supplierId,
			before: { status: supplier.status },
			after: { status: toStatus, reason: trimmedReason },
			occurredAt: now,
		})

		const recipients = await tx
			.select({ name: users.name, email: users.email })
			.from(users)
			.where(and(eq(users.supplierId, supplierId), isNull(users.disabledAt)))
		for (const recipient of recipients) {
			await sendEmail(tx, {
				to: recipient.email,
				subject: getSupplierStatusChangedSubject({ supplierName: supplier.name, toStatus }),
				react: createElement(SupplierStatusChangedEmail, {
					recipientName: recipient.name,
					supplierName: supplier.name,
					fromStatus: supplier.status,
					toStatus,
					reason: trimmedReason,
					changedAt: now,
				}),
			})
		}
		return {
			id: supplier.id,
			name: supplier.name,
			fromStatus: supplier.status,
			toStatus,
			notified: recipients.length,
		}
	})
}
