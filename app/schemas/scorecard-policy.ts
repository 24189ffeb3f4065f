// The admin scorecard policy form, shared by the form (zodResolver) and its action. Field names are
// the paths of ScorecardSettings, so every message of ScorecardSettingsSchema lands next to its field;
// the form's strings become numbers first (text that is no number stays NaN and gets the schema's message).
import { z } from 'zod'
import { ScorecardSettingsSchema } from '#app/domain/scorecards/scorecard-settings.ts'

export const WEIGHT_KEYS = ['response', 'acceptance', 'onTime', 'quality', 'exception'] as const
export const WEIGHT_LABELS: Record<(typeof WEIGHT_KEYS)[number], string> = {
	response: 'Response',
	acceptance: 'Acceptance',
	onTime: 'On time',
	quality: 'Quality',
	exception: 'Exceptions',
}

const num = (v: unknown) => {
	if (typeof v === 'number') return v
	if (typeof v !== 'string' || v.trim() === '') return Number.NaN
	const text = v.trim().replaceAll(',', '')
	return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : Number.NaN
}
const list = (v: unknown): string[] =>
	Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []
const checked = (v: unknown) => v === true || v === 'true' || v === 'on'

type Loose = Record<string, unknown>

/** The posted form (strings, nested by field name) as ScorecardSettings input. */
export function settingsFromForm(raw: unknown): unknown {
	const form = (raw ?? {}) as Loose
	const weights = (form.weightsByClassKey ?? {}) as Record<string, Loose>
	const standings = Array.isArray(form.standings) ? (form.standings as Loose[]) : []
	return {
		minOrders: num(form.minOrders),
		weightsByClassKey: Object.fromEntries(
			Object.entries(weights).map(([key, w]) => [
				key,
				Object.fromEntries(WEIGHT_KEYS.map((k) => [k, num(w?.[k])])),
			]),
		),
		standings: standings.map((s) => {
			const c = (s?.consequences ?? {}) as Loose
			const review =
				typeof c.reviewAboveMinor === 'string' && c.reviewAboveMinor.trim() === ''
					? null
					: num(c.reviewAboveMinor)
			return {
				key: typeof s?.key === 'string' ? s.key.trim() : s?.key,
				label: s?.label,
				minScore: num(s?.minScore),
				consequences: {
					excludedClassKeys: list(c.excludedClassKeys),
					flagInRouting: checked(c.flagInRouting),
					// Typed in major units; stored in minor units.
					reviewAboveMinor: review === null || Number.isNaN(review) ? review : Math.round(review * 100),
				},
			}
		}),
	}
}

export const ScorecardPolicyFormSchema = z
	.object({
		expectedVersion: z
			.string({ error: 'Reload the page: the form lost track of the policy version.' })
			.regex(/^\d{1,9}$/, 'Reload the page: the form lost track of the policy version.')
			.transform(Number),
		changeNote: z
			.string({ error: 'Say why the policy changes; the note is kept in the history.' })
			.trim()
			.min(1, 'Say why the policy changes; the note is kept in the history.')
			.max(500, 'Use at most 500 characters.'),
	})
	.and(z.preprocess(settingsFromForm, ScorecardSettingsSchema))

export type ScorecardPolicyForm = z.input<typeof ScorecardPolicyFormSchema>
