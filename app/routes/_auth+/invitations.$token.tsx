import { zodResolver } from '@hookform/resolvers/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useLoaderData } from '@remix-run/react'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { Field } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { INVALID_INVITATION_MESSAGE } from '#app/domain/auth/invitation.ts'
import { PASSWORD_MIN_LENGTH } from '#app/domain/auth/password-policy.ts'
import { ROLE_LABELS } from '#app/domain/permissions.ts'
import { acceptInvitation, getInvitationByToken } from '#app/models/user/accept-invitation.server.ts'
import { AcceptInvitationSchema, type AcceptInvitation } from '#app/schemas/auth.ts'
import { isAppError } from '#app/utils/app-error.ts'
import { redirectWithNewSession, requireAnonymous } from '#app/utils/auth.server.ts'
import { formErrors, parseSubmission } from '#app/utils/form.server.ts'

export async function loader({ request, params }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	const invitation = await getInvitationByToken(params.token ?? '')
	// Rendered by this page rather than the error boundary, so the message can be specific.
	if (!invitation) return data({ invitation: null }, { status: 404 })
	const { email, name, role, supplierName, expiresAt } = invitation
	return { invitation: { email, name, role, supplierName, expiresAt: expiresAt.toISOString() } }
}

export async function action({ request, params }: ActionFunctionArgs) {
	await requireAnonymous(request)
	const submission = await parseSubmission(request, AcceptInvitationSchema)
	if (!submission.success) return data({ errors: submission.errors }, { status: 400 })
	try {
		const accepted = await acceptInvitation({ token: params.token ?? '', password: submission.data.password })
		return redirectWithNewSession(accepted)
	} catch (error) {
		if (isAppError(error, 'NOT_FOUND')) return data({ errors: formErrors(error.message) }, { status: 404 })
		if (isAppError(error)) return data({ errors: formErrors(error.message) }, { status: 400 })
		throw error
	}
}

export const meta: MetaFunction = () => [{ title: 'Accept your invitation · Procura' }]

export default function AcceptInvitationPage() {
	const { invitation } = useLoaderData<typeof loader>()
	const { handleSubmit, register, formState } = useRemixForm<AcceptInvitation>({
		resolver: zodResolver(AcceptInvitationSchema),
		defaultValues: { password: '', confirmPassword: '' },
		stringifyAllValues: false,
	})
	const { errors } = formState

	return (
		<main id="main" className="auth-page">
			<div className="auth-card card stack">
				{invitation ? (
					<>
						<h1 id="invitation-heading">Welcome to Procura, {invitation.name}</h1>
						<dl>
							<dt>Email</dt>
							<dd>{invitation.email}</dd>
							<dt>Role</dt>
							<dd>
								{ROLE_LABELS[invitation.role]}
								{invitation.supplierName ? ` for ${invitation.supplierName}` : ''}
							</dd>
						</dl>
						<Form
							method="post"
							className="form"
							onSubmit={handleSubmit}
							noValidate
							aria-labelledby="invitation-heading"
						>
							<FormError message={errors.root?.message} />
							{/* Lets password managers store the new password under the right account. */}
							<input
								type="hidden"
								name="username"
								autoComplete="username"
								value={invitation.email}
								readOnly
							/>
							<Field
								label="Choose a password"
								hint={`At least ${PASSWORD_MIN_LENGTH} characters. A short sentence works well.`}
								errors={errors.password?.message}
								inputProps={{ ...register('password'), type: 'password', autoComplete: 'new-password' }}
							/>
							<Field
								label="Repeat the password"
								errors={errors.confirmPassword?.message}
								inputProps={{
									...register('confirmPassword'),
									type: 'password',
									autoComplete: 'new-password',
								}}
							/>
							<StatusButton>Set password and sign in</StatusButton>
						</Form>
					</>
				) : (
					<>
						<h1>{INVALID_INVITATION_MESSAGE}</h1>
						<p>
							Invitation links work once and expire after 72 hours. Ask your Procura administrator to send you
							a new invitation.
						</p>
					</>
				)}
			</div>
		</main>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
