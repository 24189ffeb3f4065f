// Demo orders: the plan of seed-orders-plan.ts played through the REAL order model with a clock that
// walks forward through the last six months, so order events, routing decisions, offers, exceptions,
// audit events and outbox emails are exactly what production would have written.
import { and, count, eq, notInArray, sql, type SQL } from 'drizzle-orm'
import { expireOverdueOffers } from '#app/jobs/offer-expiry.server.ts'
import { type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import { AppError } from '#app/utils/app-error.ts'
import { referenceIds } from '#tests/factories/contracts.ts'
import { type Database, type Executor } from './client.ts'
import { orders, outboxEmails } from './schema/index.ts'
import { createRng, planDemoOrders, type OrderPlan } from './seed-orders-plan.ts'
import { performStep } from './seed-orders-actions.ts'
import {
	type Agent,
	initialMemory,
	type OrderState,
	planNextStep,
	type Sim,
	type Step,
} from './seed-orders-steps.ts'

/**
 * About this many orders. The seed runs on every first start and before every e2e run, and each
 * order takes five to ten real model transactions (with their emails rendered): 240 take about
 * 15 s on a 2-core machine, 300 took over 20 s.
 */
export const DEMO_ORDER_COUNT = 240

export type DemoOrdersResult = {
	/** The history ends at 00:00 UTC of this day. */
	seedDay: Date
	orders: number
	actions: number
	/** Steps the model refused (the order stays where it was); none is expected. */
	skipped: string[]
}

/** 00:00 UTC of the day `at` falls in: the demo history ends there, whatever the time of the seed. */
export function seedDayOf(at: Date) {
	return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()))
}

/**
 * Seeds the demo orders unless there are orders already. Deterministic for a
 * seed day: the same plan, played the same way (only generated ids differ).
 */
export async function seedDemoOrders(
	db: Executor,
	{ anchor = seedDayOf(new Date()), total = DEMO_ORDER_COUNT }: { anchor?: Date; total?: number } = {},
): Promise<DemoOrdersResult> {
	const [existing] = await db.select({ n: count() }).from(orders)
	if ((existing?.n ?? 0) > 0) return { seedDay: anchor, orders: 0, actions: 0, skipped: [] }

	const [ids, waiting] = await Promise.all([
		referenceIds(db),
		db.select({ id: outboxEmails.id }).from(outboxEmails).where(eq(outboxEmails.status, 'pending')),
	])
	const sim: Sim = {
		db,
		// The job only opens transactions on its handle; inside the seed's transaction they are savepoints.
		jobDb: db as Database,
		anchor: anchor.getTime(),
		ids,
		actions: 0,
		skipped: [],
	}
	const agents: Agent[] = planDemoOrders(anchor, total).map((plan: OrderPlan) => {
		const rng = createRng(plan.seed)
		return {
			plan,
			rng,
			orderId: null,
			state: null,
			next: { at: plan.placedAt, kind: 'place' },
			memory: initialMemory(plan, rng),
			conflicts: 0,
		}
	})
	const alreadyWaiting = waiting.map((w) => w.id)
	for (let agent = earliest(agents); agent; agent = earliest(agents)) {
		const step = agent.next!
		agent.next = null
		await runStep(sim, agent, step)
	}
	// The offer expiry job's run at the seed time itself, so what fell due belongs to the history.
	await expireOverdueOffers(sim.jobDb, { now: anchor })
	await markDelivered(db, alreadyWaiting)
	return {
		seedDay: anchor,
		orders: agents.filter((a) => a.orderId).length,
		actions: sim.actions,
		skipped: sim.skipped,
	}
}

function earliest(agents: Agent[]) {
	let found: Agent | undefined
	for (const a of agents) if (a.next && (!found || a.next.at < found.next!.at)) found = a
	return found
}

async function runStep(sim: Sim, agent: Agent, step: Step) {
	try {
		agent.state = await performStep(sim, agent, step)
		sim.actions++
	} catch (error) {
		if (!(error instanceof AppError)) throw error
		agent.state = null
		// A stale version (someone else's step moved the order on) is planned again; anything else ends the story.
		if (error.code !== 'CONFLICT' || agent.conflicts++ >= 3) {
			sim.skipped.push(`#${agent.plan.n} ${agent.plan.scenario} ${step.kind}: ${error.message}`)
			return
		}
	}
	if (!agent.orderId) return
	agent.state ??= await readOrderState(sim.db, agent.orderId)
	const next = planNextStep(agent, agent.state, step.at)
	// History ends at the seed time; what would come later does not happen.
	agent.next = next && next.at < sim.anchor - 60_000 ? next : null
}

/**
 * Historical emails must not reach anyone on the first start: the ones the seed
 * queued are marked delivered to the local mailbox, in the caller's (seed)
 * transaction, so a failed seed leaves none behind. Each is dated like the step
 * that queued it: the order events of that step were written by the same
 * (sub)transaction, so they share the row's xmin.
 */
async function markDelivered(db: Executor, alreadyWaiting: string[]) {
	const seeded = and(
		eq(outboxEmails.status, 'pending'),
		alreadyWaiting.length ? notInArray(outboxEmails.id, alreadyWaiting) : undefined,
	)
	await db.execute(sql`
		update outbox_emails set status = 'sent', delivered_via = 'mailbox',
			created_at = e.at, sent_at = e.at, next_attempt_at = e.at
		from (select xmin as writer, min(occurred_at) as at from order_events group by xmin) e
		where outbox_emails.xmin = e.writer and ${seeded}`)
	// Anything not matched keeps the time it was queued.
	await db
		.update(outboxEmails)
		.set({ status: 'sent', deliveredVia: 'mailbox', sentAt: outboxEmails.createdAt })
		.where(seeded)
}

async function readOrderState(db: Executor, orderId: string): Promise<OrderState> {
	// Columns as fixed SQL fragments: nothing here is text spliced into the statement.
	const ms = (column: SQL) => sql`(extract(epoch from ${column}) * 1000)::float8`
	const [row] = await db.execute<{
		status: OrderStatus
		version: number
		needed_by: number
		quantity: number
		assigned_supplier_id: string | null
		change_ack_due_at: number | null
		pending: OrderState['pending']
		passed: string[]
		open_exceptions: string[]
	}>(sql`
		select o.status, o.version, ${ms(sql`o.needed_by`)} as needed_by, o.quantity, o.assigned_supplier_id,
			${ms(sql`o.change_ack_due_at`)} as change_ack_due_at,
			coalesce((select json_agg(json_build_object('id', f.id, 'supplierId', f.supplier_id, 'rank', f.rank,
					'expiresAt', ${ms(sql`f.expires_at`)}) order by f.rank, f.expires_at)
				from order_offers f where f.order_id = o.id and f.response = 'pending'), '[]') as pending,
			coalesce((select json_agg(f.supplier_id order by coalesce(f.responded_at, f.expires_at))
				from order_offers f where f.order_id = o.id and f.response in ('declined', 'expired')), '[]') as passed,
			coalesce((select json_agg(e.id order by e.opened_at)
				from order_exceptions e where e.order_id = o.id and e.status = 'open'), '[]') as open_exceptions
		from orders o where o.id = ${orderId}`)
	if (!row) throw new Error(`Demo order ${orderId} vanished`)
	return {
		status: row.status,
		version: row.version,
		neededBy: row.needed_by,
		quantity: row.quantity,
		assignedSupplierId: row.assigned_supplier_id,
		changeAckDueAt: row.change_ack_due_at,
		pending: row.pending,
		passed: row.passed,
		openExceptionIds: row.open_exceptions,
	}
}
