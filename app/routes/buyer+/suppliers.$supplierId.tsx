import { invariantResponse } from '@epic-web/invariant'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import {
	allowedStatusTransitions,
	SUPPLIER_STATUS_LABELS,
	SUPPLIER_STATUS_TONES,
	type SupplierStatus,
} from '#app/domain/suppliers/supplier-status.ts'
import { monthKeyOf } from '#app/domain/scorecards/periods.ts'
import { listMonthScorecards } from '#app/models/scorecard/read-scorecards.server.ts'
import { changeSupplierStatus } from '#app/models/supplier/change-status.server.ts'
import { getSupplierDetail, type SupplierPersonState } from '#app/models/supplier/supplier-detail.server.ts'
import { ChangeSupplierStatusSchema } from '#app/schemas/supplier.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission, pickValues } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { StatusChangeForm } from './__supplier-status-form.tsx'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const detail = await getSupplierDetail(getDb(), { supplierId: params.supplierId ?? '' })
	invariantResponse(detail, 'Not found', { status: 404 })
	const now = new Date()
	const scorecards = await listMonthScorecards(getDb(), {
		month: monthKeyOf(now),
		now,
		supplierId: detail.supplier.id,
	})
	return { ...detail, allowedTransitions: allowedStatusTransitions(detail.supplier.status), scorecards }
}

export async function action({ request, params }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const supplierId = params.supplierId ?? ''
	const submission = await parseSubmission(request, ChangeSupplierStatusSchema)
	const defaultValues = pickValues(submission.values, ['toStatus', 'reason'])
	if (!submission.success) return data({ errors: submission.errors, defaultValues }, { status: 400 })
	try {
		const changed = await changeSupplierStatus(getDb(), { actor, supplierId, ...submission.data })
		return redirectWithToast(`/buyer/suppliers/${changed.id}`, {
			type: 'success',
			title: `${changed.name} is now ${SUPPLIER_STATUS_LABELS[changed.toStatus].toLowerCase()}`,
			description:
				changed.notified === 1
					? 'Its user was told by email.'
					: `Its ${changed.notified} users were told by email.`,
		})
	} catch (error) {
		if (isAppError(error, 'NOT_FOUND')) throw new Response('Not found', { status: 404 })
		if (!isAppError(error) || error.code === 'FORBIDDEN') throw error
		const errors = { [error.field ?? 'root']: { type: 'server', message: error.message } }
		return data({ errors, defaultValues }, { status: statusForAppError(error.code) })
	}
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.supplier.name ?? 'Supplier'} · Suppliers · Procura` },
]

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})
const numberFormat = new Intl.NumberFormat('en-GB')

const PERSON_STATES: Record<SupplierPersonState, { label: string; tone: string }> = {
	active: { label: 'Active', tone: 'ok' },
	disabled: { label: 'Disabled', tone: 'bad' },
	invited: { label: 'Invited', tone: 'neutral' },
	invitation_expired: { label: 'Invitation expired', tone: 'warn' },
}

function StatusBadge({ status }: { status: SupplierStatus }) {
	return <span className={`badge ${SUPPLIER_STATUS_TONES[status]}`}>{SUPPLIER_STATUS_LABELS[status]}</span>
}

function yesNo(value: boolean) {
	return value ? 'Yes' : 'No'
}

export default function SupplierPage() {
	const { supplier, people, capabilities, history, allowedTransitions, scorecards } =
		useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<p>
				<Link to="/buyer/suppliers">← Suppliers</Link>
			</p>
			<h1>
				{supplier.name} <StatusBadge status={supplier.status} />
			</h1>

			<section aria-labelledby="profile-heading" className="card">
				<h2 id="profile-heading">Profile</h2>
				<dl className="details">
					<dt>Contact email</dt>
					<dd>
						{supplier.contactEmail ? (
							<a href={`mailto:${supplier.contactEmail}`}>{supplier.contactEmail}</a>
						) : (
							'—'
						)}
					</dd>
					<dt>Contact phone</dt>
					<dd>{supplier.contactPhone ?? '—'}</dd>
					<dt>Regions</dt>
					<dd>{supplier.regions.length > 0 ? supplier.regions.join(', ') : 'None yet'}</dd>
					<dt>Time zone</dt>
					<dd>{supplier.timeZone}</dd>
					<dt>Available 24x7</dt>
					<dd>{yesNo(supplier.available24x7)}</dd>
				</dl>
			</section>

			<section aria-labelledby="users-heading">
				<h2 id="users-heading">Users</h2>
				{people.length === 0 ? (
					<p className="empty">This supplier has no users and no open invitations.</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">Name</th>
									<th scope="col">Email</th>
									<th scope="col">State</th>
								</tr>
							</thead>
							<tbody>
								{people.map((person) => (
									<tr key={person.id}>
										<td>{person.name}</td>
										<td>{person.email}</td>
										<td>
											<span className={`badge ${PERSON_STATES[person.state].tone}`}>
												{PERSON_STATES[person.state].label}
											</span>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>

			<section aria-labelledby="capabilities-heading">
				<h2 id="capabilities-heading">Capabilities</h2>
				{capabilities.length === 0 ? (
					<p className="empty">This supplier has not declared any capabilities yet.</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">Category</th>
									<th scope="col">Order class</th>
									<th scope="col">Weekly capacity</th>
									<th scope="col">Lead time</th>
									<th scope="col">Regions</th>
									<th scope="col">24x7</th>
									<th scope="col">Paused</th>
								</tr>
							</thead>
							<tbody>
								{capabilities.map((c) => (
									<tr key={c.id}>
										<td>{c.categoryName}</td>
										<td>{c.orderClassName}</td>
										<td>
											{numberFormat.format(c.weeklyCapacity)} {c.capacityUnit}
										</td>
										<td>{numberFormat.format(c.leadTimeHours)} h</td>
										<td>{c.regions.join(', ') || '—'}</td>
										<td>{yesNo(c.available24x7)}</td>
										<td>{c.pausedAt ? `Since ${dateFormat.format(new Date(c.pausedAt))} UTC` : 'No'}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>

			<SupplierScorecards rows={scorecards} />

			<section aria-labelledby="status-heading">
				<h2 id="status-heading">Status</h2>
				<StatusChangeForm
					supplierName={supplier.name}
					currentStatus={supplier.status}
					allowed={allowedTransitions}
				/>
				<h3 id="history-heading">Status history</h3>
				{history.length === 0 ? (
					<p className="muted">The status has not been changed since the supplier was added.</p>
				) : (
					<div className="table-wrap">
						<table aria-labelledby="history-heading">
							<thead>
								<tr>
									<th scope="col">When (UTC)</th>
									<th scope="col">Change</th>
									<th scope="col">By</th>
									<th scope="col">Reason</th>
								</tr>
							</thead>
							<tbody>
								{history.map((h) => (
									<tr key={h.id}>
										<td>{dateFormat.format(new Date(h.changedAt))}</td>
										<td>
											{SUPPLIER_STATUS_LABELS[h.fromStatus]} → {SUPPLIER_STATUS_LABELS[h.toStatus]}
										</td>
										<td>{h.changedByName ?? '—'}</td>
										<td className="prewrap">{h.reason}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
		</div>
	)
}

// Numbers only: the evidence pages are the supplier's and the auditor's, not the buyer's.
function SupplierScorecards({
	rows,
}: {
	rows: {
		orderClassId: string
		className: string
		month: string
		score: number | null
		orderCount: number
		source: string
		standing: { label: string } | null
	}[]
}) {
	return (
		<section aria-labelledby="scorecards-heading">
			<h2 id="scorecards-heading">Scorecards</h2>
			{rows.length === 0 ? (
				<p className="empty">No scorecard this month yet.</p>
			) : (
				<div className="table-wrap">
					<table aria-labelledby="scorecards-heading">
						<thead>
							<tr>
								<th scope="col">Order class</th>
								<th scope="col">Month</th>
								<th scope="col">Score</th>
								<th scope="col">Orders</th>
								<th scope="col">Standing</th>
							</tr>
						</thead>
						<tbody>
							{rows.map((r) => (
								<tr key={r.orderClassId}>
									<td>{r.className}</td>
									<td>
										{r.month} ({r.source})
									</td>
									<td>{r.score === null ? '—' : r.score.toFixed(1)}</td>
									<td>{r.orderCount}</td>
									<td>{r.standing?.label ?? 'Insufficient data'}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
