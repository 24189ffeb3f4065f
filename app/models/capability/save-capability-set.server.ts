import { and, eq, inArray } from 'drizzle-orm'
import {
	diffCapabilitySet,
	termsOf,
	type CapabilitySetProblem,
	type DeclaredCapability,
	type StoredCapability,
} from '#app/domain/capabilities/capability-diff.ts'
import { capabilitySetRevision } from '#app/domain/capabilities/capability-revision.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema, type Transaction } from '#app/utils/db.server.ts'
import { listSupplierCapabilities } from './capability-rules.server.ts'

const { supplierCapabilities, suppliers } = schema

type Actor = { id: string; role: string }

export type CapabilitySetSummary = {
	created: number
	updated: number
	paused: number
	resumed: number
	removed: number
}

/** Thrown for a row that cannot be saved as posted; `index` is the row's position in the form. */
export class CapabilitySetError extends AppError {
	readonly index: number
	constructor(problem: CapabilitySetProblem) {
		const { code, field, message } = describeProblem(problem)
		super(code, { message, field: `rows.${problem.index}.${field}` })
		this.index = problem.index
	}
}

function describeProblem(problem: CapabilitySetProblem) {
	switch (problem.kind) {
		// Another supplier's row answers exactly like one that does not exist.
		case 'unknown-id':
			return { code: 'NOT_FOUND' as const, field: 'capabilityId', message: 'Not found' }
		case 'repeated-id':
			return {
				code: 'RULE_VIOLATION' as const,
				field: 'capabilityId',
				message: 'This row appears twice. Reload the page.',
			}
		case 'pair-changed':
			return {
				code: 'RULE_VIOLATION' as const,
				field: 'categoryId',
				message: 'A saved capability keeps its category and class: remove it and add a new row instead.',
			}
		case 'pair-taken':
			return {
				code: 'CONFLICT' as const,
				field: 'categoryId',
				message: 'This category and class were saved meanwhile (in another tab?). Reload the page.',
			}
	}
}

function snapshot(row: StoredCapability | (DeclaredCapability & { pausedAt: Date | null })) {
	return {
		categoryId: row.categoryId,
		orderClassId: row.orderClassId,
		...termsOf(row),
		pausedAt: row.pausedAt,
	}
}

/**
 * Replaces the supplier's declaration set with `rows` in one transaction:
 * rows without an id are created, saved rows left out are removed, changed rows
 * updated, each change with its audit event ('capability.created', 'updated',
 * 'paused', 'resumed', 'removed'). A row id that is not this supplier's throws
 * NOT_FOUND and nothing is written. Rows must already have passed
 * buildCapabilitySetSchema.
 */
export async function saveCapabilitySet(
	db: Executor,
	{
		actor,
		supplierId,
		rows,
		expectedRevision,
		now = new Date(),
	}: { actor: Actor; supplierId: string; rows: DeclaredCapability[]; expectedRevision?: string; now?: Date },
): Promise<CapabilitySetSummary> {
	return db.transaction(async (tx) => {
		// Saves of one supplier queue here, so each diffs against what the previous one wrote.
		const [supplier] = await tx
			.select({ id: suppliers.id })
			.from(suppliers)
			.where(eq(suppliers.id, supplierId))
			.for('update')
		if (!supplier) throw new AppError('NOT_FOUND', { message: 'Not found' })

		const stored = await listSupplierCapabilities(tx, { supplierId })
		if (expectedRevision !== undefined && expectedRevision !== capabilitySetRevision(stored)) {
			throw new AppError('CONFLICT', {
				message:
					'Someone in your organisation changed these capabilities while you were editing. Your rows are kept below; check them against the latest and save again.',
			})
		}
		const result = diffCapabilitySet(stored, rows)
		if (!result.ok) throw new CapabilitySetError(result.problem)
		const { creates, updates, removes } = result.diff
		const audit = auditFor(tx, actor, supplierId, now)
		const summary: CapabilitySetSummary = { created: 0, updated: 0, paused: 0, resumed: 0, removed: 0 }

		// Removals first: a new row may reuse the pair of a row removed in the same save.
		if (removes.length > 0) {
			await tx.delete(supplierCapabilities).where(
				and(
					eq(supplierCapabilities.supplierId, supplierId),
					inArray(
						supplierCapabilities.id,
						removes.map((r) => r.id),
					),
				),
			)
			for (const row of removes) await audit('capability.removed', row.id, snapshot(row), null)
			summary.removed = removes.length
		}

		for (const update of updates) {
			const pausedAt =
				update.pause === 'paused' ? now : update.pause === 'resumed' ? null : update.before.pausedAt
			await tx
				.update(supplierCapabilities)
				.set({ ...update.terms, pausedAt, updatedAt: now })
				.where(and(eq(supplierCapabilities.id, update.id), eq(supplierCapabilities.supplierId, supplierId)))
			const after = snapshot({ ...update.before, ...update.terms, pausedAt })
			if (update.termsChanged) {
				await audit('capability.updated', update.id, snapshot(update.before), after)
				summary.updated++
			}
			if (update.pause) {
				await audit(
					`capability.${update.pause}`,
					update.id,
					{ pausedAt: update.before.pausedAt },
					{ pausedAt },
				)
				summary[update.pause]++
			}
		}

		for (const row of creates) {
			const pausedAt = row.paused ? now : null
			const [inserted] = await tx
				.insert(supplierCapabilities)
				.values({
					supplierId,
					categoryId: row.categoryId,
					orderClassId: row.orderClassId,
					...termsOf(row),
					pausedAt,
					createdAt: now,
					updatedAt: now,
				})
				.returning({ id: supplierCapabilities.id })
			if (!inserted) throw new Error('Inserting the capability returned no row')
			await audit('capability.created', inserted.id, null, snapshot({ ...row, pausedAt }))
			summary.created++
		}
		return summary
	})
}

function auditFor(tx: Transaction, actor: Actor, supplierId: string, now: Date) {
	return (
		action:
			| 'capability.created'
			| 'capability.updated'
			| 'capability.paused'
			| 'capability.resumed'
			| 'capability.removed',
		entityId: string,
		before: unknown,
		after: unknown,
	) =>
		recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action,
			entityType: 'capability',
			entityId,
			supplierId,
			before,
			after,
			occurredAt: now,
		})
}
