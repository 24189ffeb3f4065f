import { zodResolver } from '@hookform/resolvers/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useRemixForm } from 'remix-hook-form'
import { ErrorList, FormError } from '#app/components/forms/error-list.tsx'
import { Field } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { REGIONS } from '#app/domain/regions.ts'
import { listTimeZones } from '#app/domain/time-zone.ts'
import { inviteSupplierOrganisation } from '#app/models/supplier/invite-supplier.server.ts'
import { InviteSupplierSchema, type InviteSupplier } from '#app/schemas/supplier.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireUserWithRole } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { parseSubmission, pickValues } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

const TEXT_FIELDS = ['name', 'contactEmail', 'contactPhone', 'timeZone', 'userName', 'userEmail'] as const
type SentValues = Partial<Record<(typeof TEXT_FIELDS)[number], string>> & { regions: string[] }

export async function loader({ request }: LoaderFunctionArgs) {
	await requireUserWithRole(request, 'buyer')
	return { timeZones: listTimeZones() }
}

export async function action({ request }: ActionFunctionArgs) {
	const actor = await requireUserWithRole(request, 'buyer')
	const submission = await parseSubmission(request, InviteSupplierSchema)
	const defaultValues: SentValues = {
		...pickValues(submission.values, TEXT_FIELDS),
		regions: checkedRegions(submission.values),
	}
	if (!submission.success) return data({ errors: submission.errors, defaultValues }, { status: 400 })
	const { userName, userEmail, ...organisation } = submission.data
	const appUrl = process.env.APP_URL ?? new URL(request.url).origin
	try {
		const { supplierId, invitation } = await inviteSupplierOrganisation(getDb(), {
			actor,
			organisation,
			firstUser: { name: userName, email: userEmail },
			appUrl,
		})
		return redirectWithToast(`/buyer/suppliers/${supplierId}`, {
			type: 'success',
			title: `${organisation.name} is invited`,
			description: `${invitation.email} has 72 hours to accept the invitation.`,
		})
	} catch (error) {
		if (!isAppError(error) || error.code === 'FORBIDDEN') throw error
		const errors = { [error.field ?? 'root']: { type: 'server', message: error.message } }
		return data({ errors, defaultValues }, { status: statusForAppError(error.code) })
	}
}

// What was ticked, to tick it again when the form comes back with errors.
function checkedRegions(values: Record<string, unknown>): string[] {
	const parsed = InviteSupplierSchema.shape.regions.safeParse(values.regions)
	return parsed.success ? parsed.data : []
}

export const meta: MetaFunction = () => [{ title: 'Invite a supplier · Buyer · Procura' }]

export default function InviteSupplierPage() {
	const { timeZones } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	// Without JavaScript the page reloads; what was typed comes back from the action.
	const sent = actionData && 'defaultValues' in actionData ? actionData.defaultValues : undefined
	const { handleSubmit, register, formState, watch, setValue } = useRemixForm<InviteSupplier>({
		resolver: zodResolver(InviteSupplierSchema),
		defaultValues: {
			name: sent?.name ?? '',
			regions: sent?.regions ?? [],
			contactEmail: sent?.contactEmail ?? '',
			contactPhone: sent?.contactPhone ?? '',
			timeZone: sent?.timeZone ?? 'UTC',
			userName: sent?.userName ?? '',
			userEmail: sent?.userEmail ?? '',
		},
		stringifyAllValues: false,
	})
	const { errors } = formState
	const regions = (watch('regions') as string[] | undefined) ?? []
	const toggleRegion = (region: string, checked: boolean) => {
		const next = checked ? [...regions, region] : regions.filter((r) => r !== region)
		setValue('regions', next, { shouldValidate: formState.isSubmitted })
	}

	return (
		<div className="stack">
			<p>
				<Link to="/buyer/suppliers">← Suppliers</Link>
			</p>
			<h1 id="invite-supplier-heading">Invite a supplier</h1>
			<p className="muted">
				The organisation is listed as invited. Its first user receives an email with a link that works once
				and expires after 72 hours; they then complete the profile and declare capabilities.
			</p>
			<Form
				method="post"
				className="form card"
				onSubmit={handleSubmit}
				noValidate
				aria-labelledby="invite-supplier-heading"
			>
				<FormError message={errors.root?.message} />
				<Field
					label="Organisation name"
					errors={errors.name?.message}
					inputProps={{ ...register('name'), autoComplete: 'organization' }}
				/>
				<fieldset className="field" aria-describedby={errors.regions ? 'regions-error' : undefined}>
					<legend>Regions served</legend>
					<div className="checkbox-grid">
						{REGIONS.map((region) => (
							<label key={region} className="checkbox">
								{/* `regions[]` lets a form posted without JavaScript send every ticked box. */}
								<input
									type="checkbox"
									name="regions[]"
									value={region}
									checked={regions.includes(region)}
									onChange={(e) => toggleRegion(region, e.currentTarget.checked)}
								/>{' '}
								{region}
							</label>
						))}
					</div>
					<ErrorList id="regions-error" errors={errors.regions?.message} className="field-error" />
				</fieldset>
				<Field
					label="Contact email"
					hint="The organisation's general address, shown in the directory."
					errors={errors.contactEmail?.message}
					inputProps={{ ...register('contactEmail'), type: 'email', autoComplete: 'off' }}
				/>
				<Field
					label="Contact phone (optional)"
					errors={errors.contactPhone?.message}
					inputProps={{ ...register('contactPhone'), type: 'tel', autoComplete: 'off' }}
				/>
				<Field
					label="Time zone"
					hint="Where the organisation works, e.g. Europe/London."
					errors={errors.timeZone?.message}
					inputProps={{ ...register('timeZone'), list: 'time-zones', autoComplete: 'off' }}
				/>
				<datalist id="time-zones">
					{timeZones.map((tz) => (
						<option key={tz} value={tz} />
					))}
				</datalist>
				<fieldset className="field">
					<legend>First user</legend>
					<div className="stack">
						<Field
							label="Their name"
							errors={errors.userName?.message}
							inputProps={{ ...register('userName'), autoComplete: 'off' }}
						/>
						<Field
							label="Their email"
							hint="The invitation is sent here."
							errors={errors.userEmail?.message}
							inputProps={{ ...register('userEmail'), type: 'email', autoComplete: 'off' }}
						/>
					</div>
				</fieldset>
				<StatusButton>Send invitation</StatusButton>
			</Form>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
