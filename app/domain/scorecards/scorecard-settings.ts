import { z } from 'zod'
import { type ScorecardWeights, type StandingRule } from './score-and-standing.ts'

const WEIGHT_LABELS = {
	response: 'Response',
	acceptance: 'Acceptance',
	onTime: 'On-time delivery',
	quality: 'Quality',
	exception: 'Exceptions',
} as const satisfies Record<keyof ScorecardWeights, string>

function weight(label: string) {
	return z
		.number({ error: `${label} weight must be a number.` })
		.min(0, `${label} weight cannot be negative.`)
		.max(1000, `${label} weight must be at most 1,000.`)
}

export const ScorecardWeightsSchema = z
	.object({
		response: weight(WEIGHT_LABELS.response),
		acceptance: weight(WEIGHT_LABELS.acceptance),
		onTime: weight(WEIGHT_LABELS.onTime),
		quality: weight(WEIGHT_LABELS.quality),
		exception: weight(WEIGHT_LABELS.exception),
	})
	.refine((w) => w.response + w.acceptance + w.onTime + w.quality + w.exception > 0, {
		error: 'Give at least one weight above 0.',
	}) satisfies z.ZodType<ScorecardWeights>

export const StandingRuleSchema = z.object({
	key: z
		.string({ error: 'Give the standing a key.' })
		.regex(/^[a-z][a-z0-9_-]{0,39}$/, 'Use 1 to 40 lowercase letters, digits, - or _ for the key.'),
	label: z
		.string({ error: 'Give the standing a name.' })
		.trim()
		.min(1, 'Give the standing a name.')
		.max(60, 'Keep the name under 60 characters.'),
	minScore: z
		.number({ error: 'The minimum score must be a number.' })
		.min(0, 'The minimum score must be between 0 and 100.')
		.max(100, 'The minimum score must be between 0 and 100.'),
	consequences: z.object({
		excludedClassKeys: z.array(z.string().min(1)).default([]),
		flagInRouting: z.boolean().default(false),
		reviewAboveMinor: z
			.number()
			.int('Give the review threshold in whole minor units.')
			.min(0, 'The review threshold cannot be negative.')
			.nullable()
			.default(null),
	}),
}) satisfies z.ZodType<StandingRule, unknown>

/**
 * Standings best first: each needs a strictly lower score than the one before,
 * keys are unique, and the last starts at 0 so that every score has a standing.
 */
export const StandingRulesSchema = z
	.array(StandingRuleSchema)
	.min(1, 'Define at least one standing.')
	.superRefine((rules, ctx) => {
		const keys = new Set<string>()
		rules.forEach((rule, i) => {
			if (keys.has(rule.key)) {
				ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `The key “${rule.key}” is used twice.` })
			}
			keys.add(rule.key)
			const previous = rules[i - 1]
			if (previous && rule.minScore >= previous.minScore) {
				ctx.addIssue({
					code: 'custom',
					path: [i, 'minScore'],
					message: `“${rule.label}” must need a lower score than “${previous.label}” (${rule.minScore} is not below ${previous.minScore}).`,
				})
			}
		})
		const last = rules.at(-1)
		if (last && last.minScore !== 0) {
			ctx.addIssue({
				code: 'custom',
				path: [rules.length - 1, 'minScore'],
				message: `The lowest standing (“${last.label}”) must start at 0, so that every score has a standing.`,
			})
		}
	})

export const ScorecardSettingsSchema = z.object({
	minOrders: z
		.number({ error: 'The minimum number of orders must be a number.' })
		.int('The minimum number of orders must be a whole number.')
		.min(1, 'A scorecard needs at least 1 order.')
		.max(1000, 'Keep the minimum number of orders at 1,000 or below.'),
	standings: StandingRulesSchema,
	weightsByClassKey: z.record(z.string().min(1), ScorecardWeightsSchema),
})

export type ScorecardSettings = z.infer<typeof ScorecardSettingsSchema>
