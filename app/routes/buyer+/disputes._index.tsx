import { zodResolver } from '@hookform/resolvers/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSubmit } from '@remix-run/react'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { SelectField } from '#app/components/forms/field.tsx'
import { Pager } from '#app/components/pager.tsx'
import { FilterSelect } from '#app/components/ui/list-page.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { listDisputes, resolveDispute } from '#app/models/scorecard/disputes.server.ts'
import {
	DISPUTE_METRICS,
	DISPUTE_STATUS_LABELS,
	DISPUTE_STATUSES,
	ResolveDisputeSchema,
	type DisputeMetric,
	type DisputeStatus,
	type ResolveDisputeInput,
} from '#app/schemas/scorecard-dispute.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission, pickValues } from '#app/utils/form.server.ts'
import { getPaging } from '#app/utils/paging.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { TextareaField } from './__order-classes.form-controls.tsx'

const statusOf = (value: string | null) =>
	(DISPUTE_STATUSES as readonly string[]).includes(value ?? '') ? (value as DisputeStatus) : undefined

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const url = new URL(request.url)
	const paging = getPaging(url)
	const status = statusOf(url.searchParams.get('status'))
	const found = await listDisputes(getDb(), { status, limit: paging.limit, offset: paging.offset })
	return { ...found, status, paging }
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const submission = await parseSubmission(request, ResolveDisputeSchema)
	const defaultValues = pickValues(submission.values, ['disputeId', 'outcome', 'resolution'])
	if (!submission.success) return data({ errors: submission.errors, defaultValues }, { status: 400 })
	try {
		const done = await resolveDispute(getDb(), { actor, ...submission.data })
		return redirectWithToast('/buyer/disputes', {
			type: 'success',
			title: done.status === 'corrected' ? 'Dispute corrected' : 'Dispute upheld',
			description:
				done.status === 'corrected'
					? 'The order no longer counts in the live figures; published months stay as published.'
					: 'The figure stands. The supplier was told by email.',
		})
	} catch (error) {
		if (!isAppError(error) || error.code === 'FORBIDDEN') throw error
		const errors = { [error.field ?? 'root']: { type: 'server', message: error.message } }
		return data({ errors, defaultValues }, { status: statusForAppError(error.code) })
	}
}

export const meta: MetaFunction = () => [{ title: 'Scorecard disputes · Buyer · Procura' }]

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})

export default function BuyerDisputes() {
	const { rows, total, status, paging } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div className="stack">
			<h1>Scorecard disputes</h1>
			<p className="muted">
				Upholding keeps the figure. Correcting takes the named order out of that figure in the live
				scorecards; published months are immutable and stay as published.
			</p>
			<Form method="get" className="toolbar">
				<FilterSelect
					id="dispute-status"
					label="Status"
					name="status"
					value={status}
					all="All"
					options={DISPUTE_STATUSES.map((s) => ({ value: s, label: DISPUTE_STATUS_LABELS[s] }))}
				/>
				<button type="submit" className="secondary">
					Filter
				</button>
			</Form>
			{rows.length === 0 ? <p className="empty">No disputes.</p> : null}
			{rows.map((d) => {
				const label = DISPUTE_METRICS[d.metric as DisputeMetric]?.label ?? d.metric
				return (
					<article key={d.id} className="card dispute" aria-labelledby={`d-${d.id}`}>
						<h2 id={`d-${d.id}`}>
							{d.supplierName}: {label}, {d.className} {d.month}
						</h2>
						<p>
							{DISPUTE_STATUS_LABELS[d.status]} · raised {dateFormat.format(new Date(d.raisedAt))} UTC by{' '}
							{d.raisedByName ?? '—'} · order {d.orderNumber ?? 'none named'}
						</p>
						<blockquote className="prewrap">{d.comment}</blockquote>
						{d.status === 'open' ? (
							<ResolveForm
								dispute={d}
								label={label}
								sent={actionData?.defaultValues?.disputeId === d.id ? actionData : undefined}
							/>
						) : (
							<p className="prewrap">
								Resolved {d.resolvedAt ? dateFormat.format(new Date(d.resolvedAt)) : ''} UTC by{' '}
								{d.resolvedByName ?? '—'}: {d.resolution}
							</p>
						)}
					</article>
				)
			})}
			<Pager page={paging.page} pageSize={paging.pageSize} total={total} />
		</div>
	)
}

function ResolveForm({
	dispute,
	label,
	sent,
}: {
	dispute: { id: string; version: number; orderNumber: string | null }
	label: string
	sent?: { errors: Record<string, { message?: string } | undefined>; defaultValues: Record<string, string> }
}) {
	const submit = useSubmit()
	const { handleSubmit, register, formState } = useRemixForm<ResolveDisputeInput>({
		resolver: zodResolver(ResolveDisputeSchema, undefined, { raw: true }),
		stringifyAllValues: false,
		errors: sent?.errors as never,
		defaultValues: {
			disputeId: dispute.id,
			expectedVersion: String(dispute.version),
			outcome: 'upheld',
			resolution: '',
			...sent?.defaultValues,
		} as never,
		submitHandlers: {
			onValid: (values, event) => {
				const verb = values.outcome === 'corrected' ? 'Correct' : 'Uphold'
				if (window.confirm(`${verb} this dispute of the ${label.toLowerCase()}? This cannot be undone.`))
					submit(event?.target as HTMLFormElement)
			},
		},
	})
	const errors = formState.errors as Record<string, { message?: string } | undefined>
	return (
		<Form
			method="post"
			className="form"
			onSubmit={handleSubmit}
			noValidate
			aria-label={`Resolve dispute ${dispute.id}`}
		>
			{/* Fixed by the page: `value` only, no defaultValue from remix-hook-form (React refuses both). */}
			<input
				type="hidden"
				{...register('disputeId', { disableProgressiveEnhancement: true })}
				value={dispute.id}
			/>
			<input
				type="hidden"
				{...register('expectedVersion', { disableProgressiveEnhancement: true })}
				value={dispute.version}
			/>
			<FormError
				message={errors.root?.message ?? errors.disputeId?.message ?? errors.expectedVersion?.message}
			/>
			<SelectField
				label="Outcome"
				errors={errors.outcome?.message}
				selectProps={register('outcome')}
				options={[
					{ value: 'upheld', label: 'Uphold: the figure stands' },
					...(dispute.orderNumber
						? [{ value: 'corrected', label: `Correct: ${dispute.orderNumber} no longer counts` }]
						: []),
				]}
			/>
			<TextareaField
				label="Reason"
				hint="3 to 2,000 characters; the supplier reads it."
				errors={errors.resolution?.message}
				textareaProps={register('resolution')}
			/>
			<StatusButton>Resolve</StatusButton>
		</Form>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
