import { invariantResponse } from '@epic-web/invariant'
import { zodResolver } from '@hookform/resolvers/zod'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useSubmit } from '@remix-run/react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { set, useFieldArray, useWatch, type FieldErrors } from 'react-hook-form'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import {
	getCapabilityRules,
	listSupplierCapabilities,
} from '#app/models/capability/capability-rules.server.ts'
import { validateValues } from '#app/models/capability/form-values.server.ts'
import {
	saveCapabilitySet,
	type CapabilitySetSummary,
} from '#app/models/capability/save-capability-set.server.ts'
import {
	blankCapabilityRow,
	buildCapabilitySetSchema,
	capabilityFormDefaults,
	capabilityFormRow,
	capabilityValuesFrom,
	type CapabilityRowForm,
	type CapabilitySetForm,
} from '#app/schemas/capability.ts'
import { capabilitySetRevision } from '#app/domain/capabilities/capability-revision.ts'
import { isAppError, statusForAppError } from '#app/utils/app-error.ts'
import { requireSupplierUser } from '#app/utils/auth.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { formErrors, hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from '#app/utils/form.server.ts'
import { redirectWithToast } from '#app/utils/toast.server.ts'
import { CapabilityRow } from './__capability-row.tsx'

export async function loader({ request }: LoaderFunctionArgs) {
	const user = await requireSupplierUser(request)
	const db = getDb()
	const [rules, stored] = await Promise.all([
		getCapabilityRules(db, { supplierId: user.supplierId }),
		listSupplierCapabilities(db, { supplierId: user.supplierId }),
	])
	invariantResponse(rules, 'Not found', { status: 404 })
	return { ...rules, rows: stored.map(capabilityFormRow), revision: capabilitySetRevision(stored) }
}

export async function action({ request }: ActionFunctionArgs) {
	const user = await requireSupplierUser(request)
	const rules = await getCapabilityRules(getDb(), { supplierId: user.supplierId })
	invariantResponse(rules, 'Not found', { status: 404 })
	const formData = await request.formData().catch(() => null)
	if (formData && hasUnstorableText(formData))
		return data({ errors: formErrors(UNSTORABLE_TEXT_MESSAGE) }, { status: 400 })
	const values = formData ? capabilityValuesFrom(formData) : null
	if (!values)
		return data(
			{ errors: formErrors('The form could not be read. Reload the page and try again.') },
			{ status: 400 },
		)
	const defaultValues = { rows: capabilityFormDefaults(values) }
	const schema = buildCapabilitySetSchema({ ...rules, supplierRegions: rules.supplier.regions })
	const result = await validateValues(schema, values)
	if (!result.success) return data({ errors: result.errors, defaultValues }, { status: 400 })
	let summary: CapabilitySetSummary
	try {
		summary = await saveCapabilitySet(getDb(), {
			actor: user,
			supplierId: user.supplierId,
			rows: result.data.rows,
			expectedRevision: revisionFrom(formData),
		})
	} catch (error) {
		// Another supplier's capability answers exactly like one that does not exist.
		invariantResponse(!isAppError(error, 'NOT_FOUND'), 'Not found', { status: 404 })
		if (!isAppError(error) || error.code === 'FORBIDDEN') throw error
		const errors: FieldErrors = {}
		set(errors, error.field ?? 'root', { type: 'server', message: error.message })
		return data({ errors, defaultValues }, { status: statusForAppError(error.code) })
	}
	return redirectWithToast('/supplier/capabilities', {
		type: 'success',
		title: 'Capabilities saved',
		description: describeSummary(summary),
	})
}

function describeSummary(s: CapabilitySetSummary): string {
	const parts = [
		[s.created, 'added'],
		[s.updated, 'updated'],
		[s.paused, 'paused'],
		[s.resumed, 'resumed'],
		[s.removed, 'removed'],
	] as const
	const said = parts.filter(([n]) => n > 0).map(([n, verb]) => `${n} ${verb}`)
	return said.length > 0 ? `${said.join(', ')}.` : 'Nothing had changed.'
}

export const meta: MetaFunction = () => [{ title: 'Capabilities · Procura' }]

export default function CapabilitiesPage() {
	const loaderData = useLoaderData<typeof loader>()
	// A successful save reloads the rows: a new key starts the form afresh with their ids.
	const formKey = useMemo(() => JSON.stringify(loaderData.rows), [loaderData.rows])
	return <CapabilityForm key={formKey} />
}

function CapabilityForm() {
	const { supplier, classes, categories, rows, revision } = useLoaderData<typeof loader>()
	const actionData = useActionData<typeof action>()
	const sent = (actionData as { defaultValues?: CapabilitySetForm } | undefined)?.defaultValues
	const submit = useSubmit()
	const addButton = useRef<HTMLButtonElement>(null)
	// Adding and removing rows need JavaScript: until it runs, those buttons are disabled rather than dead.
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	const schema = useMemo(
		() => buildCapabilitySetSchema({ classes, categories, supplierRegions: supplier.regions }),
		[classes, categories, supplier.regions],
	)
	const { handleSubmit, register, control, formState } = useRemixForm<CapabilitySetForm>({
		resolver: zodResolver(schema, undefined, { raw: true }),
		defaultValues: { rows: sent?.rows ?? rows },
		// Valid in the browser: post the form itself, so the server reads it exactly like a form without JavaScript.
		submitHandlers: { onValid: (_values, event) => submit(event?.target as HTMLFormElement) },
	})
	const { fields, append, remove } = useFieldArray({ control, name: 'rows' })
	const chosenClasses = useWatch({ control, name: 'rows' })
	const { errors } = formState

	function removeRow(index: number, label: string) {
		if (!window.confirm(`Remove ${label}? It is deleted when you save.`)) return
		remove(index)
		addButton.current?.focus()
	}

	return (
		<div className="stack">
			<h1 id="capabilities-heading">Capabilities</h1>
			<p className="muted">
				Declare each (category, order class) {supplier.name} can serve: how much a week, how fast, where and
				when. Saving replaces your whole declaration.
			</p>
			<Form
				method="post"
				className="capability-form stack"
				onSubmit={handleSubmit}
				noValidate
				aria-labelledby="capabilities-heading"
			>
				<FormError message={errors.root?.message ?? errors.rows?.message ?? errors.rows?.root?.message} />
				<input type="hidden" name="rowCount" value={fields.length} />
				<input type="hidden" name="revision" value={revision} />
				{fields.length === 0 ? <p className="empty">No capabilities yet: add the first one.</p> : null}
				{fields.map((field, index) => {
					const row = field as unknown as CapabilityRowForm
					const label = row.capabilityId
						? `${categories.find((c) => c.id === row.categoryId)?.name} × ${classes.find((c) => c.id === row.orderClassId)?.name}`
						: `new row ${index + 1}`
					return (
						<CapabilityRow
							key={field.id}
							index={index}
							field={row}
							// The row's own values set its inputs' defaults; remix-hook-form's would follow the index when rows shift.
							register={(name) => register(name, { disableProgressiveEnhancement: true })}
							control={control}
							errors={errors}
							classes={classes}
							categories={categories}
							supplierRegions={supplier.regions}
							orderClassId={chosenClasses?.[index]?.orderClassId ?? row.orderClassId}
							onRemove={hydrated ? () => removeRow(index, label) : undefined}
						/>
					)
				})}
				<div className="form-actions">
					<button
						ref={addButton}
						type="button"
						className="secondary"
						disabled={!hydrated}
						onClick={() =>
							append(blankCapabilityRow(supplier.regions), { focusName: `rows.${fields.length}.categoryId` })
						}
					>
						Add a capability
					</button>
					<StatusButton>Save capabilities</StatusButton>
				</div>
			</Form>
		</div>
	)
}

export { GeneralErrorBoundary as ErrorBoundary } from '#app/components/error-boundary.tsx'

// The page always sends the revision it was loaded with; a client that sends none gets last-write-wins.
function revisionFrom(formData: FormData | null) {
	const revision = formData?.get('revision')
	return typeof revision === 'string' ? revision : undefined
}
