// Each step of a demo order's story done through the model function the person (or the offer
// expiry job) would use in production, as that person.
import { type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import { expireOverdueOffers } from '#app/jobs/offer-expiry.server.ts'
import { cancelOrder, closeOrder, requestRework } from '#app/models/order/buyer-work.server.ts'
import { assignException, resolveException } from '#app/models/order/exceptions.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { requestChange } from '#app/models/order/request-change.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { reviewOrder } from '#app/models/order/review-order.server.ts'
import {
	acknowledgeChange,
	deliverOrder,
	postUpdate,
	resumeWork,
	startWork,
} from '#app/models/order/supplier-work.server.ts'
import { assignManually, editAndReroute } from '#app/models/order/unroutable.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { DEMO_STAFF, DEMO_SUPPLIERS } from './seed-data.ts'
import { pick } from './seed-orders-plan.ts'
import { type Agent, type OrderState, type Sim, type Step } from './seed-orders-steps.ts'
import { reworkReasonsOf, TEXTS } from './seed-orders-texts.ts'

const BUYERS: SessionUser[] = DEMO_STAFF.filter((u) => u.role === 'buyer').map((u) => ({
	...u,
	supplierId: null,
}))

/** A demo supplier's id by its domain (contact@<domain>.example). */
export function supplierIdOf(domain: string | undefined) {
	return DEMO_SUPPLIERS.find((s) => s.contactEmail === `contact@${domain}.example`)?.id
}

/** One of the supplier's demo users, the same one for all of an order's steps. */
function supplierUser(supplierId: string | undefined, n: number): SessionUser {
	const supplier = DEMO_SUPPLIERS.find((s) => s.id === supplierId)
	if (!supplier) throw new Error(`No demo supplier ${supplierId}`)
	const user = supplier.users[n % supplier.users.length]!
	return { ...user, role: 'supplier', supplierId: supplier.id }
}

/**
 * Does the step through the model, as the person (or job) would; throws what the
 * model throws. Returns the order's state afterwards when the step alone decides
 * it (work on an assigned order), or null when it must be read (routing ran).
 */
export async function performStep(sim: Sim, agent: Agent, step: Step): Promise<OrderState | null> {
	const { plan, rng, memory: m } = agent
	const { db } = sim
	const now = new Date(step.at)
	const placer = BUYERS[plan.placer]!
	const order = { orderId: agent.orderId!, expectedVersion: step.version!, now }
	const supplier = () => ({
		actor: supplierUser(step.supplierId, plan.n),
		supplierId: step.supplierId!,
		...order,
	})
	const moved = (result: { status: OrderStatus; version: number }, changes: Partial<OrderState> = {}) =>
		agent.state ? { ...agent.state, status: result.status, version: result.version, ...changes } : null
	switch (step.kind) {
		case 'place': {
			const placed = await placeOrder(db, {
				actor: placer,
				now,
				input: {
					orderClassId: sim.ids.classes[plan.recipe.classKey]!,
					categoryId: sim.ids.categories[plan.recipe.categoryKey]!,
					quantity: plan.quantity,
					unit: plan.recipe.unit,
					description: plan.description,
					neededBy: new Date(plan.neededBy),
					region: plan.region,
					justification: plan.justification,
				},
			})
			agent.orderId = placed.orderId
			return null
		}
		case 'review': {
			const decision = step.answer === 'reject' ? 'reject' : 'approve'
			const reason = pick(rng, decision === 'reject' ? TEXTS.reject : TEXTS.approve)
			// The other buyer: nobody reviews their own order.
			await reviewOrder(db, { actor: BUYERS[1 - plan.placer]!, decision, reason, ...order })
			return null
		}
		case 'respond': {
			const decline = step.answer === 'decline'
			await respondToOffer(db, {
				...supplier(),
				offerId: step.offerId!,
				response: decline ? 'decline' : 'accept',
				declineReason: decline ? pick(rng, TEXTS.decline) : null,
			})
			if (decline) m.responses.shift()
			return null
		}
		case 'tick':
			await expireOverdueOffers(sim.jobDb, { now })
			if (step.answer === 'expire') m.responses.shift()
			else m.breachChecked = true
			return null
		case 'cancel': {
			const reason = pick(
				rng,
				step.answer === 'no_taker' || plan.scenario === 'unroutable_cancel' ? TEXTS.noTaker : TEXTS.cancel,
			)
			await cancelOrder(db, { actor: placer, reason, ...order })
			return null
		}
		case 'change': {
			const changed = await requestChange(db, {
				actor: placer,
				quantity: step.quantity ?? null,
				neededBy: step.neededBy ? new Date(step.neededBy) : null,
				reason: pick(rng, step.answer === 'more' ? TEXTS.changeMore : TEXTS.changeLater),
				...order,
			})
			m.changeLeft--
			return moved(changed, {
				quantity: step.quantity ?? agent.state?.quantity,
				neededBy: step.neededBy ?? agent.state?.neededBy,
				changeAckDueAt: changed.ackDueAt.getTime(),
			})
		}
		case 'ack':
			return moved(await acknowledgeChange(db, supplier()), { changeAckDueAt: null })
		case 'start':
			return moved(await startWork(db, supplier()))
		case 'update': {
			const updated = await postUpdate(db, { ...supplier(), note: pick(rng, TEXTS.update) })
			m.updatesLeft--
			return moved(updated)
		}
		case 'deliver': {
			const delivered = await deliverOrder(db, { ...supplier(), deliveredQuantity: step.quantity! })
			Object.assign(m, { deliverAt: null, late: false, breachChecked: false })
			return moved(delivered)
		}
		case 'close':
			// Read afterwards: the job may have opened a deadline exception meanwhile.
			await closeOrder(db, { actor: placer, ...order })
			return null
		case 'rework': {
			const sentBack = await requestRework(db, {
				actor: placer,
				reason: pick(rng, reworkReasonsOf(plan.recipe.categoryKey)),
				...order,
			})
			m.reworkLeft--
			return moved(sentBack)
		}
		case 'resume':
			return moved(await resumeWork(db, supplier()))
		case 'assign': {
			const reason = pick(rng, step.answer === 'contractless' ? TEXTS.assignContractless : TEXTS.assignMissed)
			await assignManually(db, { actor: placer, supplierId: step.supplierId!, reason, ...order })
			return null
		}
		case 'edit':
			await editAndReroute(db, { actor: placer, neededBy: new Date(step.neededBy!), ...order })
			m.edited = true
			return null
		case 'resolve':
			await resolveException(db, {
				actor: placer,
				exceptionId: step.exceptionId!,
				resolution: pick(rng, TEXTS.resolveLate),
				now,
			})
			return null
		case 'hand_over':
			await assignException(db, {
				actor: placer,
				exceptionId: step.exceptionId!,
				ownerUserId: BUYERS[1 - plan.placer]!.id,
				now,
			})
			m.handedOver = true
			return null
	}
}
