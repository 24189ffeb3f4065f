// The class page's read-only parts: the current policy at a glance and every version with what it changed.
import { formatHours, formatMinutes } from '#app/domain/order-classes/format.ts'
import {
	describeApprovalThreshold,
	describeChange,
	describeMinQuantity,
	describeRouting,
	type PolicyChange,
} from '#app/domain/order-classes/policy-diff.ts'
import { type PolicyValues } from '#app/domain/order-classes/policy-rules.ts'

const utc = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

export function formatUtc(date: Date | string) {
	return `${utc.format(new Date(date))} UTC`
}

const yesNo = (value: boolean) => (value ? 'Yes' : 'No')

export function PolicySummary({ values }: { values: PolicyValues }) {
	const rows: Array<[string, string]> = [
		['Acknowledgement deadline', formatMinutes(values.ackDeadlineMinutes)],
		['Delivery target', formatHours(values.deliveryTargetHours)],
		['Routing', describeRouting(values)],
		['Minimum quantity', describeMinQuantity(values.minQuantity)],
		['Approval threshold', describeApprovalThreshold(values)],
		['Justification required', yesNo(values.justificationRequired)],
		['Standing contract required', yesNo(values.contractRequired)],
		['24x7 suppliers only', yesNo(values.requires24x7)],
		[
			'Weights (price / speed / reliability / capacity)',
			`${values.weightPrice} / ${values.weightSpeed} / ${values.weightReliability} / ${values.weightCapacity}`,
		],
	]
	return (
		<dl className="policy-summary">
			{rows.map(([label, value]) => (
				<div key={label}>
					<dt>{label}</dt>
					<dd>{value}</dd>
				</div>
			))}
		</dl>
	)
}

type HistoryEntry = {
	id: string
	version: number
	changeNote: string
	createdAt: Date | string
	changedByName: string | null
	changes: PolicyChange[]
}

/** Every version, newest first: who saved it, when (UTC), what it changed and why. */
export function PolicyHistory({ history }: { history: HistoryEntry[] }) {
	return (
		<ol className="policy-history">
			{history.map((entry) => (
				<li key={entry.id} className="card">
					<h3>Version {entry.version}</h3>
					<p className="muted">
						{formatUtc(entry.createdAt)} · {entry.changedByName ?? 'Procura (initial setup)'}
					</p>
					{entry.changes.length > 0 ? (
						<ul aria-label={`Changes in version ${entry.version}`}>
							{entry.changes.map((change) => (
								<li key={change.field}>{describeChange(change)}</li>
							))}
						</ul>
					) : (
						<p>First version of the policy.</p>
					)}
					{entry.changeNote ? <p className="change-note">Note: {entry.changeNote}</p> : null}
				</li>
			))}
		</ol>
	)
}
