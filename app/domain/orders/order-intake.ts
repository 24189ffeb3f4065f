/** What intake checks need from the order class's policy (the version the order is placed under). */
export type IntakePolicy = {
	className: string
	minQuantity: number | null
	approvalThresholdMinor: number | null
	justificationRequired: boolean
	requires24x7: boolean
}

export type IntakeOrder = {
	quantity: number
	neededBy: Date
	justification: string | null
	classRetired: boolean
	categoryRetired: boolean
}

export type IntakeIssue = {
	field: 'quantity' | 'neededBy' | 'justification' | 'orderClassId' | 'categoryId'
	message: string
	severity: 'error' | 'warning'
}

/**
 * Server-side intake rules. Errors block the order; warnings are shown but the
 * buyer may go ahead (an emergency is placed even when no one can make the date).
 * `shortestLeadTimeHours` is the fastest capable supplier's lead time, if any.
 */
export function checkIntake(
	order: IntakeOrder,
	policy: IntakePolicy,
	now: Date,
	shortestLeadTimeHours: number | null,
): IntakeIssue[] {
	const issues: IntakeIssue[] = []
	if (order.classRetired)
		issues.push({
			field: 'orderClassId',
			severity: 'error',
			message: `The ${policy.className} class is retired; choose another class.`,
		})
	if (order.categoryRetired)
		issues.push({
			field: 'categoryId',
			severity: 'error',
			message: 'This category is retired; choose another one.',
		})
	if (policy.minQuantity !== null && order.quantity < policy.minQuantity) {
		issues.push({
			field: 'quantity',
			severity: 'error',
			message: `${policy.className} orders need at least ${policy.minQuantity.toLocaleString('en-GB')} units.`,
		})
	}
	if (order.neededBy.getTime() <= now.getTime()) {
		issues.push({ field: 'neededBy', severity: 'error', message: 'The needed-by time is in the past.' })
	} else if (
		shortestLeadTimeHours !== null &&
		order.neededBy.getTime() < now.getTime() + shortestLeadTimeHours * 3_600_000
	) {
		issues.push({
			field: 'neededBy',
			severity: policy.requires24x7 ? 'warning' : 'error',
			message: `No capable supplier can deliver that soon: the shortest lead time is ${shortestLeadTimeHours} h.`,
		})
	}
	if (policy.justificationRequired && (order.justification ?? '').trim().length < 10) {
		issues.push({
			field: 'justification',
			severity: 'error',
			message: `${policy.className} orders need a justification of at least 10 characters.`,
		})
	}
	return issues
}

export type RiskSignals = {
	estimatedMaxMinor: number | null
	/** The largest quantity this buyer organisation ordered before in this (class, category); null if never. */
	largestPreviousQuantity: number | null
	quantity: number
	preferredSupplierIsNew: boolean
	preferredSupplierOnWatch: boolean
	isEmergency: boolean
	/**
	 * Suppliers the order would go to first (the preferred one, or the top of the
	 * ranking) whose standing sends orders above a value to review.
	 */
	standingReviews?: readonly { supplierName: string; standingLabel: string; aboveMinor: number }[]
}

/** Multiple of the largest earlier quantity above which an order counts as unusual. */
export const UNUSUAL_QUANTITY_FACTOR = 5

/** Whether a second buyer must approve the order before routing, and why. */
export function reviewReasons(
	policy: Pick<IntakePolicy, 'approvalThresholdMinor'>,
	risk: RiskSignals,
	currency = 'EUR',
): string[] {
	const reasons: string[] = []
	if (
		policy.approvalThresholdMinor !== null &&
		risk.estimatedMaxMinor !== null &&
		risk.estimatedMaxMinor > policy.approvalThresholdMinor
	) {
		reasons.push(
			`Estimated value above the class approval threshold (${(policy.approvalThresholdMinor / 100).toLocaleString('en-GB')} ${currency})`,
		)
	}
	if (
		risk.largestPreviousQuantity !== null &&
		risk.quantity > risk.largestPreviousQuantity * UNUSUAL_QUANTITY_FACTOR
	) {
		reasons.push(
			`Quantity far above earlier orders (largest so far ${risk.largestPreviousQuantity.toLocaleString('en-GB')})`,
		)
	}
	if (risk.preferredSupplierIsNew) reasons.push('Preferred supplier has no delivered orders yet')
	if (risk.isEmergency && risk.preferredSupplierOnWatch)
		reasons.push('Emergency with a preferred supplier on watch')
	for (const r of risk.standingReviews ?? []) {
		if (risk.estimatedMaxMinor !== null && risk.estimatedMaxMinor > r.aboveMinor)
			reasons.push(
				`${r.supplierName} is in ${r.standingLabel} standing: orders above ${(r.aboveMinor / 100).toLocaleString('en-GB')} ${currency} go to review first`,
			)
	}
	return reasons
}

/** An offer's answer deadline: the class policy's or the contract term's, whichever is stricter. */
export function offerExpiresAt(offeredAt: Date, policyAckMinutes: number, termAckMinutes: number | null) {
	const minutes = termAckMinutes === null ? policyAckMinutes : Math.min(policyAckMinutes, termAckMinutes)
	return new Date(offeredAt.getTime() + minutes * 60_000)
}

/** Monday 00:00 UTC of the week `at` falls in, as YYYY-MM-DD: the key of weekly capacity. */
export function weekStartOf(at: Date) {
	const day = (at.getUTCDay() + 6) % 7
	const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - day))
	return monday.toISOString().slice(0, 10)
}
