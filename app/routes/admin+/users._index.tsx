import { ListPageHeader } from '#app/components/ui/list-page.tsx'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useLocation } from '@remix-run/react'
import { type FormEvent } from 'react'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { ROLE_LABELS, ROLES } from '#app/domain/permissions.ts'
import { revokeInvitation } from '#app/models/user/invite-user.server.ts'
import { listPendingInvitations, listUsers } from '#app/models/user/list-users.server.ts'
import { setUserDisabled } from '#app/models/user/set-user-disabled.server.ts'
import { UserAdminActionSchema, UserListQuerySchema, type UserAdminAction } from '#app/schemas/auth.ts'
import { isAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole, type SessionUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

const PAGE_SIZE = 25

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'admin')
	const query = UserListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
	const [page, invitations] = await Promise.all([
		listUsers(getDb(), {
			search: query.q,
			role: query.role,
			limit: PAGE_SIZE,
			offset: (query.page - 1) * PAGE_SIZE,
		}),
		listPendingInvitations(getDb()),
	])
	return { ...page, invitations, query, pageSize: PAGE_SIZE }
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'admin')
	const submission = await parseSubmission(request, UserAdminActionSchema)
	if (!submission.success) return data({ errors: submission.errors }, { status: 400 })
	const backTo = usersPageUrl(request)
	try {
		const done = await applyUserAdminAction(actor, submission.data)
		return redirectWithToast(backTo, { type: 'success', description: done })
	} catch (error) {
		if (!isAppError(error)) throw error
		return redirectWithToast(backTo, { type: 'error', title: 'Nothing changed', description: error.message })
	}
}

async function applyUserAdminAction(actor: SessionUser, intent: UserAdminAction): Promise<string> {
	const db = getDb()
	switch (intent.intent) {
		case 'disable':
		case 'enable': {
			const disabled = intent.intent === 'disable'
			const user = await setUserDisabled(db, { actor, userId: intent.userId, disabled })
			return disabled ? `${user.email} is disabled and signed out.` : `${user.email} can sign in again.`
		}
		case 'revoke-invitation':
			await revokeInvitation(db, { actor, invitationId: intent.invitationId })
			return 'The invitation is revoked; its link no longer works.'
	}
}

// Back to the list the button was pressed on, keeping its search and page.
function usersPageUrl(request: Request) {
	const params = new URL(request.url).searchParams
	params.delete('index')
	const search = params.toString()
	return search ? `/admin/users?${search}` : '/admin/users'
}

export const meta: MetaFunction = () => [{ title: 'Users · Admin · Procura' }]

const dateFormat = new Intl.DateTimeFormat('en-GB', {
	dateStyle: 'medium',
	timeStyle: 'short',
	timeZone: 'UTC',
})

function confirmSubmit(message: string) {
	return (event: FormEvent<HTMLFormElement>) => {
		if (!window.confirm(message)) event.preventDefault()
	}
}

export default function UsersPage() {
	const { users, total, invitations, query, pageSize } = useLoaderData<typeof loader>()
	const location = useLocation()
	const pageCount = Math.max(1, Math.ceil(total / pageSize))
	const pageLink = (page: number) => {
		const params = new URLSearchParams(location.search)
		params.set('page', String(page))
		return `?${params}`
	}

	return (
		<div className="stack">
			<ListPageHeader title="Users" action={{ to: '/admin/users/new', label: 'Invite a user' }} />

			<Form method="get" className="toolbar" role="search" aria-label="Filter users">
				<div className="field">
					<label htmlFor="user-search">Name or email</label>
					<input id="user-search" name="q" type="search" defaultValue={query.q ?? ''} />
				</div>
				<div className="field">
					<label htmlFor="user-role">Role</label>
					<select id="user-role" name="role" defaultValue={query.role ?? ''}>
						<option value="">All roles</option>
						{ROLES.map((role) => (
							<option key={role} value={role}>
								{ROLE_LABELS[role]}
							</option>
						))}
					</select>
				</div>
				<button type="submit" className="secondary">
					Filter
				</button>
			</Form>

			<section aria-labelledby="users-heading">
				<h2 id="users-heading">
					{total} {total === 1 ? 'user' : 'users'}
				</h2>
				{users.length === 0 ? (
					<p className="empty">No users match these filters.</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">Name</th>
									<th scope="col">Email</th>
									<th scope="col">Role</th>
									<th scope="col">Status</th>
									<th scope="col">
										<span className="muted">Actions</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{users.map((user) => (
									<tr key={user.id}>
										<td>{user.name}</td>
										<td>{user.email}</td>
										<td>
											{ROLE_LABELS[user.role]}
											{user.supplierName ? <div className="hint">{user.supplierName}</div> : null}
										</td>
										<td>
											{user.disabledAt ? (
												<span className="badge bad">
													Disabled {dateFormat.format(new Date(user.disabledAt))} UTC
												</span>
											) : (
												<span className="badge ok">Active</span>
											)}
										</td>
										<td>
											{user.disabledAt ? (
												<Form method="post">
													<input type="hidden" name="userId" value={user.id} />
													<StatusButton
														name="intent"
														value="enable"
														className="secondary"
														aria-label={`Enable ${user.name}`}
													>
														Enable
													</StatusButton>
												</Form>
											) : (
												<Form
													method="post"
													onSubmit={confirmSubmit(`Disable ${user.name}? They are signed out at once.`)}
												>
													<input type="hidden" name="userId" value={user.id} />
													<StatusButton
														name="intent"
														value="disable"
														className="danger"
														aria-label={`Disable ${user.name}`}
													>
														Disable
													</StatusButton>
												</Form>
											)}
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				{pageCount > 1 ? (
					<nav className="pager" aria-label="Pages of users">
						{query.page > 1 ? <Link to={pageLink(query.page - 1)}>Previous</Link> : null}
						<span>
							Page {query.page} of {pageCount}
						</span>
						{query.page < pageCount ? <Link to={pageLink(query.page + 1)}>Next</Link> : null}
					</nav>
				) : null}
			</section>

			<section aria-labelledby="invitations-heading">
				<h2 id="invitations-heading">Pending invitations</h2>
				{invitations.length === 0 ? (
					<p className="muted">No invitations are waiting to be accepted.</p>
				) : (
					<div className="table-wrap">
						<table>
							<thead>
								<tr>
									<th scope="col">Name</th>
									<th scope="col">Email</th>
									<th scope="col">Role</th>
									<th scope="col">Invited by</th>
									<th scope="col">Expires (UTC)</th>
									<th scope="col">
										<span className="muted">Actions</span>
									</th>
								</tr>
							</thead>
							<tbody>
								{invitations.map((invitation) => (
									<tr key={invitation.id}>
										<td>{invitation.name}</td>
										<td>{invitation.email}</td>
										<td>
											{ROLE_LABELS[invitation.role]}
											{invitation.supplierName ? <div className="hint">{invitation.supplierName}</div> : null}
										</td>
										<td>{invitation.invitedByName ?? '—'}</td>
										<td>{dateFormat.format(new Date(invitation.expiresAt))}</td>
										<td>
											<Form
												method="post"
												onSubmit={confirmSubmit(`Revoke the invitation for ${invitation.email}?`)}
											>
												<input type="hidden" name="invitationId" value={invitation.id} />
												<StatusButton
													name="intent"
													value="revoke-invitation"
													className="secondary"
													aria-label={`Revoke the invitation for ${invitation.email}`}
												>
													Revoke
												</StatusButton>
											</Form>
										</td>
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

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
