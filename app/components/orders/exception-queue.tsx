import { Form, Link } from '@remix-run/react'
import { ErrorList } from '#app/components/forms/error-list.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { type ActionFailure } from '#app/schemas/order-actions.ts'

export type ExceptionRow = {
	id: string
	orderId: string
	orderNumber: string
	kind: string
	kindLabel: string
	detail: string
	ageSeconds: number
	ownerUserId: string | null
	ownerName: string | null
}

/** An age for people: "45 min", "5 h", "3 d". */
export function formatAge(seconds: number) {
	if (seconds < 3600) return `${Math.max(1, Math.floor(seconds / 60))} min`
	if (seconds < 2 * 86_400) return `${Math.floor(seconds / 3600)} h`
	return `${Math.floor(seconds / 86_400)} d`
}

type Buyer = { id: string; name: string }

function RowActions({
	row,
	buyers,
	failure,
}: {
	row: ExceptionRow
	buyers: readonly Buyer[]
	failure?: ActionFailure | null
}) {
	const own = failure?.targetId === row.id ? failure : null
	const ids = { owner: `owner-${row.id}`, resolution: `resolution-${row.id}` }
	const resolutionError = own?.intent === 'resolve' ? own.errors.resolution : undefined
	const ownerError = own?.intent === 'assign' ? own.errors.ownerUserId : undefined
	return (
		<div className="exception-actions">
			<Form method="post" className="inline-form" action="/buyer/exceptions">
				<input type="hidden" name="exceptionId" value={row.id} />
				<div className="field">
					<label htmlFor={ids.owner}>Owner of {row.orderNumber}</label>
					<select
						id={ids.owner}
						name="ownerUserId"
						defaultValue={row.ownerUserId ?? ''}
						aria-invalid={ownerError ? true : undefined}
						aria-describedby={ownerError ? `${ids.owner}-error` : undefined}
					>
						<option value="">Choose a buyer</option>
						{buyers.map((b) => (
							<option key={b.id} value={b.id}>
								{b.name}
							</option>
						))}
					</select>
					<ErrorList id={`${ids.owner}-error`} errors={ownerError} className="field-error" />
				</div>
				<StatusButton name="intent" value="assign" className="secondary">
					Assign
				</StatusButton>
			</Form>
			<Form method="post" className="inline-form" action="/buyer/exceptions">
				<input type="hidden" name="exceptionId" value={row.id} />
				<div className="field">
					<label htmlFor={ids.resolution}>Resolution for {row.orderNumber}</label>
					<input
						id={ids.resolution}
						name="resolution"
						required
						minLength={3}
						maxLength={1000}
						defaultValue={own?.intent === 'resolve' ? (own.values.resolution ?? '') : ''}
						aria-invalid={resolutionError ? true : undefined}
						aria-describedby={resolutionError ? `${ids.resolution}-error` : undefined}
					/>
					<ErrorList id={`${ids.resolution}-error`} errors={resolutionError} className="field-error" />
				</div>
				<StatusButton name="intent" value="resolve">
					Resolve
				</StatusButton>
			</Form>
			{own?.message ? (
				<p className="form-error" role="alert">
					{own.message}
				</p>
			) : null}
		</div>
	)
}

/**
 * Open exceptions, oldest first: age, order, kind, owner. With `buyers`, each row can be given an owner
 * and resolved; without, it is the dashboard's read-only panel.
 */
export function ExceptionQueue({
	rows,
	buyers,
	failure,
}: {
	rows: readonly ExceptionRow[]
	buyers?: readonly Buyer[]
	failure?: ActionFailure | null
}) {
	if (rows.length === 0) return <p className="empty">No open exceptions. Nothing needs a person right now.</p>
	return (
		<div className="table-wrap">
			<table className="rows-named exception-queue">
				<thead>
					<tr>
						<th scope="col">Age</th>
						<th scope="col">Order</th>
						<th scope="col">Kind</th>
						<th scope="col">What happened</th>
						<th scope="col">Owner</th>
						{buyers ? <th scope="col">Actions</th> : null}
					</tr>
				</thead>
				<tbody>
					{rows.map((row) => (
						<tr key={row.id}>
							<td className="nowrap">{formatAge(row.ageSeconds)}</td>
							<th scope="row" className="nowrap">
								<Link to={`/buyer/orders/${row.orderId}`}>{row.orderNumber}</Link>
							</th>
							<td>{row.kindLabel}</td>
							<td>{row.detail}</td>
							<td>{row.ownerName ?? <span className="muted">Nobody yet</span>}</td>
							{buyers ? (
								<td>
									<RowActions row={row} buyers={buyers} failure={failure} />
								</td>
							) : null}
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}
