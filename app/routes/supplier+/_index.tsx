import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { invariantResponse } from '@epic-web/invariant'
import { WaitingProposalsPanel } from '#app/components/contracts/waiting-proposals.tsx'
import { OffersWaitingPanel } from '#app/components/orders/offers-waiting.tsx'
import { StatList } from '#app/components/portal-shell.tsx'
import { countSupplierCapabilities } from '#app/models/capability/capability-rules.server.ts'
import { listProposalsWaitingForSupplier } from '#app/models/contract/dashboard-figures.server.ts'
import { getSupplierDashboard } from '#app/models/dashboard.server.ts'
import { countSupplierInbox } from '#app/models/order/supplier-orders.server.ts'
import { requireSupplierUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireSupplierUser(request)
	const [dashboard, capabilities, waitingProposals, offersWaiting] = await Promise.all([
		getSupplierDashboard(getDb(), { supplierId: user.supplierId }),
		countSupplierCapabilities(getDb(), { supplierId: user.supplierId }),
		listProposalsWaitingForSupplier(getDb(), { supplierId: user.supplierId }),
		countSupplierInbox(getDb(), { supplierId: user.supplierId }),
	])
	invariantResponse(dashboard, 'Not found', { status: 404 })
	return { ...dashboard, capabilities, waitingProposals, offersWaiting }
}

export const meta: MetaFunction = () => [{ title: 'Supplier dashboard · Procura' }]

const STATUS_LABELS = {
	invited: 'Invited',
	active: 'Active',
	on_hold: 'On hold',
	blocked: 'Blocked',
} as const

export default function SupplierDashboard() {
	const { supplier, members, capabilities, waitingProposals, offersWaiting } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<h1>{supplier.name}</h1>
			<StatList
				stats={[
					{ label: 'Status', value: STATUS_LABELS[supplier.status] },
					{
						label: 'Regions served',
						value: supplier.regions.length,
						hint: supplier.regions.join(', ') || 'None yet',
					},
					{ label: 'Available 24x7', value: supplier.available24x7 ? 'Yes' : 'No' },
					{
						label: 'Capabilities',
						value: capabilities.total,
						hint: capabilities.paused > 0 ? `${capabilities.paused} paused` : undefined,
					},
					{ label: 'Users', value: members.length },
				]}
			/>
			<OffersWaitingPanel count={offersWaiting} />
			<WaitingProposalsPanel proposals={waitingProposals} />
			<section aria-labelledby="team">
				<h2 id="team">Your team</h2>
				<div className="table-wrap">
					<table>
						<thead>
							<tr>
								<th scope="col">Name</th>
								<th scope="col">Email</th>
								<th scope="col">Access</th>
							</tr>
						</thead>
						<tbody>
							{members.map((m) => (
								<tr key={m.id}>
									<td>
										<Link to={`team/${m.id}`}>{m.name}</Link>
									</td>
									<td>{m.email}</td>
									<td>
										{m.disabledAt ? (
											<span className="badge bad">Disabled</span>
										) : (
											<span className="badge ok">Active</span>
										)}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>
			<p className="muted">
				Time zone: {supplier.timeZone} · <Link to="profile">Edit the profile</Link> ·{' '}
				<Link to="capabilities">Declare capabilities</Link>
			</p>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
