import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { createElement } from 'react'
import {
	checkIntake,
	type IntakePolicy,
	reviewReasons,
	weekStartOf,
} from '#app/domain/orders/order-intake.ts'
import { type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import { rankCandidates, type RoutingDecision } from '#app/domain/routing/rank-candidates.ts'
import { type Executor, type Transaction, schema } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { getOrderStatusUpdateSubject, OrderStatusUpdateEmail } from '#emails/order-status-update.tsx'
import {
	type Candidate,
	type ClassPolicy,
	dayOf,
	loadCandidates,
	loadClassPolicy,
	routingOrderOf,
} from './candidates.server.ts'
import { openException } from './exceptions.server.ts'
import { orderUrl, userRecipient } from './order-emails.server.ts'
import { inputProblems, OrderInputError, type FieldProblem, type OrderInput } from './order-input.server.ts'
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
import { executePrepared } from './prepared.server.ts'
import { routeWithin, type RoutingRun } from './route-order.server.ts'

const { orders } = schema

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
		const insertOrder = (status: OrderStatus = order.status) =>
			tx
				.insert(orders)
				.values({ ...order, status })
				.prepare('order_insert')
				.execute()
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

export type OrderPreview = {
	estimate: { minMinor: number; maxMinor: number; currency: string } | null
	capableSupplierCount: number
	shortestLeadTimeHours: number | null
	warnings: string[]
	issues: FieldProblem[]
}

/**
 * The form's early warnings while the buyer types: expected price range, how
 * many suppliers could take it now, and the problems placing it would report.
 */
export async function previewOrder(
	db: Executor,
	{
		input,
		now = new Date(),
	}: { input: Partial<OrderInput> & Pick<OrderInput, 'orderClassId' | 'categoryId'>; now?: Date },
): Promise<OrderPreview> {
	const issues = inputProblems(input)
	if (issues.some((i) => i.field === 'orderClassId' || i.field === 'categoryId' || i.field === 'quantity')) {
		return { estimate: null, capableSupplierCount: 0, shortestLeadTimeHours: null, warnings: [], issues }
	}
	const intake = await assessIntake(db, {
		input: { quantity: 1, neededBy: new Date(now.getTime() + 30 * 86_400_000), region: '', ...input },
		now,
		regionGiven: input.region !== undefined,
	})
	return {
		estimate: intake.estimate,
		capableSupplierCount: intake.capableCount,
		shortestLeadTimeHours: intake.shortestLeadTimeHours,
		warnings: intake.warnings,
		issues: [...issues, ...intake.errors],
	}
}

type Assessment = {
	policy: ClassPolicy
	candidates: Candidate[]
	/** The candidates ranked for this order at `now` (null without a region). */
	ranked: RoutingDecision | null
	number: string | null
	estimate: { minMinor: number; maxMinor: number; currency: string } | null
	capableCount: number
	shortestLeadTimeHours: number | null
	risk: {
		largestPreviousQuantity: number | null
		quantity: number
		preferredSupplierIsNew: boolean
		preferredSupplierOnWatch: boolean
		isEmergency: boolean
	}
	errors: FieldProblem[]
	warnings: string[]
}

async function assessIntake(
	db: Executor | Transaction,
	{
		input,
		now,
		regionGiven = true,
		numbered = false,
	}: {
		input: Pick<OrderInput, 'orderClassId' | 'categoryId' | 'quantity' | 'neededBy' | 'region'> &
			Partial<Pick<OrderInput, 'justification' | 'preferredSupplierId'>>
		now: Date
		regionGiven?: boolean
		/** Also draw the order's number from order_number_seq (in the same round trip). */
		numbered?: boolean
	},
): Promise<Assessment> {
	const preferred = input.preferredSupplierId || null
	// Independent reads, pipelined on the one connection.
	const [policy, candidates, history, number] = await Promise.all([
		loadClassPolicy(db, { orderClassId: input.orderClassId, categoryId: input.categoryId }),
		loadCandidates(db, {
			orderClassId: input.orderClassId,
			categoryId: input.categoryId,
			weekStart: weekStartOf(now),
			day: dayOf(now),
		}),
		loadHistory(db, { ...input, preferredSupplierId: preferred }),
		numbered ? nextOrderNumber(db, now) : null,
	])
	if (!policy) throw new OrderInputError([{ field: 'orderClassId', message: 'Choose an order class.' }])
	if (policy.categoryName === null)
		throw new OrderInputError([{ field: 'categoryId', message: 'Choose a category.' }])
	if (preferred && !history.preferredExists) {
		throw new OrderInputError([{ field: 'preferredSupplierId', message: 'Choose a supplier from the list.' }])
	}

	const serving = candidates.filter(
		(c) =>
			c.status === 'active' &&
			c.capability &&
			!c.capability.paused &&
			(!regionGiven || c.capability.regions.includes(input.region)),
	)
	const shortestLeadTimeHours = serving.length
		? Math.min(...serving.map((c) => c.capability!.leadTimeHours))
		: null
	const intakePolicy: IntakePolicy = {
		className: policy.className,
		minQuantity: policy.minQuantity,
		approvalThresholdMinor: policy.approvalThresholdMinor,
		justificationRequired: policy.justificationRequired,
		requires24x7: policy.requires24x7,
	}
	const issues = checkIntake(
		{
			quantity: input.quantity,
			neededBy: input.neededBy,
			justification: input.justification ?? null,
			classRetired: policy.classRetiredAt !== null,
			categoryRetired: policy.categoryRetiredAt !== null,
		},
		intakePolicy,
		now,
		shortestLeadTimeHours,
	)
	const warnings = issues.filter((i) => i.severity === 'warning').map((i) => i.message)
	const decision = regionGiven ? rankCandidates(routingOrderOf(input, policy), candidates, now) : null
	const ranked = decision?.candidates ?? []
	const prices = ranked.map((c) => c.priceMinor).filter((p): p is number => p !== null)
	if (regionGiven && ranked.length === 0) {
		warnings.push(`No supplier can serve ${policy.className} orders in this category and region right now.`)
	}
	return {
		policy,
		candidates,
		ranked: decision,
		number,
		estimate: prices.length
			? { minMinor: Math.min(...prices), maxMinor: Math.max(...prices), currency: policy.currency }
			: null,
		capableCount: ranked.length,
		shortestLeadTimeHours,
		risk: {
			largestPreviousQuantity: history.largestPreviousQuantity,
			quantity: input.quantity,
			preferredSupplierIsNew: preferred !== null && !history.preferredHasDelivered,
			// Standings arrive with scorecards; until then no supplier is on watch.
			preferredSupplierOnWatch: false,
			isEmergency: policy.requires24x7 || policy.classKey === 'emergency',
		},
		errors: issues.filter((i) => i.severity === 'error').map(({ field, message }) => ({ field, message })),
		warnings,
	}
}

// Numbers are drawn before the insert so that emails and events can name the order; a
// rolled-back placement leaves a gap, as any sequence does.
async function nextOrderNumber(db: Executor, now: Date) {
	const [row] = await executePrepared<{ n: string }>(
		db,
		sql`select nextval('order_number_seq')::text as n`,
		'order_number',
	)
	return `PO-${now.getUTCFullYear()}-${row!.n.padStart(6, '0')}`
}

// "History" is the class's last 300 orders, those in this category: a bounded read (the class index,
// newest first), so placing stays as fast with a million orders as with a hundred.
async function loadHistory(
	db: Executor,
	{
		orderClassId,
		categoryId,
		preferredSupplierId,
	}: { orderClassId: string; categoryId: string; preferredSupplierId: string | null },
) {
	const rows = await executePrepared<{
		largest: number | null
		preferred_exists: boolean
		preferred_delivered: boolean
	}>(
		db,
		sql`
		select
			(select max(h.quantity) from (
				select o.quantity, o.category_id, o.status from orders o
				where o.order_class_id = ${orderClassId}
				order by o.created_at desc limit 300) h
				where h.category_id = ${categoryId} and h.status not in ('cancelled', 'rejected')) as largest,
			exists (select 1 from suppliers s where s.id = ${preferredSupplierId}::uuid) as preferred_exists,
			exists (select 1 from orders o where o.assigned_supplier_id = ${preferredSupplierId}::uuid
				and o.status in ('delivered', 'closed')) as preferred_delivered`,
		'order_history',
	)
	const row = rows[0]
	return {
		largestPreviousQuantity: row?.largest ?? null,
		preferredExists: row?.preferred_exists ?? false,
		preferredHasDelivered: row?.preferred_delivered ?? false,
	}
}
