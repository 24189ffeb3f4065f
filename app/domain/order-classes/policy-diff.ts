// What changed between two policy versions, in words a buyer reads in the history.
import { formatCount, formatHours, formatMinutes, formatMoneyMinor } from './format.ts'
import { type PolicyValues } from './policy-rules.ts'

export type PolicyChange = { field: string; label: string; from: string; to: string }

const yesNo = (value: boolean) => (value ? 'Yes' : 'No')

/** "Cascade" or "Broadcast to 3". */
export function describeRouting(policy: Pick<PolicyValues, 'routingMode' | 'broadcastCount'>): string {
	return policy.routingMode === 'broadcast' ? `Broadcast to ${policy.broadcastCount}` : 'Cascade'
}

export function describeMinQuantity(minQuantity: number | null): string {
	return minQuantity === null ? 'None' : formatCount(minQuantity)
}

export function describeApprovalThreshold(policy: Pick<PolicyValues, 'approvalThresholdMinor' | 'currency'>) {
	return policy.approvalThresholdMinor === null
		? 'None'
		: formatMoneyMinor(policy.approvalThresholdMinor, policy.currency)
}

// One row per thing a buyer thinks of as a setting, in the order the form shows them.
const DESCRIBERS: ReadonlyArray<{ field: string; label: string; describe: (p: PolicyValues) => string }> = [
	{
		field: 'ackDeadlineMinutes',
		label: 'Acknowledgement deadline',
		describe: (p) => formatMinutes(p.ackDeadlineMinutes),
	},
	{
		field: 'deliveryTargetHours',
		label: 'Delivery target',
		describe: (p) => formatHours(p.deliveryTargetHours),
	},
	{ field: 'minQuantity', label: 'Minimum quantity', describe: (p) => describeMinQuantity(p.minQuantity) },
	{ field: 'currency', label: 'Currency', describe: (p) => p.currency },
	{ field: 'approvalThresholdMinor', label: 'Approval threshold', describe: describeApprovalThreshold },
	{
		field: 'justificationRequired',
		label: 'Justification required',
		describe: (p) => yesNo(p.justificationRequired),
	},
	{
		field: 'contractRequired',
		label: 'Standing contract required',
		describe: (p) => yesNo(p.contractRequired),
	},
	{ field: 'requires24x7', label: '24x7 suppliers only', describe: (p) => yesNo(p.requires24x7) },
	{ field: 'routing', label: 'Routing', describe: describeRouting },
	{ field: 'weightPrice', label: 'Price weight', describe: (p) => String(p.weightPrice) },
	{ field: 'weightSpeed', label: 'Speed weight', describe: (p) => String(p.weightSpeed) },
	{ field: 'weightReliability', label: 'Reliability weight', describe: (p) => String(p.weightReliability) },
	{ field: 'weightCapacity', label: 'Capacity weight', describe: (p) => String(p.weightCapacity) },
]

/**
 * The settings whose readable value differs between `before` and `after`, each
 * as from → to. Comparing what a person reads (not raw columns) keeps noise out:
 * a cascade's count, say, never shows up on its own.
 */
export function diffPolicies(before: PolicyValues, after: PolicyValues): PolicyChange[] {
	return DESCRIBERS.flatMap(({ field, label, describe }) => {
		const from = describe(before)
		const to = describe(after)
		return from === to ? [] : [{ field, label, from, to }]
	})
}

/** "Acknowledgement deadline: 30 min → 20 min". */
export function describeChange(change: PolicyChange): string {
	return `${change.label}: ${change.from} → ${change.to}`
}
