import { ListPageHeader } from '#app/components/ui/list-page.tsx'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { formatHours, formatMinutes } from '#app/domain/order-classes/format.ts'
import {
	describeApprovalThreshold,
	describeMinQuantity,
	describeRouting,
} from '#app/domain/order-classes/policy-diff.ts'
import {
	listOrderClassesWithPolicy,
	type OrderClassWithPolicy,
} from '#app/models/order-class/current-policies.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	const classes = await listOrderClassesWithPolicy(getDb(), { includeRetired: true })
	return {
		active: classes.filter((c) => !c.retiredAt),
		retired: classes.filter((c) => c.retiredAt),
	}
}

export const meta: MetaFunction = () => [{ title: 'Order classes · Buyer · Procura' }]

type Row = Omit<OrderClassWithPolicy, 'retiredAt' | 'policy'> & {
	retiredAt: Date | string | null
	policy: Omit<OrderClassWithPolicy['policy'], 'createdAt'>
}

function Flags({ policy }: { policy: Row['policy'] }) {
	const flags = [
		policy.justificationRequired ? 'Justification' : null,
		policy.contractRequired ? 'Contract' : 'No contract needed',
		policy.requires24x7 ? '24x7 only' : null,
	].filter((f): f is string => f !== null)
	return (
		<ul className="flag-list">
			{flags.map((flag) => (
				<li key={flag} className="badge">
					{flag}
				</li>
			))}
		</ul>
	)
}

function ClassTable({ rows, labelledBy }: { rows: Row[]; labelledBy: string }) {
	return (
		<div className="table-wrap">
			<table aria-labelledby={labelledBy}>
				<thead>
					<tr>
						<th scope="col">Rank</th>
						<th scope="col">Class</th>
						<th scope="col">Acknowledge within</th>
						<th scope="col">Deliver within</th>
						<th scope="col">Min. quantity</th>
						<th scope="col">Approval above</th>
						<th scope="col">Requires</th>
						<th scope="col">Routing</th>
						<th scope="col">Weights (price / speed / reliability / capacity)</th>
					</tr>
				</thead>
				<tbody>
					{rows.map((c) => (
						<tr key={c.id}>
							<td>{c.priorityRank}</td>
							<td>
								<Link to={`/buyer/order-classes/${c.id}`}>{c.name}</Link>
								<div className="hint">
									<code>{c.key}</code> · v{c.policy.version}
								</div>
							</td>
							<td className="nowrap">{formatMinutes(c.policy.ackDeadlineMinutes)}</td>
							<td className="nowrap">{formatHours(c.policy.deliveryTargetHours)}</td>
							<td>{describeMinQuantity(c.policy.minQuantity)}</td>
							<td className="nowrap">{describeApprovalThreshold(c.policy)}</td>
							<td>
								<Flags policy={c.policy} />
							</td>
							<td className="nowrap">{describeRouting(c.policy)}</td>
							<td>
								{c.policy.weightPrice} / {c.policy.weightSpeed} / {c.policy.weightReliability} /{' '}
								{c.policy.weightCapacity}
							</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

export default function OrderClassesPage() {
	const { active, retired } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<ListPageHeader
				title="Order classes"
				action={{ to: '/buyer/order-classes/new', label: 'New order class' }}
			/>
			<p className="muted">
				How each kind of order is bought: how fast suppliers must answer and deliver, who must approve, and
				how suppliers are ranked. Most urgent first.
			</p>
			<section aria-labelledby="active-classes">
				<h2 id="active-classes">In use</h2>
				{active.length === 0 ? (
					<p className="empty">No order classes are in use. Create one, or reinstate a retired class.</p>
				) : (
					<ClassTable rows={active} labelledBy="active-classes" />
				)}
			</section>
			<section aria-labelledby="retired-classes">
				<h2 id="retired-classes">Retired</h2>
				{retired.length === 0 ? (
					<p className="muted">No retired classes.</p>
				) : (
					<ClassTable rows={retired} labelledBy="retired-classes" />
				)}
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
