import { invariantResponse } from '@epic-web/invariant'
import { zodResolver } from '@hookform/resolvers/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSubmit } from '@remix-run/react'
import { useId } from 'react'
import { useRemixForm } from 'remix-hook-form'
import { ErrorList, FormError } from '#app/components/forms/error-list.tsx'
import { Field } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { listTimeZones } from '#app/domain/time-zone.ts'
import { REGIONS } from '#app/domain/regions.ts'
import { validateValues } from '#app/models/capability/form-values.server.ts'
import { getSupplierProfile, updateSupplierProfile } from '#app/models/supplier-profile.server.ts'
import {
	SupplierProfileSchema,
	supplierProfileValuesFrom,
	type SupplierProfileForm,
} from '#app/schemas/supplier-profile.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireSupplierUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formErrors, hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireSupplierUser(request)
	const profile = await getSupplierProfile(getDb(), { supplierId: user.supplierId })
	invariantResponse(profile, 'Not found', { status: 404 })
	// From the server, so the page renders the same list on both sides of hydration.
	return { profile, timeZones: listTimeZones() }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireSupplierUser(request)
	const formData = await request.formData().catch(() => null)
	if (!formData)
		return data(
			{ errors: formErrors('The form could not be read. Reload the page and try again.') },
			{ status: 400 },
		)
	if (hasUnstorableText(formData))
		return data({ errors: formErrors(UNSTORABLE_TEXT_MESSAGE) }, { status: 400 })
	const values = supplierProfileValuesFrom(formData)
	const defaultValues = values
	const result = await validateValues(SupplierProfileSchema, values)
	if (!result.success) return data({ errors: result.errors, defaultValues }, { status: 400 })
	try {
		const { changed } = await updateSupplierProfile(getDb(), {
			actor: user,
			supplierId: user.supplierId,
			profile: result.data,
		})
		return redirectWithToast('/supplier/profile', {
			type: 'success',
			title: changed ? 'Profile saved' : 'Nothing to save',
			description: changed ? 'Buyers now see your updated profile.' : 'The profile was already up to date.',
		})
	} catch (error) {
		invariantResponse(!isAppError(error, 'NOT_FOUND'), 'Not found', { status: 404 })
		if (!isAppError(error) || error.code === 'FORBIDDEN') throw error
		const errors = { [error.field ?? 'root']: { type: 'server', message: error.message } }
		return data({ errors, defaultValues }, { status: statusForAppError(error.code) })
	}
}

export const meta: MetaFunction = () => [{ title: 'Organisation profile · Procura' }]

export default function SupplierProfilePage() {
	const { profile, timeZones } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const submit = useSubmit()
	const sent =
		actionData && 'defaultValues' in actionData
			? (actionData.defaultValues as Partial<SupplierProfileForm>)
			: null
	const initialRegions = Array.isArray(sent?.regions) ? sent.regions : profile.regions
	const { handleSubmit, register, formState } = useRemixForm<SupplierProfileForm>({
		resolver: zodResolver(SupplierProfileSchema, undefined, { raw: true }),
		defaultValues: {
			name: profile.name,
			contactEmail: profile.contactEmail ?? '',
			contactPhone: profile.contactPhone ?? '',
			timeZone: profile.timeZone,
			available24x7: profile.available24x7,
			...sent,
			regions: initialRegions,
		},
		// Valid in the browser: post the form itself, so JavaScript and no-JavaScript submissions read alike.
		submitHandlers: { onValid: (_values, event) => submit(event?.target as HTMLFormElement) },
	})
	const { errors } = formState
	const regionsErrorId = useId()
	const zonesId = useId()

	return (
		<div className="stack">
			<h1 id="profile-heading">Organisation profile</h1>
			<p className="muted">Buyers see this profile; routing uses your regions and availability.</p>
			<Form
				method="post"
				className="form card"
				onSubmit={handleSubmit}
				noValidate
				aria-labelledby="profile-heading"
			>
				<FormError message={errors.root?.message} />
				<Field
					label="Organisation name"
					errors={errors.name?.message}
					inputProps={{ ...register('name'), autoComplete: 'organization' }}
				/>
				<Field
					label="Contact email"
					errors={errors.contactEmail?.message}
					inputProps={{ ...register('contactEmail'), type: 'email', autoComplete: 'email' }}
				/>
				<Field
					label="Contact phone"
					hint="Optional. Include the country code."
					errors={errors.contactPhone?.message}
					inputProps={{ ...register('contactPhone'), type: 'tel', autoComplete: 'tel' }}
				/>
				<fieldset className="checkbox-group" aria-describedby={errors.regions ? regionsErrorId : undefined}>
					<legend>Regions served</legend>
					{REGIONS.map((region) => (
						<label key={region}>
							<input
								type="checkbox"
								value={region}
								{...register('regions')}
								// Checked in the server-rendered page too, before react-hook-form takes over.
								defaultChecked={initialRegions.includes(region)}
								aria-invalid={errors.regions ? true : undefined}
							/>{' '}
							{region}
						</label>
					))}
					<ErrorList id={regionsErrorId} errors={errors.regions?.message} className="field-error" />
				</fieldset>
				<Field
					label="Time zone"
					hint="An IANA name, like Europe/Berlin or America/New_York."
					errors={errors.timeZone?.message}
					inputProps={{ ...register('timeZone'), list: zonesId, autoComplete: 'off', spellCheck: false }}
				/>
				<datalist id={zonesId}>
					{timeZones.map((zone) => (
						<option key={zone} value={zone} />
					))}
				</datalist>
				<label className="checkbox">
					<input type="checkbox" {...register('available24x7')} /> We are available 24x7 (emergency orders)
				</label>
				<StatusButton>Save profile</StatusButton>
			</Form>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'
