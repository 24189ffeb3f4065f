import { zodResolver } from '@hookform/resolvers/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { SelectField } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { listDisputes, raiseDispute } from '#app/models/scorecard/disputes.server.ts'
import { supplierScorecardPage } from '#app/models/scorecard/supplier-scorecard-page.server.ts'
import { scorecardEvidence } from '#app/models/scorecard/recompute.server.ts'
import {
	chosenMonth,
	formatScore,
	metricCells,
	recentMonths,
	DISPUTE_METRIC_OPTIONS,
	DISPUTE_METRICS,
	DISPUTE_STATUS_LABELS,
	RaiseDisputeSchema,
	type DisputeMetric,
	type RaiseDisputeInput,
} from '#app/schemas/scorecard-dispute.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireSupplierUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission, pickValues } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { TextareaField } from '../buyer+/__order-classes.form-controls.tsx'

export async function loader({ request }: LoaderFunctionArgs) {
	// The supplier is the session's, whatever the URL says.
	const { supplierId } = await requireSupplierUser(request)
	const now = new Date()
	const month = chosenMonth(new URL(request.url), now)
	const db = getDb()
	const [page, disputes] = await Promise.all([
		supplierScorecardPage(db, { supplierId, month, now }),
		listDisputes(db, { supplierId, limit: 50, offset: 0 }),
	])
	if (!page) throw new Response('Not found', { status: 404 })
	const orders = await Promise.all(
		page.rows.map(async (row) => {
			const found = await scorecardEvidence(db, { supplierId, orderClassId: row.orderClassId, month })
			const seen = new Map<string, string>()
			for (const list of Object.values(found?.evidence ?? {}))
				for (const item of Array.isArray(list) ? list : [...list.denominator])
					seen.set(item.orderId, item.orderNumber)
			return [row.orderClassId, [...seen].map(([value, label]) => ({ value, label }))] as const
		}),
	)
	return {
		month,
		months: recentMonths(now),
		page,
		disputes: disputes.rows,
		orders: Object.fromEntries(orders),
	}
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireSupplierUser(request)
	const submission = await parseSubmission(request, RaiseDisputeSchema)
	const defaultValues = pickValues(submission.values, ['orderClassId', 'metric', 'orderId', 'comment'])
	if (!submission.success) return data({ errors: submission.errors, defaultValues }, { status: 400 })
	const { orderClassId, month, metric, orderId, comment } = submission.data
	try {
		await raiseDispute(getDb(), {
			actor: user,
			supplierId: user.supplierId,
			orderClassId,
			month,
			metric,
			orderId,
			comment,
		})
	} catch (error) {
		if (!isAppError(error) || error.code === 'FORBIDDEN') throw error
		const errors = { [error.field ?? 'root']: { type: 'server', message: error.message } }
		return data(
			{ errors, defaultValues },
			{ status: error.code === 'NOT_FOUND' ? 400 : statusForAppError(error.code) },
		)
	}
	return redirectWithToast(`/supplier/scorecard?month=${month}`, {
		type: 'success',
		title: 'Dispute raised',
		description: 'The buying team was told by email; its answer shows below.',
	})
}

export const meta: MetaFunction = () => [{ title: 'Scorecard · Supplier · Procura' }]

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})

export default function SupplierScorecard() {
	const { month, months, page, disputes, orders } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	return (
		<div className="stack">
			<h1>Scorecard of {page.supplier.name}</h1>
			<Form method="get" className="toolbar">
				<div className="field">
					<label htmlFor="scorecard-month">Month (UTC)</label>
					<select id="scorecard-month" name="month" defaultValue={month}>
						{months.map((m) => (
							<option key={m} value={m}>
								{m}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="secondary">
					Show
				</button>
			</Form>
			<p className="muted">
				Published months are immutable; a correction after a dispute changes the live figures only.
			</p>
			{page.rows.length === 0 ? (
				<p className="empty">No scorecard for {month}: no order outcome counted yet.</p>
			) : null}
			{page.rows.map((row) => {
				const standing = page.standings.find((s) => s.orderClassId === row.orderClassId)
				const trend = page.trend.find((t) => t.orderClassId === row.orderClassId)
				const mine = actionData?.defaultValues?.orderClassId === row.orderClassId ? actionData : undefined
				return (
					<section
						key={row.orderClassId}
						className="card scorecard-row"
						aria-labelledby={`sc-${row.orderClassId}`}
					>
						<h2 id={`sc-${row.orderClassId}`}>{row.className}</h2>
						<p>
							Score <strong>{formatScore(row.score)}</strong> · {row.orderCount} orders ·{' '}
							{row.source === 'published' ? 'published' : 'live'} · standing this month{' '}
							{row.standing?.label ?? 'insufficient data'} · standing in force{' '}
							{standing?.standingLabel ?? 'none yet'}
						</p>
						<table>
							<thead>
								<tr>
									<th scope="col">Figure</th>
									<th scope="col">Value</th>
								</tr>
							</thead>
							<tbody>
								{metricCells(row.metrics).map((cell) => (
									<tr key={cell.metric}>
										<th scope="row">
											<Link
												to={`/supplier/scorecard/evidence?class=${row.orderClassId}&month=${month}&metric=${cell.metric}`}
											>
												{DISPUTE_METRICS[cell.metric].label}
											</Link>
										</th>
										<td>{cell.value}</td>
									</tr>
								))}
							</tbody>
						</table>
						{trend ? (
							<details>
								<summary>12-month trend</summary>
								<table>
									<thead>
										<tr>
											<th scope="col">Month</th>
											<th scope="col">Score</th>
											<th scope="col">Orders</th>
										</tr>
									</thead>
									<tbody>
										{trend.months.map((m) => (
											<tr key={m.month}>
												<td>{m.month}</td>
												<td>{formatScore(m.score)}</td>
												<td>{m.orderCount}</td>
											</tr>
										))}
									</tbody>
								</table>
							</details>
						) : null}
						<DisputeForm
							orderClassId={row.orderClassId}
							className={row.className}
							month={month}
							orders={orders[row.orderClassId] ?? []}
							sent={mine}
						/>
					</section>
				)
			})}
			<section aria-labelledby="disputes-heading">
				<h2 id="disputes-heading">Your disputes</h2>
				{disputes.length === 0 ? (
					<p className="empty">No disputes yet.</p>
				) : (
					<table>
						<thead>
							<tr>
								<th scope="col">Raised (UTC)</th>
								<th scope="col">Scorecard</th>
								<th scope="col">Figure</th>
								<th scope="col">Order</th>
								<th scope="col">Status</th>
								<th scope="col">Outcome</th>
							</tr>
						</thead>
						<tbody>
							{disputes.map((d) => (
								<tr key={d.id}>
									<td>{dateFormat.format(new Date(d.raisedAt))}</td>
									<td>
										{d.className} · {d.month}
									</td>
									<td>{DISPUTE_METRICS[d.metric as DisputeMetric]?.label ?? d.metric}</td>
									<td>{d.orderNumber ?? '—'}</td>
									<td>{DISPUTE_STATUS_LABELS[d.status]}</td>
									<td className="prewrap">{d.resolution ?? '—'}</td>
								</tr>
							))}
						</tbody>
					</table>
				)}
			</section>
		</div>
	)
}

function DisputeForm({
	orderClassId,
	className,
	month,
	orders,
	sent,
}: {
	orderClassId: string
	className: string
	month: string
	orders: { value: string; label: string }[]
	sent?: { errors: Record<string, { message?: string } | undefined>; defaultValues: Record<string, string> }
}) {
	const { handleSubmit, register, formState } = useRemixForm<RaiseDisputeInput>({
		resolver: zodResolver(RaiseDisputeSchema, undefined, { raw: true }),
		stringifyAllValues: false,
		errors: sent?.errors as never,
		defaultValues: {
			intent: 'dispute',
			orderClassId,
			month,
			metric: 'onTimeRate',
			orderId: '',
			comment: '',
			...sent?.defaultValues,
		} as never,
	})
	const errors = formState.errors as Record<string, { message?: string } | undefined>
	return (
		<details open={Boolean(sent)}>
			<summary>Dispute a figure of {className}</summary>
			<Form
				method="post"
				className="form"
				onSubmit={handleSubmit}
				noValidate
				aria-label={`Dispute ${className}`}
			>
				{/* Fixed by the page: `value` only, no defaultValue from remix-hook-form (React refuses both). */}
				<input
					type="hidden"
					{...register('intent', { disableProgressiveEnhancement: true })}
					value="dispute"
				/>
				<input
					type="hidden"
					{...register('orderClassId', { disableProgressiveEnhancement: true })}
					value={orderClassId}
				/>
				<input type="hidden" {...register('month', { disableProgressiveEnhancement: true })} value={month} />
				<FormError message={errors.root?.message ?? errors.orderClassId?.message ?? errors.month?.message} />
				<SelectField
					label="Figure"
					errors={errors.metric?.message}
					selectProps={register('metric')}
					options={DISPUTE_METRIC_OPTIONS}
				/>
				<SelectField
					label="Order (optional)"
					errors={errors.orderId?.message}
					selectProps={register('orderId')}
					options={orders}
					placeholder="The figure as a whole"
				/>
				<TextareaField
					label="Comment"
					hint="3 to 2,000 characters."
					errors={errors.comment?.message}
					textareaProps={register('comment')}
				/>
				<StatusButton>Dispute</StatusButton>
			</Form>
		</details>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
