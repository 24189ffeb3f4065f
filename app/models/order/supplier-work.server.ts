import { and, eq } from 'drizzle-orm'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, type Transaction, schema } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { changeOrder, type ChangeResult, supplierNameOf, tellPlacer } from './order-change.server.ts'
import { quantityProblems } from './order-input.server.ts'
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

/** The assigned supplier starts work on an accepted order. */
export async function startWork(
	db: Executor,
	{ actor, supplierId, orderId, expectedVersion, now = new Date() }: SupplierCall,
) {
	assertOwnSupplier(actor, supplierId)
	return changeOrder(
		db,
		{ actor, orderId, expectedVersion, scope: { supplierId, as: 'assigned' }, now },
		async (c) => {
			transition(c.journal, c.working, {
				action: 'start_work',
				type: 'work_started',
				actor: c.who,
				now,
				supplierId,
			})
			const name = await supplierNameOf(c, supplierId)
			await tellPlacer(c, {
				subjectLine: 'work started',
				headline: `${name} started work on ${c.order.number}.`,
			})
		},
	)
}

/** A status update or note from the assigned supplier; the order's status stays as it is. */
export async function postUpdate(
	db: Executor,
	{ note, ...call }: SupplierCall & { note: string },
): Promise<ChangeResult> {
	const { actor, supplierId, orderId, expectedVersion, now = new Date() } = call
	assertOwnSupplier(actor, supplierId)
	const text = note.trim()
	if (text.length < 1 || text.length > 2000) {
		throw new AppError('RULE_VIOLATION', {
			message: 'Write the update in 1 to 2,000 characters.',
			field: 'note',
		})
	}
	return changeOrder(
		db,
		{ actor, orderId, expectedVersion, scope: { supplierId, as: 'assigned' }, now },
		async (c) => {
			transition(c.journal, c.working, {
				action: 'post_update',
				type: 'update_posted',
				actor: c.who,
				now,
				supplierId,
				data: { note: text },
			})
			const name = await supplierNameOf(c, supplierId)
			await tellPlacer(c, {
				subjectLine: 'update from the supplier',
				headline: `${name} posted an update:`,
				note: text,
			})
		},
	)
}

/** The assigned supplier marks the work delivered, with the quantity it delivered. */
export async function deliverOrder(
	db: Executor,
	{ deliveredQuantity, ...call }: SupplierCall & { deliveredQuantity: number },
): Promise<ChangeResult> {
	const { actor, supplierId, orderId, expectedVersion, now = new Date() } = call
	assertOwnSupplier(actor, supplierId)
	const [problem] = quantityProblems(deliveredQuantity)
	if (problem) throw new AppError('RULE_VIOLATION', { message: problem.message, field: 'deliveredQuantity' })
	return changeOrder(
		db,
		{ actor, orderId, expectedVersion, scope: { supplierId, as: 'assigned' }, now },
		async (c) => {
			transition(c.journal, c.working, {
				action: 'deliver',
				type: 'delivered',
				actor: c.who,
				now,
				supplierId,
				data: { deliveredQuantity, orderedQuantity: c.order.quantity },
			})
			const name = await supplierNameOf(c, supplierId)
			const short =
				deliveredQuantity < c.order.quantity ? ` (ordered ${c.order.quantity.toLocaleString('en-GB')})` : ''
			await tellPlacer(c, {
				subjectLine: 'delivered',
				headline: `${name} delivered ${deliveredQuantity.toLocaleString('en-GB')} ${c.order.unit}${short} for ${c.order.number}.`,
				detail: 'Confirm the delivery and close the order, or request rework with a reason.',
			})
			return { deliveredQuantity, deliveredAt: now }
		},
	)
}

/** After a rework request, the supplier picks the order up again. */
export async function resumeWork(
	db: Executor,
	{ actor, supplierId, orderId, expectedVersion, now = new Date() }: SupplierCall,
) {
	assertOwnSupplier(actor, supplierId)
	return changeOrder(
		db,
		{ actor, orderId, expectedVersion, scope: { supplierId, as: 'assigned' }, now },
		async (c) => {
			transition(c.journal, c.working, {
				action: 'resume_work',
				type: 'work_resumed',
				actor: c.who,
				now,
				supplierId,
			})
			const name = await supplierNameOf(c, supplierId)
			await tellPlacer(c, {
				subjectLine: 'rework started',
				headline: `${name} resumed work on ${c.order.number}.`,
			})
		},
	)
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
