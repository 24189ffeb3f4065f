import { invariantResponse } from '@epic-web/invariant'
import { type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { getSupplierTeamMember } from '#app/models/supplier-team.server.ts'
import { requireSupplierUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	const user = await requireSupplierUser(request)
	const member = await getSupplierTeamMember(getDb(), {
		supplierId: user.supplierId,
		userId: params.userId ?? '',
	})
	invariantResponse(member, 'Not found', { status: 404 })
	return { member, isYou: member.id === user.id }
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
	{ title: `${data?.member.name ?? 'Team member'} · Procura` },
]

export default function TeamMember() {
	const { member, isYou } = useLoaderData<typeof loader>()
	return (
		<div className="stack">
			<p>
				<Link to="/supplier">← Dashboard</Link>
			</p>
			<h1>
				{member.name}
				{isYou ? ' (you)' : ''}
			</h1>
			<dl>
				<dt>Email</dt>
				<dd>
					<a href={`mailto:${member.email}`}>{member.email}</a>
				</dd>
				<dt>Access</dt>
				<dd>{member.disabledAt ? 'Disabled by the buying organisation’s administrator' : 'Active'}</dd>
				<dt>Member since</dt>
				<dd>{new Date(member.createdAt).toISOString().slice(0, 10)}</dd>
			</dl>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
