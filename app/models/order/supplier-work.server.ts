import { and, eq } from 'drizzle-orm'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, type Transaction, schema } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { type OrderAction } from '#app/domain/orders/order-lifecycle.ts'
import {
	changeOrder,
	type ChangeContext,
	type ChangeResult,
	supplierNameOf,
	tellPlacer,
} from './order-change.server.ts'
import { quantityProblems } from './order-input.server.ts'
import { type OrderChanges } from './order-row.server.ts'
import { transition } from './order-journal.server.ts'

const { orderOffers } = schema

/** Supplier-side calls: `supplierId` comes from the session; another supplier's order is NOT_FOUND. */
type SupplierCall = {
	actor: SessionUser
	supplierId: string
	orderId: string
	expectedVersion: number
	now?: Date
}

function assertOwnSupplier(actor: SessionUser, supplierId: string) {
	if (actor.role !== 'supplier' || actor.supplierId !== supplierId) {
		throw new AppError('FORBIDDEN', { message: 'Only the supplier working on an order can do this.' })
	}
}

type AssignedStep = {
	action: Extract<OrderAction, 'start_work' | 'post_update' | 'deliver' | 'resume_work'>
	type: string
	data?: (c: ChangeContext) => Record<string, unknown>
	/** What the buyer who placed the order is told, given the supplier's name. */
	tell: (supplierName: string, c: ChangeContext) => Parameters<typeof tellPlacer>[1]
	changes?: OrderChanges
}

/** One step of the assigned supplier's work: the transition, its event, audit and the placer's email. */
async function assignedSupplierStep(
	db: Executor,
	call: SupplierCall,
	step: AssignedStep,
): Promise<ChangeResult> {
	const { actor, supplierId, orderId, expectedVersion, now = new Date() } = call
	assertOwnSupplier(actor, supplierId)
	return changeOrder(
		db,
		{ actor, orderId, expectedVersion, scope: { supplierId, as: 'assigned' }, now },
		async (c) => {
			transition(c.journal, c.working, {
				action: step.action,
				type: step.type,
				actor: c.who,
				now,
				supplierId,
				data: step.data?.(c),
			})
			await tellPlacer(c, step.tell(await supplierNameOf(c, supplierId), c))
			return step.changes
		},
	)
}

/** The assigned supplier starts work on an accepted order. */
export function startWork(db: Executor, call: SupplierCall) {
	return assignedSupplierStep(db, call, {
		action: 'start_work',
		type: 'work_started',
		tell: (name, c) => ({
			subjectLine: 'work started',
			headline: `${name} started work on ${c.order.number}.`,
		}),
	})
}

/** A status update or note from the assigned supplier; the order's status stays as it is. */
export function postUpdate(db: Executor, { note, ...call }: SupplierCall & { note: string }) {
	const text = note.trim()
	if (text.length < 1 || text.length > 2000) {
		assertOwnSupplier(call.actor, call.supplierId)
		throw new AppError('RULE_VIOLATION', {
			message: 'Write the update in 1 to 2,000 characters.',
			field: 'note',
		})
	}
	return assignedSupplierStep(db, call, {
		action: 'post_update',
		type: 'update_posted',
		data: () => ({ note: text }),
		tell: (name) => ({
			subjectLine: 'update from the supplier',
			headline: `${name} posted an update:`,
			note: text,
		}),
	})
}

/** The assigned supplier marks the work delivered, with the quantity it delivered. */
export function deliverOrder(
	db: Executor,
	{ deliveredQuantity, ...call }: SupplierCall & { deliveredQuantity: number },
) {
	const [problem] = quantityProblems(deliveredQuantity)
	if (problem) {
		assertOwnSupplier(call.actor, call.supplierId)
		throw new AppError('RULE_VIOLATION', { message: problem.message, field: 'deliveredQuantity' })
	}
	const now = call.now ?? new Date()
	return assignedSupplierStep(
		db,
		{ ...call, now },
		{
			action: 'deliver',
			type: 'delivered',
			data: (c) => ({ deliveredQuantity, orderedQuantity: c.order.quantity }),
			tell: (name, c) => {
				const short =
					deliveredQuantity < c.order.quantity ? ` (ordered ${c.order.quantity.toLocaleString('en-GB')})` : ''
				return {
					subjectLine: 'delivered',
					headline: `${name} delivered ${deliveredQuantity.toLocaleString('en-GB')} ${c.order.unit}${short} for ${c.order.number}.`,
					detail: 'Confirm the delivery and close the order, or request rework with a reason.',
				}
			},
			changes: { deliveredQuantity, deliveredAt: now },
		},
	)
}

/** After a rework request, the supplier picks the order up again. */
export function resumeWork(db: Executor, call: SupplierCall) {
	return assignedSupplierStep(db, call, {
		action: 'resume_work',
		type: 'work_resumed',
		tell: (name, c) => ({
			subjectLine: 'rework started',
			headline: `${name} resumed work on ${c.order.number}.`,
		}),
	})
}

/**
 * The supplier acknowledges the buyer's change of quantity or needed-by: the
 * assigned supplier of an accepted order, or one with a pending offer for it.
 */
export async function acknowledgeChange(
	db: Executor,
	{ actor, supplierId, orderId, expectedVersion, now = new Date() }: SupplierCall,
) {
	assertOwnSupplier(actor, supplierId)
	return changeOrder(
		db,
		{ actor, orderId, expectedVersion, scope: { supplierId, as: 'offered' }, now },
		async (c) => {
			const mine =
				c.order.assignedSupplierId === supplierId ||
				(c.order.status === 'offered' && (await hasPendingOffer(c.tx, c.order.id, supplierId)))
			if (!mine) throw new AppError('NOT_FOUND', { message: 'This order does not exist.' })
			if (!c.order.changePendingSince) {
				throw new AppError('RULE_VIOLATION', { message: 'There is no change to acknowledge on this order.' })
			}
			const late = c.order.changeAckDueAt !== null && now.getTime() > c.order.changeAckDueAt.getTime()
			transition(c.journal, c.working, {
				action: 'reacknowledge_change',
				type: 'change_acknowledged',
				actor: c.who,
				now,
				supplierId,
				data: { changeRequestedAt: c.order.changePendingSince.toISOString(), late },
			})
			const name = await supplierNameOf(c, supplierId)
			await tellPlacer(c, {
				subjectLine: 'change acknowledged',
				headline: `${name} acknowledged your change to ${c.order.number}.`,
			})
			return { changePendingSince: null, changeAckDueAt: null }
		},
	)
}

async function hasPendingOffer(tx: Transaction, orderId: string, supplierId: string) {
	const [row] = await tx
		.select({ id: orderOffers.id })
		.from(orderOffers)
		.where(
			and(
				eq(orderOffers.orderId, orderId),
				eq(orderOffers.supplierId, supplierId),
				eq(orderOffers.response, 'pending'),
			),
		)
	return Boolean(row)
}
