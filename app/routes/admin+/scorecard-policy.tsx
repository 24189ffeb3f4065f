import { zodResolver } from '@hookform/resolvers/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { asc } from 'drizzle-orm'
import { get } from 'react-hook-form'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { Field } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { listScorecardPolicies, saveScorecardPolicy } from '#app/models/scorecard/policy.server.ts'
import { evaluateStandings } from '#app/models/scorecard/standings.server.ts'
import { weightsForClass } from '#app/domain/scorecards/score-and-standing.ts'
import {
	ScorecardPolicyFormSchema,
	WEIGHT_KEYS,
	WEIGHT_LABELS,
	type ScorecardPolicyForm,
} from '#app/schemas/scorecard-policy.ts'
import { isAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb, schema } from '#app/utils/db.server.ts'
import { formErrors, parseSubmission } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { CheckboxField, TextareaField } from '../buyer+/__order-classes.form-controls.tsx'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'admin')
	const db = getDb()
	const [history, classes] = await Promise.all([
		listScorecardPolicies(db),
		db
			.select({ key: schema.orderClasses.key, name: schema.orderClasses.name })
			.from(schema.orderClasses)
			.orderBy(asc(schema.orderClasses.priorityRank)),
	])
	return { policy: history[0]!, history, classes }
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'admin')
	const submission = await parseSubmission(request, ScorecardPolicyFormSchema)
	if (!submission.success)
		return data({ errors: submission.errors, values: submission.values }, { status: 400 })
	const { expectedVersion, changeNote, minOrders, standings, weightsByClassKey } = submission.data
	const now = new Date()
	try {
		const saved = await saveScorecardPolicy(getDb(), {
			actor,
			settings: { minOrders, standings, weightsByClassKey },
			expectedVersion,
			changeNote,
			now,
			reevaluate: (tx, policy) => evaluateStandings(tx, { now, policy }),
		})
		return redirectWithToast('/admin/scorecard-policy', {
			type: 'success',
			title: `Scorecard policy version ${saved.version} saved`,
			description: 'Every standing was re-evaluated under it.',
		})
	} catch (error) {
		if (!isAppError(error, 'CONFLICT')) throw error
		return data({ errors: formErrors(error.message), values: submission.values }, { status: 409 })
	}
}

export const meta: MetaFunction = () => [{ title: 'Scorecard policy · Admin · Procura' }]

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})

export default function ScorecardPolicyPage() {
	const { policy, history } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div className="stack">
			<h1>Scorecard policy</h1>
			<p className="muted">
				Version {policy.version} is in force. Saving creates version {policy.version + 1} and re-evaluates
				every supplier&apos;s standing at once.
			</p>
			<PolicyForm key={policy.version} sent={actionData} />
			<section aria-labelledby="policy-history">
				<h2 id="policy-history">History</h2>
				<table>
					<thead>
						<tr>
							<th scope="col">Version</th>
							<th scope="col">Saved (UTC)</th>
							<th scope="col">Minimum orders</th>
							<th scope="col">Standings</th>
							<th scope="col">Note</th>
						</tr>
					</thead>
					<tbody>
						{history.map((v) => (
							<tr key={v.version}>
								<td>{v.version}</td>
								<td>{dateFormat.format(new Date(v.createdAt))}</td>
								<td>{v.minOrders}</td>
								<td>{v.standings.map((s) => `${s.label} ≥ ${s.minScore}`).join(', ')}</td>
								<td className="prewrap">{v.changeNote}</td>
							</tr>
						))}
					</tbody>
				</table>
			</section>
		</div>
	)
}

function PolicyForm({ sent }: { sent?: { errors: unknown; values: unknown } }) {
	const { policy, classes } = useLoaderData<typeof loader>()
	const defaults = {
		expectedVersion: String(policy.version),
		changeNote: '',
		minOrders: String(policy.minOrders),
		weightsByClassKey: Object.fromEntries(
			classes.map((c) => {
				const w = weightsForClass(c.key, policy.weightsByClass)
				return [c.key, Object.fromEntries(WEIGHT_KEYS.map((k) => [k, String(w[k])]))]
			}),
		),
		standings: policy.standings.map((s) => ({
			key: s.key,
			label: s.label,
			minScore: String(s.minScore),
			consequences: {
				excludedClassKeys: s.consequences.excludedClassKeys,
				flagInRouting: s.consequences.flagInRouting,
				reviewAboveMinor:
					s.consequences.reviewAboveMinor === null ? '' : String(s.consequences.reviewAboveMinor / 100),
			},
		})),
	}
	const { handleSubmit, register, formState } = useRemixForm<ScorecardPolicyForm>({
		resolver: zodResolver(ScorecardPolicyFormSchema, undefined, { raw: true }),
		stringifyAllValues: false,
		errors: sent?.errors as never,
		// After a failed save the form shows what was typed, on the version it was based on.
		defaultValues: ((sent?.values as object | undefined) ?? defaults) as never,
	})
	const errors = formState.errors
	const msg = (name: string) => (get(errors, name) as { message?: string } | undefined)?.message
	// What the checkboxes show before any script runs. remix-hook-form only fills in strings and
	// booleans, and a failed save sends back what the browser posted: "on", or one class key
	// alone rather than a list — which it made a defaultValue next to the box's own value.
	const shown = (sent?.values as object | undefined) ?? defaults
	const ticked = (name: string, option?: string) => {
		const value: unknown = get(shown, name)
		if (option === undefined) return value === true || value === 'true' || value === 'on'
		return Array.isArray(value) ? value.includes(option) : value === option
	}
	const checkbox = (name: string, option?: string) => ({
		...register(name as never, { disableProgressiveEnhancement: true }),
		...(option === undefined ? {} : { value: option }),
		defaultChecked: ticked(name, option),
	})
	return (
		<Form method="post" className="form" onSubmit={handleSubmit} noValidate aria-label="Scorecard policy">
			<input type="hidden" {...register('expectedVersion' as never)} />
			<FormError message={errors.root?.message} />
			<fieldset>
				<legend>Weights per order class</legend>
				<FormError message={msg('weightsByClassKey')} />
				{classes.map((c) => (
					<fieldset key={c.key} className="toolbar">
						<legend>{c.name}</legend>
						<FormError message={msg(`weightsByClassKey.${c.key}`)} />
						{WEIGHT_KEYS.map((k) => (
							<Field
								key={k}
								label={`${c.name}: ${WEIGHT_LABELS[k]}`}
								errors={msg(`weightsByClassKey.${c.key}.${k}`)}
								inputProps={{ ...register(`weightsByClassKey.${c.key}.${k}` as never), inputMode: 'decimal' }}
							/>
						))}
					</fieldset>
				))}
			</fieldset>
			<fieldset>
				<legend>Standings, best first</legend>
				<FormError message={msg('standings')} />
				{policy.standings.map((s, i) => (
					<fieldset key={i}>
						<legend>Standing {i + 1}</legend>
						<Field
							label={`Standing ${i + 1} key`}
							errors={msg(`standings.${i}.key`)}
							inputProps={register(`standings.${i}.key` as never)}
						/>
						<Field
							label={`Standing ${i + 1} label`}
							errors={msg(`standings.${i}.label`)}
							inputProps={register(`standings.${i}.label` as never)}
						/>
						<Field
							label={`Standing ${i + 1} minimum score`}
							errors={msg(`standings.${i}.minScore`)}
							inputProps={{ ...register(`standings.${i}.minScore` as never), inputMode: 'decimal' }}
						/>
						<fieldset>
							<legend>Excluded from classes</legend>
							{classes.map((c) => (
								<CheckboxField
									key={c.key}
									label={c.name}
									inputProps={checkbox(`standings.${i}.consequences.excludedClassKeys`, c.key)}
								/>
							))}
						</fieldset>
						<CheckboxField
							label="Flag in routing"
							inputProps={checkbox(`standings.${i}.consequences.flagInRouting`)}
						/>
						<Field
							label={`Standing ${i + 1} review orders above (major units)`}
							hint="Empty: never."
							errors={msg(`standings.${i}.consequences.reviewAboveMinor`)}
							inputProps={{
								...register(`standings.${i}.consequences.reviewAboveMinor` as never),
								inputMode: 'decimal',
							}}
						/>
					</fieldset>
				))}
			</fieldset>
			<Field
				label="Minimum orders"
				errors={msg('minOrders')}
				inputProps={{ ...register('minOrders' as never), inputMode: 'numeric' }}
			/>
			<TextareaField
				label="Change note"
				errors={msg('changeNote')}
				textareaProps={register('changeNote' as never)}
			/>
			<StatusButton>Save as version {policy.version + 1}</StatusButton>
		</Form>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
