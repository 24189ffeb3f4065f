import { sql } from 'drizzle-orm'
import { checkIntake, type IntakePolicy, weekStartOf } from '#app/domain/orders/order-intake.ts'
import { rankCandidates, type RoutingDecision } from '#app/domain/routing/rank-candidates.ts'
import { type Executor, type Transaction } from '#app/utils/db.server.ts'
import {
	type Candidate,
	type ClassPolicy,
	dayOf,
	loadCandidates,
	loadClassPolicy,
	routingOrderOf,
} from './candidates.server.ts'
import { type FieldProblem, inputProblems, type OrderInput, OrderInputError } from './order-input.server.ts'
import { executePrepared } from '#app/utils/prepared-statements.server.ts'

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

export type Assessment = {
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
		standingReviews: { supplierName: string; standingLabel: string; aboveMinor: number }[]
	}
	errors: FieldProblem[]
	warnings: string[]
}

export async function assessIntake(
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
			region: regionGiven ? input.region : null,
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
	// Who the order would go to first: the preferred supplier, or the top of the ranking.
	const bySupplier = new Map(candidates.map((c) => [c.supplierId, c]))
	const preferredCandidate = preferred ? bySupplier.get(preferred) : undefined
	const firstCount = policy.routingMode === 'broadcast' ? Math.max(1, policy.broadcastCount) : 1
	const firstChoices = preferredCandidate
		? [preferredCandidate]
		: ranked.slice(0, firstCount).map((c) => bySupplier.get(c.supplierId))
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
			// A standing that flags the supplier in routing is what "on watch" means here.
			preferredSupplierOnWatch: Boolean(preferredCandidate?.standingFlag),
			isEmergency: policy.requires24x7 || policy.classKey === 'emergency',
			standingReviews: firstChoices.flatMap((c) =>
				c?.standingReviewAboveMinor != null
					? [
							{
								supplierName: c.supplierName,
								standingLabel: c.standingLabel ?? 'its',
								aboveMinor: c.standingReviewAboveMinor,
							},
						]
					: [],
			),
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

// "History" is the newest orders of this class in this category (HISTORY_ORDERS of them): a bounded
// read of the (class, category, created) index, newest first, so placing stays as fast with a million
// orders as with a hundred.
const HISTORY_ORDERS = 20

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
				select o.quantity, o.status from orders o
				where o.order_class_id = ${orderClassId} and o.category_id = ${categoryId}
				order by o.created_at desc limit ${HISTORY_ORDERS}) h
				where h.status not in ('cancelled', 'rejected')) as largest,
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
