import { zodResolver } from '@hookform/resolvers/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { useEffect, useState } from 'react'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { Field, SelectField } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { ROLE_LABELS, ROLES } from '#app/domain/permissions.ts'
import { listSupplierOptions } from '#app/models/supplier-options.server.ts'
import { inviteUser } from '#app/models/user/invite-user.server.ts'
import { InviteUserSchema, type InviteUser } from '#app/schemas/auth.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission, pickValues } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'admin')
	return { suppliers: await listSupplierOptions(getDb()) }
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'admin')
	const submission = await parseSubmission(request, InviteUserSchema)
	const defaultValues = pickValues(submission.values, ['email', 'name', 'role', 'supplierId'])
	if (!submission.success) return data({ errors: submission.errors, defaultValues }, { status: 400 })
	const { email, name, role, supplierId } = submission.data
	const appUrl = process.env.APP_URL ?? new URL(request.url).origin
	try {
		const invitation = await inviteUser(getDb(), { actor, email, name, role, supplierId, appUrl })
		return redirectWithToast('/admin/users', {
			type: 'success',
			title: 'Invitation sent',
			description: `${invitation.email} has 72 hours to accept it.`,
		})
	} catch (error) {
		if (!isAppError(error) || error.code === 'FORBIDDEN') throw error
		const errors = { [error.field ?? 'root']: { type: 'server', message: error.message } }
		return data({ errors, defaultValues }, { status: statusForAppError(error.code) })
	}
}

export const meta: MetaFunction = () => [{ title: 'Invite a user · Admin · Procura' }]

export default function InviteUserPage() {
	const { suppliers } = useLoaderData<typeof loader>()
	const { handleSubmit, register, formState, watch } = useRemixForm<InviteUser>({
		resolver: zodResolver(InviteUserSchema),
		defaultValues: { email: '', name: '', supplierId: '' },
		stringifyAllValues: false,
	})
	const { errors } = formState
	// Without JavaScript the role cannot toggle the supplier field, so it is always shown until hydration.
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	const showSupplier = !hydrated || watch('role') === 'supplier'

	return (
		<div className="stack">
			<p>
				<Link to="/admin/users">← Users</Link>
			</p>
			<h1 id="invite-heading">Invite a user</h1>
			<p className="muted">
				They receive an email with a link that works once and expires after 72 hours. Following it, they
				choose a password and are signed in.
			</p>
			<Form
				method="post"
				className="form card"
				onSubmit={handleSubmit}
				noValidate
				aria-labelledby="invite-heading"
			>
				<FormError message={errors.root?.message} />
				<Field
					label="Name"
					errors={errors.name?.message}
					inputProps={{ ...register('name'), autoComplete: 'off' }}
				/>
				<Field
					label="Email"
					errors={errors.email?.message}
					inputProps={{ ...register('email'), type: 'email', autoComplete: 'off' }}
				/>
				<SelectField
					label="Role"
					errors={errors.role?.message}
					placeholder="Choose a role"
					options={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
					selectProps={register('role')}
				/>
				{showSupplier ? (
					<SelectField
						label="Supplier"
						hint="Only for supplier users: the organisation they work for."
						errors={errors.supplierId?.message}
						placeholder="Choose a supplier"
						options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
						selectProps={register('supplierId')}
					/>
				) : null}
				<StatusButton>Send invitation</StatusButton>
			</Form>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
