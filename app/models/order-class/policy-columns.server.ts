import { type PolicyValues } from '#app/domain/order-classes/policy-rules.ts'
import { schema } from '#app/utils/db.server.ts'

const { orderClassPolicies: p } = schema

/** The columns that make up a policy's values, for selects. */
export const POLICY_VALUE_COLUMNS = {
	ackDeadlineMinutes: p.ackDeadlineMinutes,
	deliveryTargetHours: p.deliveryTargetHours,
	minQuantity: p.minQuantity,
	approvalThresholdMinor: p.approvalThresholdMinor,
	currency: p.currency,
	justificationRequired: p.justificationRequired,
	contractRequired: p.contractRequired,
	requires24x7: p.requires24x7,
	routingMode: p.routingMode,
	broadcastCount: p.broadcastCount,
	weightPrice: p.weightPrice,
	weightSpeed: p.weightSpeed,
	weightReliability: p.weightReliability,
	weightCapacity: p.weightCapacity,
}

/** Just the policy values of a row that carries more (ids, notes, names). */
export function pickPolicyValues(row: PolicyValues): PolicyValues {
	return {
		ackDeadlineMinutes: row.ackDeadlineMinutes,
		deliveryTargetHours: row.deliveryTargetHours,
		minQuantity: row.minQuantity,
		approvalThresholdMinor: row.approvalThresholdMinor,
		currency: row.currency,
		justificationRequired: row.justificationRequired,
		contractRequired: row.contractRequired,
		requires24x7: row.requires24x7,
		routingMode: row.routingMode,
		broadcastCount: row.broadcastCount,
		weightPrice: row.weightPrice,
		weightSpeed: row.weightSpeed,
		weightReliability: row.weightReliability,
		weightCapacity: row.weightCapacity,
	}
}

/** Whether `error` (or what it wraps: drizzle wraps the driver's error) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
	let current: unknown = error
	for (let depth = 0; current && depth < 5; depth++) {
		if ((current as { code?: unknown }).code === '23505') return true
		current = (current as { cause?: unknown }).cause
	}
	return false
}
