import { zodResolver } from '@hookform/resolvers/zod'
import {
	data,
	type ActionFunctionArgs,
	type HeadersFunction,
	type LoaderFunctionArgs,
	type MetaFunction,
} from '@remix-run/node'
import { Form, useSearchParams } from '@remix-run/react'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { Field } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { throttleMessage } from '#app/domain/auth/login-throttle.ts'
import { LoginSchema, type Login } from '#app/schemas/auth.ts'
import { getClientIp, login, redirectWithNewSession, requireAnonymous } from '#app/utils/auth.server.ts'
import { formErrors, parseSubmission, pickValues } from '#app/utils/form.server.ts'

// One message for every failure, so the form does not reveal which accounts exist.
const INVALID_CREDENTIALS = 'Invalid email or password.'

export async function loader({ request }: LoaderFunctionArgs) {
	await requireAnonymous(request)
	return null
}

export async function action({ request, context }: ActionFunctionArgs) {
	await requireAnonymous(request)
	const submission = await parseSubmission(request, LoginSchema)
	// Honeypot: people never see the `website` field, form-filling bots do.
	if (submission.values.website) return data({ errors: formErrors('Bad request.') }, { status: 400 })
	const defaultValues = pickValues(submission.values, ['email', 'redirectTo'])
	if (!submission.success) return data({ errors: submission.errors, defaultValues }, { status: 400 })

	const { email, password, redirectTo } = submission.data
	const result = await login({ email, password, ip: getClientIp(context) })
	if ('error' in result && result.error === 'throttled') {
		const headers = { 'Retry-After': String(result.retryAfterSeconds) }
		return data(
			{ errors: formErrors(throttleMessage(result.retryAfterSeconds)), defaultValues },
			{ status: 429, headers },
		)
	}
	if ('error' in result)
		return data({ errors: formErrors(INVALID_CREDENTIALS), defaultValues }, { status: 400 })
	return redirectWithNewSession(result, redirectTo)
}

export const meta: MetaFunction = () => [{ title: 'Log in · Procura' }]

// Remix merges only cookies from an action into the page response; Retry-After must be passed on by hand.
export const headers: HeadersFunction = ({ actionHeaders }) => {
	const retryAfter = actionHeaders.get('Retry-After')
	return retryAfter ? { 'Retry-After': retryAfter } : new Headers()
}

export default function LoginPage() {
	const [searchParams] = useSearchParams()
	const { handleSubmit, register, formState } = useRemixForm<Login>({
		resolver: zodResolver(LoginSchema),
		defaultValues: { email: '', password: '', redirectTo: searchParams.get('redirectTo') ?? '' },
		// Send strings as typed, exactly like the no-JavaScript form does.
		stringifyAllValues: false,
	})
	const { errors } = formState

	return (
		<main id="main" className="auth-page">
			<div className="auth-card card stack">
				<h1 id="login-heading">Log in to Procura</h1>
				<p className="muted">Use the email address your invitation was sent to.</p>
				<Form
					method="post"
					className="form"
					onSubmit={handleSubmit}
					noValidate
					aria-labelledby="login-heading"
				>
					<FormError message={errors.root?.message} />
					<Field
						label="Email"
						errors={errors.email?.message}
						inputProps={{ ...register('email'), type: 'email', autoComplete: 'username', autoFocus: true }}
					/>
					<Field
						label="Password"
						errors={errors.password?.message}
						inputProps={{ ...register('password'), type: 'password', autoComplete: 'current-password' }}
					/>
					<input {...register('redirectTo')} type="hidden" />
					<div style={{ display: 'none' }} aria-hidden="true">
						<label htmlFor="website">Website</label>
						<input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
					</div>
					<StatusButton>Log in</StatusButton>
				</Form>
			</div>
		</main>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
