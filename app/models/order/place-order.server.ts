import { randomUUID } from 'node:crypto'
import { createElement } from 'react'
import { reviewReasons } from '#app/domain/orders/order-intake.ts'
import { type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { insertRows } from '#app/utils/prepared-statements.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { getOrderStatusUpdateSubject, OrderStatusUpdateEmail } from '#emails/order-status-update.tsx'
import { type ClassPolicy } from './candidates.server.ts'
import { type Assessment, assessIntake } from './intake.server.ts'
import { openException } from './open-exception.server.ts'
import { orderUrl, userRecipient } from './order-emails.server.ts'
import { inputProblems, OrderInputError, type OrderInput } from './order-input.server.ts'
import {
	actorRef,
	createJournal,
	flushJournal,
	note,
	queueEmail,
	SYSTEM_ACTOR,
	transition,
} from './order-journal.server.ts'
import { type OrderRow } from './order-row.server.ts'
import { routeWithin, type RoutingRun } from './route-order.server.ts'

const { orders } = schema

export { previewOrder, type OrderPreview } from './intake.server.ts'

export type PlacedOrder = {
	orderId: string
	number: string
	status: OrderStatus
	warnings: string[]
	/** Why the order waits for a second buyer; empty when it went straight to routing. */
	reviewReasons: string[]
	routing: RoutingRun | null
}

/**
 * Places an order: checks it against the class's current policy, estimates the
 * price range from the capable suppliers' terms, numbers it and submits it; then
 * either sends it to review (over the approval threshold or risky; a 'large_value'
 * exception opens over the threshold) or routes it — all in ONE transaction.
 * Intake errors throw OrderInputError (RULE_VIOLATION with a `details` list).
 */
export async function placeOrder(
	db: Executor,
	{ actor, input, now = new Date() }: { actor: SessionUser; input: OrderInput; now?: Date },
): Promise<PlacedOrder> {
	const who = actorRef(actor)
	const shapeProblems = inputProblems(input)
	if (shapeProblems.length > 0) throw new OrderInputError(shapeProblems)

	return db.transaction(async (tx) => {
		const intake = await assessIntake(tx, { input, now, numbered: true })
		if (intake.errors.length > 0) throw new OrderInputError(intake.errors)
		const { policy, candidates, estimate } = intake
		const order = newOrderRow({ input, actor, policy, estimate, number: intake.number!, now })
		// Inserted once, with the status it ends this transaction in.
		const insertOrder = (status: OrderStatus = order.status) => insertRows(tx, orders, [{ ...order, status }])
		const journal = createJournal()
		const warnings = intake.warnings
		note(journal, {
			orderId: order.id,
			type: 'placed',
			from: null,
			to: 'draft',
			actor: who,
			data: {
				number: order.number,
				quantity: order.quantity,
				region: order.region,
				// The first due time; scorecards read on-time delivery from the events alone.
				neededBy: order.neededBy.toISOString(),
				policyVersion: policy.version,
			},
			now,
		})
		transition(journal, order, {
			action: 'submit',
			type: 'submitted',
			actor: who,
			now,
			data: { warnings, estimate },
		})

		const reasons = reviewReasons(
			policy,
			{ ...intake.risk, estimatedMaxMinor: estimate?.maxMinor ?? null },
			policy.currency,
		)
		let routing: RoutingRun | null = null
		if (reasons.length > 0) {
			transition(journal, order, {
				action: 'send_to_review',
				type: 'sent_to_review',
				actor: SYSTEM_ACTOR,
				now,
				data: { reasons },
			})
			const [placer] = await Promise.all([userRecipient(tx, actor.id), insertOrder()])
			const overThreshold =
				policy.approvalThresholdMinor !== null && (estimate?.maxMinor ?? 0) > policy.approvalThresholdMinor
			if (overThreshold) {
				await openException(tx, journal, {
					order,
					kind: 'large_value',
					detail: reasons[0]!,
					actor: SYSTEM_ACTOR,
					now,
				})
			}
			if (placer) {
				const headline = `${order.number} waits for a second buyer's review before it is routed.`
				queueEmail(journal, {
					to: placer.email,
					subject: getOrderStatusUpdateSubject({
						orderNumber: order.number,
						headline: 'waiting for review',
					}),
					react: createElement(OrderStatusUpdateEmail, {
						recipientName: placer.name,
						orderNumber: order.number,
						headline,
						detail: `Why: ${reasons.join('; ')}.`,
						url: orderUrl('buyer', order.id),
					}),
				})
			}
		} else {
			routing = await routeWithin(tx, journal, {
				order,
				policy,
				now,
				pastOffers: [],
				candidates,
				ranked: intake.ranked ?? undefined,
				writeFirst: insertOrder,
			})
			if (routing.outcome === 'unroutable')
				warnings.push('No supplier can take this order now; it waits in the exception queue.')
		}
		await flushJournal(tx, journal)
		return {
			orderId: order.id,
			number: order.number,
			status: order.status,
			warnings,
			reviewReasons: reasons,
			routing,
		}
	})
}

/** The new order as it will be stored (status moves on before it is inserted). */
function newOrderRow({
	input,
	actor,
	policy,
	estimate,
	number,
	now,
}: {
	input: OrderInput
	actor: SessionUser
	policy: ClassPolicy
	estimate: Assessment['estimate']
	number: string
	now: Date
}): OrderRow {
	return {
		id: randomUUID(),
		number,
		orderClassId: input.orderClassId,
		orderClassPolicyId: policy.id,
		categoryId: input.categoryId,
		quantity: input.quantity,
		unit: input.unit.trim(),
		description: input.description.trim(),
		region: input.region,
		neededBy: input.neededBy,
		justification: input.justification?.trim() || null,
		preferredSupplierId: input.preferredSupplierId || null,
		status: 'draft',
		currency: policy.currency,
		estimatedMinMinor: estimate?.minMinor ?? null,
		estimatedMaxMinor: estimate?.maxMinor ?? null,
		agreedPriceMinor: null,
		assignedSupplierId: null,
		contractTermId: null,
		deliveredQuantity: null,
		changePendingSince: null,
		changeAckDueAt: null,
		placedByUserId: actor.id,
		reviewedByUserId: null,
		reviewNote: null,
		cancelReason: null,
		submittedAt: now,
		acceptedAt: null,
		deliveredAt: null,
		closedAt: null,
		version: 1,
		createdAt: now,
		updatedAt: now,
	}
}
