import { reasonProblem } from '#app/domain/orders/order-events.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { assertBuyer } from './buyer-work.server.ts'
import { loadClassPolicy } from './candidates.server.ts'
import { resolveOpenExceptionsOf } from './open-exception.server.ts'
import { changeOrder, type ChangeResult, tellPlacer } from './order-change.server.ts'
import { transition } from './order-journal.server.ts'
import { nextStepText } from './offer-outcome.server.ts'
import { routeWithin, type RoutingRun } from './route-order.server.ts'

export const OWN_ORDER_REVIEW_MESSAGE = 'You placed this order; another buyer must review it.'

/**
 * A second buyer — never the one who placed the order — approves it (and it is
 * routed in the same transaction) or rejects it with a reason. Open
 * 'large_value' exceptions are resolved with the decision.
 */
export async function reviewOrder(
	db: Executor,
	{
		actor,
		orderId,
		expectedVersion,
		decision,
		reason,
		now = new Date(),
	}: {
		actor: SessionUser
		orderId: string
		expectedVersion: number
		decision: 'approve' | 'reject'
		reason?: string | null
		now?: Date
	},
): Promise<ChangeResult & { routing: RoutingRun | null }> {
	assertBuyer(actor)
	const text = (reason ?? '').trim()
	if (decision === 'reject') {
		const problem = reasonProblem(text, 'the reason for rejecting')
		if (problem) throw new AppError('RULE_VIOLATION', { message: problem, field: 'reason' })
	} else if (text.length > 500) {
		throw new AppError('RULE_VIOLATION', { message: 'Keep the note under 500 characters.', field: 'reason' })
	}
	let routing: RoutingRun | null = null
	const result = await changeOrder(db, { actor, orderId, expectedVersion, now }, async (c) => {
		if (c.order.placedByUserId === actor.id)
			throw new AppError('FORBIDDEN', { message: OWN_ORDER_REVIEW_MESSAGE })
		const approving = decision === 'approve'
		transition(c.journal, c.working, {
			action: approving ? 'approve' : 'reject',
			type: approving ? 'approved' : 'rejected',
			actor: c.who,
			now,
			data: { reason: text || null },
		})
		await resolveOpenExceptionsOf(c.tx, c.journal, {
			order: c.working,
			kinds: ['large_value'],
			resolution: `${approving ? 'Approved' : 'Rejected'} by ${actor.name}${text ? `: ${text}` : ''}`,
			actor: c.who,
			now,
		})
		if (approving) {
			const policy = await loadClassPolicy(c.tx, {
				orderClassId: c.order.orderClassId,
				categoryId: c.order.categoryId,
				policyId: c.order.orderClassPolicyId,
			})
			if (!policy) throw new Error(`Order ${c.order.id} has no policy ${c.order.orderClassPolicyId}`)
			routing = await routeWithin(c.tx, c.journal, { order: c.working, policy, now, pastOffers: [] })
		}
		await tellPlacer(c, {
			subjectLine: approving ? 'approved' : 'rejected',
			headline: `${actor.name} ${approving ? 'approved' : 'rejected'} ${c.order.number}.`,
			detail: routing ? nextStepText(routing) : undefined,
			note: text || undefined,
		})
		return { reviewedByUserId: actor.id, reviewNote: text || null }
	})
	return { ...result, routing }
}
