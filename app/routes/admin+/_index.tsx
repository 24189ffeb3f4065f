import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { StatList } from '#app/components/portal-shell.tsx'
import { getAdminDashboard } from '#app/models/dashboard.server.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'admin')
	return getAdminDashboard(getDb(), { now: new Date() })
}

export const meta: MetaFunction = () => [{ title: 'Admin dashboard · Procura' }]

export default function AdminDashboard() {
	const d = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<h1>Admin dashboard</h1>
			<section aria-labelledby="people">
				<h2 id="people">People</h2>
				<StatList
					stats={[
						{ label: 'Users', value: d.userCount },
						{ label: 'Buyers', value: d.usersByRole.buyer ?? 0 },
						{ label: 'Supplier users', value: d.usersByRole.supplier ?? 0 },
						{ label: 'Auditors', value: d.usersByRole.auditor ?? 0 },
						{ label: 'Disabled users', value: d.disabledUserCount },
						{ label: 'Pending invitations', value: d.pendingInvitationCount },
					]}
				/>
				<p>
					<Link to="/admin/users/new">Invite a user</Link> · <Link to="/admin/users">Manage users</Link>
				</p>
			</section>
			<section aria-labelledby="mail">
				<h2 id="mail">Email delivery</h2>
				<StatList
					stats={[
						{ label: 'Waiting to send', value: d.outboxByStatus.pending ?? 0 },
						{ label: 'Delivered', value: d.outboxByStatus.sent ?? 0 },
						{ label: 'Failed after retries', value: d.outboxByStatus.failed ?? 0 },
					]}
				/>
				<p>
					<Link to="/admin/mailbox">Open the mailbox</Link>
				</p>
			</section>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
