// The rules an order class policy must satisfy, as plain data in, plain-words problems out.
import { formatCount, formatHours, formatMinutes, isSupportedCurrency, MAX_MINOR } from './format.ts'

export const ROUTING_MODES = ['cascade', 'broadcast'] as const
export type RoutingMode = (typeof ROUTING_MODES)[number]

/** The policy values of one version, as stored in order_class_policies. */
export type PolicyValues = {
	ackDeadlineMinutes: number
	deliveryTargetHours: number
	minQuantity: number | null
	approvalThresholdMinor: number | null
	currency: string
	justificationRequired: boolean
	contractRequired: boolean
	requires24x7: boolean
	routingMode: RoutingMode
	broadcastCount: number
	weightPrice: number
	weightSpeed: number
	weightReliability: number
	weightCapacity: number
}

export const WEIGHT_FIELDS = ['weightPrice', 'weightSpeed', 'weightReliability', 'weightCapacity'] as const
export type WeightField = (typeof WEIGHT_FIELDS)[number]

export const POLICY_LIMITS = {
	ackDeadlineMinutes: { min: 1, max: 7 * 24 * 60 },
	deliveryTargetHours: { min: 1, max: 365 * 24 },
	broadcastCount: { min: 2, max: 10 },
	minQuantity: { min: 1, max: 1_000_000_000 },
	bulkMinQuantity: 2,
	weight: { min: 0, max: 100 },
	weightTotal: 100,
} as const

/** A problem belongs to one policy field, or to the weights as a group ('weights'). */
export type PolicyProblem = { field: keyof PolicyValues | 'weights'; message: string }

/** Keys of the seeded classes whose nature the rules protect. */
export const EMERGENCY_KEY = 'emergency'
export const BULK_KEY = 'bulk'

function isWholeIn(n: number, { min, max }: { min: number; max: number }) {
	return Number.isInteger(n) && n >= min && n <= max
}

/** Sum of the four ranking weights. */
export function weightTotal(policy: Pick<PolicyValues, WeightField>): number {
	return WEIGHT_FIELDS.reduce((sum, field) => sum + policy[field], 0)
}

/**
 * Everything wrong with `policy` for the class `classKey`, in form order; empty when
 * it may be saved. Rules: deadlines in range and delivery no shorter than the
 * acknowledgement; broadcast to 2..10 suppliers, cascade to exactly 1; weights
 * whole 0..100 summing to 100; money and quantities non-negative; emergency needs
 * justification and 24x7 suppliers; bulk needs a minimum quantity of at least 2.
 */
export function policyProblems(policy: PolicyValues, { classKey }: { classKey: string }): PolicyProblem[] {
	const problems: PolicyProblem[] = []
	const add = (field: PolicyProblem['field'], message: string) => problems.push({ field, message })
	const { ackDeadlineMinutes: ack, deliveryTargetHours: delivery } = policy

	const ackOk = isWholeIn(ack, POLICY_LIMITS.ackDeadlineMinutes)
	if (!ackOk) {
		add(
			'ackDeadlineMinutes',
			'The acknowledgement deadline must be a whole number of minutes from 1 to 10,080 (7 days).',
		)
	}
	const deliveryOk = isWholeIn(delivery, POLICY_LIMITS.deliveryTargetHours)
	if (!deliveryOk) {
		add(
			'deliveryTargetHours',
			'The delivery target must be a whole number of hours from 1 to 8,760 (365 days).',
		)
	} else if (ackOk && delivery * 60 < ack) {
		add(
			'deliveryTargetHours',
			`The delivery target (${formatHours(delivery)}) cannot be shorter than the acknowledgement deadline (${formatMinutes(ack)}).`,
		)
	}

	const isBulk = classKey === BULK_KEY
	if (policy.minQuantity === null) {
		if (isBulk) add('minQuantity', 'Bulk orders need a minimum quantity of at least 2.')
	} else if (!isWholeIn(policy.minQuantity, POLICY_LIMITS.minQuantity)) {
		add('minQuantity', 'The minimum quantity must be a whole number from 1 to 1,000,000,000, or left empty.')
	} else if (isBulk && policy.minQuantity < POLICY_LIMITS.bulkMinQuantity) {
		add('minQuantity', 'Bulk orders need a minimum quantity of at least 2.')
	}

	const threshold = policy.approvalThresholdMinor
	if (threshold !== null) {
		if (!Number.isInteger(threshold))
			add('approvalThresholdMinor', 'The approval threshold must be a whole amount of cents.')
		else if (threshold < 0) add('approvalThresholdMinor', 'The approval threshold cannot be negative.')
		else if (threshold > MAX_MINOR) add('approvalThresholdMinor', 'The approval threshold is too large.')
	}
	if (!isSupportedCurrency(policy.currency)) add('currency', 'Choose one of the listed currencies.')

	if (classKey === EMERGENCY_KEY) {
		if (!policy.justificationRequired) {
			add(
				'justificationRequired',
				'Emergency orders always need a justification from the person placing them.',
			)
		}
		if (!policy.requires24x7) {
			add('requires24x7', 'Emergency orders may only go to suppliers available 24x7.')
		}
	}

	if (!(ROUTING_MODES as readonly string[]).includes(policy.routingMode)) {
		add('routingMode', 'Choose cascade or broadcast.')
	} else if (
		policy.routingMode === 'broadcast' &&
		!isWholeIn(policy.broadcastCount, POLICY_LIMITS.broadcastCount)
	) {
		add('broadcastCount', 'Broadcast offers the order to 2 to 10 suppliers at once.')
	} else if (policy.routingMode === 'cascade' && policy.broadcastCount !== 1) {
		add('broadcastCount', 'Cascade offers the order to one supplier at a time, so the count must be 1.')
	}

	let weightsReadable = true
	for (const field of WEIGHT_FIELDS) {
		if (!isWholeIn(policy[field], POLICY_LIMITS.weight)) {
			weightsReadable = false
			add(field, 'Each weight must be a whole number from 0 to 100.')
		}
	}
	const total = weightTotal(policy)
	if (weightsReadable && total !== POLICY_LIMITS.weightTotal) {
		add('weights', `The four weights must add up to 100; they now add up to ${formatCount(total)}.`)
	}
	return problems
}

export function isValidPolicy(policy: PolicyValues, options: { classKey: string }): boolean {
	return policyProblems(policy, options).length === 0
}
