// Shared by the dispute forms (react-hook-form + zodResolver) and their actions: the supplier raises a
// dispute against one scorecard figure, a buyer upholds it or corrects the figure.
import { z } from 'zod'
import { type ScorecardFact } from '#app/domain/scorecards/order-facts.ts'
import { MonthKeySchema } from '#app/domain/scorecards/periods.ts'
import { type ScorecardEvidence } from '#app/domain/scorecards/scorecard-evidence.ts'
import { type ScorecardMetrics } from '#app/domain/scorecards/scorecard-metrics.ts'

/**
 * The figures a supplier can dispute, with the evidence list behind each and the
 * kind of order fact it is computed from. A correction removes the order's facts
 * of that kind for the supplier, so it moves every figure of the same kind:
 * responseRate and acceptanceRate both come from 'offer' facts, onTimeRate and
 * cycleTime both from 'delivery' facts.
 */
export const DISPUTE_METRICS = {
	responseRate: { label: 'Response rate', evidence: 'responseRate', factKind: 'offer' },
	acceptanceRate: { label: 'Acceptance rate', evidence: 'acceptanceRate', factKind: 'offer' },
	onTimeRate: { label: 'On-time delivery', evidence: 'onTimeRate', factKind: 'delivery' },
	cycleTime: { label: 'Cycle time', evidence: 'cycleMinutes', factKind: 'delivery' },
	qualityRate: { label: 'Quality (no rework)', evidence: 'qualityRate', factKind: 'closure' },
	exceptionRate: { label: 'Exception rate', evidence: 'exceptionRate', factKind: 'finish' },
	changeAck: { label: 'Change acknowledgement', evidence: 'changeAckMinutes', factKind: 'change_ack' },
} as const satisfies Record<
	string,
	{ label: string; evidence: keyof ScorecardEvidence; factKind: ScorecardFact['kind'] }
>

export type DisputeMetric = keyof typeof DISPUTE_METRICS
export const DISPUTE_METRIC_KEYS = Object.keys(DISPUTE_METRICS) as [DisputeMetric, ...DisputeMetric[]]

export const DISPUTE_METRIC_OPTIONS = DISPUTE_METRIC_KEYS.map((key) => ({
	value: key,
	label: DISPUTE_METRICS[key].label,
}))

export function isDisputeMetric(value: string): value is DisputeMetric {
	return Object.hasOwn(DISPUTE_METRICS, value)
}

export const DISPUTE_STATUSES = ['open', 'upheld', 'corrected'] as const
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number]

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
	open: 'Open',
	upheld: 'Upheld (figure stands)',
	corrected: 'Corrected',
}

const Text = (what: string) =>
	z
		.string({ error: `Write the ${what} (3 to 2,000 characters).` })
		.trim()
		.min(3, `Write the ${what} (3 to 2,000 characters).`)
		.max(2000, `Keep the ${what} to 2,000 characters.`)

export const RaiseDisputeSchema = z.object({
	intent: z.literal('dispute'),
	orderClassId: z.uuid({ error: 'Reload the page: the form lost track of the scorecard.' }),
	month: MonthKeySchema,
	metric: z.enum(DISPUTE_METRIC_KEYS, { error: 'Choose the figure you dispute.' }),
	// Empty: the dispute is about the figure as a whole, not one order.
	orderId: z
		.union([z.literal(''), z.uuid()], { error: 'Choose one of the listed orders, or none.' })
		.optional()
		.transform((id) => id || null),
	comment: Text('comment'),
})
export type RaiseDisputeInput = z.input<typeof RaiseDisputeSchema>

export const DISPUTE_OUTCOMES = ['upheld', 'corrected'] as const

export const ResolveDisputeSchema = z.object({
	disputeId: z.uuid({ error: 'Reload the page: the form lost track of the dispute.' }),
	expectedVersion: z
		.string({ error: 'Reload the page: the form lost track of the dispute version.' })
		.regex(/^\d{1,9}$/, 'Reload the page: the form lost track of the dispute version.')
		.transform(Number),
	outcome: z.enum(DISPUTE_OUTCOMES, { error: 'Choose uphold or correct.' }),
	resolution: Text('reason'),
})
export type ResolveDisputeInput = z.input<typeof ResolveDisputeSchema>

/** The evidence page's query: a bad value means "show nothing", never an error page. */
export const EvidenceQuerySchema = z.object({
	class: z.uuid(),
	month: MonthKeySchema,
	metric: z.enum(DISPUTE_METRIC_KEYS).optional().catch(undefined),
})

// How the scorecard pages choose a month and show the figures.

/** The `count` months ending with the one of `now`, newest first ('YYYY-MM'). */
export function recentMonths(now: Date, count = 24): string[] {
	return Array.from({ length: count }, (_, i) =>
		new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7),
	)
}

/** `?month=` when it is one of the recent months, else the current one. */
export function chosenMonth(url: URL, now: Date): string {
	const months = recentMonths(now)
	const asked = url.searchParams.get('month') ?? ''
	return months.includes(asked) ? asked : months[0]!
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)} %`)
const mins = (v: number | null) => (v === null ? '—' : `${Math.round(v).toLocaleString('en-GB')} min`)

/** Each disputable figure as it shows on the page. */
export function metricCells(m: ScorecardMetrics): { metric: DisputeMetric; value: string }[] {
	return [
		{ metric: 'responseRate', value: pct(m.responseRate) },
		{ metric: 'acceptanceRate', value: pct(m.acceptanceRate) },
		{ metric: 'onTimeRate', value: pct(m.onTimeRate) },
		{ metric: 'cycleTime', value: `${mins(m.cycleMedianMinutes)} (p90 ${mins(m.cycleP90Minutes)})` },
		{ metric: 'qualityRate', value: pct(m.qualityRate) },
		{ metric: 'exceptionRate', value: pct(m.exceptionRate) },
		{ metric: 'changeAck', value: mins(m.changeAckMedianMinutes) },
	]
}

export function formatScore(score: number | null) {
	return score === null ? '—' : score.toFixed(1)
}
