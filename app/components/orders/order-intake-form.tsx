import { zodResolver } from '@hookform/resolvers/zod'
import { Form, useFetcher, useSubmit } from '@remix-run/react'
import { useEffect, useMemo } from 'react'
import { type Resolver } from 'react-hook-form'
import { createFormData, useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { Field, SelectField } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { REGIONS } from '#app/domain/regions.ts'
import {
	buildOrderIntakeSchema,
	type IntakeClassPolicy,
	type OrderIntakeForm,
	readLocalInBrowser,
} from '#app/schemas/order.ts'
import { localValueToIso, TimeZoneHint } from './needed-by-input.tsx'
import { OrderPreviewPanel, type OrderPreviewData } from './order-preview.tsx'
import { TextareaField } from './textarea-field.tsx'

export type IntakeClassOption = IntakeClassPolicy & { requires24x7: boolean; description: string }
type Option = { id: string; name: string }

const EMPTY: OrderIntakeForm = {
	orderClassId: '',
	categoryId: '',
	quantity: '',
	unit: 'units',
	description: '',
	neededBy: '',
	region: '',
	preferredSupplierId: '',
	justification: '',
}

/** Asks the preview route about what has been typed, a moment after the typing stops. */
function usePreview({
	orderClassId,
	categoryId,
	quantity,
	region,
	preferredSupplierId,
	neededBy,
}: Partial<OrderIntakeForm>) {
	const fetcher = useFetcher<{ preview: OrderPreviewData | null }>()
	const query = useMemo(() => {
		const entries = Object.entries({ orderClassId, categoryId, quantity, region, preferredSupplierId })
		const params = new URLSearchParams(entries.filter((e): e is [string, string] => Boolean(e[1])))
		if (neededBy) params.set('neededBy', localValueToIso(neededBy))
		return params.toString()
	}, [orderClassId, categoryId, quantity, region, preferredSupplierId, neededBy])
	const ready = Boolean(orderClassId && categoryId && region)
	const { load } = fetcher
	useEffect(() => {
		if (!ready) return
		const timer = window.setTimeout(() => load(`/buyer/orders/preview?${query}`), 250)
		return () => window.clearTimeout(timer)
	}, [query, ready, load])
	return { preview: ready ? (fetcher.data?.preview ?? null) : null, ready, loading: fetcher.state !== 'idle' }
}

/** The buyer's order intake: every field labelled, messages next to their fields, a live preview beside it. */
export function OrderIntakeFormView({
	classes,
	categories,
	suppliers,
	rootError,
}: {
	classes: readonly IntakeClassOption[]
	categories: readonly Option[]
	suppliers: readonly Option[]
	rootError?: string
}) {
	// `raw`: the browser posts what was typed, and the server converts it with the same schema — except
	// the needed-by time, which only the browser can read in the viewer's zone: it is sent as an instant.
	const resolver = useMemo(
		() =>
			zodResolver(buildOrderIntakeSchema(classes, { readLocal: readLocalInBrowser }), undefined, {
				raw: true,
			}) as unknown as Resolver<OrderIntakeForm>,
		[classes],
	)
	const submit = useSubmit()
	const { handleSubmit, register, formState, watch } = useRemixForm<OrderIntakeForm>({
		resolver,
		defaultValues: EMPTY,
		stringifyAllValues: false,
		submitHandlers: {
			onValid: (typed) =>
				submit(createFormData({ ...typed, neededBy: localValueToIso(typed.neededBy) }, false), {
					method: 'post',
				}),
		},
	})
	const { errors } = formState
	const values = watch()
	const chosenClass = classes.find((c) => c.id === values.orderClassId)
	const preview = usePreview(values)

	return (
		<div className="intake-layout">
			<Form
				method="post"
				className="form card"
				onSubmit={handleSubmit}
				noValidate
				aria-labelledby="new-order-heading"
			>
				<FormError message={errors.root?.message ?? rootError} />
				<SelectField
					label="Order class"
					hint={chosenClass?.description}
					errors={errors.orderClassId?.message}
					placeholder="Choose a class"
					options={classes.map((c) => ({ value: c.id, label: c.name }))}
					selectProps={register('orderClassId')}
				/>
				<SelectField
					label="Category"
					errors={errors.categoryId?.message}
					placeholder="Choose a category"
					options={categories.map((c) => ({ value: c.id, label: c.name }))}
					selectProps={register('categoryId')}
				/>
				<div className="field-pair">
					<Field
						label="Quantity"
						hint={
							chosenClass?.minQuantity
								? `${chosenClass.name} orders start at ${chosenClass.minQuantity.toLocaleString('en-GB')}.`
								: undefined
						}
						errors={errors.quantity?.message}
						inputProps={{ ...register('quantity'), inputMode: 'numeric', autoComplete: 'off' }}
					/>
					<Field
						label="Unit"
						errors={errors.unit?.message}
						inputProps={{ ...register('unit'), autoComplete: 'off' }}
					/>
				</div>
				<TextareaField
					label="Description"
					errors={errors.description?.message}
					textareaProps={{ ...register('description'), rows: 4 }}
				/>
				<div className="field">
					<label htmlFor="neededBy">Needed by</label>
					<TimeZoneHint id="neededBy-hint" />
					<input
						id="neededBy"
						type="datetime-local"
						aria-invalid={errors.neededBy ? true : undefined}
						aria-describedby={errors.neededBy ? 'neededBy-hint neededBy-error' : 'neededBy-hint'}
						{...register('neededBy')}
					/>
					{errors.neededBy?.message ? (
						<ul id="neededBy-error" className="field-error">
							<li>{errors.neededBy.message}</li>
						</ul>
					) : null}
				</div>
				<SelectField
					label="Region"
					errors={errors.region?.message}
					placeholder="Choose a region"
					options={REGIONS.map((r) => ({ value: r, label: r }))}
					selectProps={register('region')}
				/>
				<SelectField
					label="Preferred supplier (optional)"
					hint="Routing still applies the class's rules; a new supplier sends the order to review."
					errors={errors.preferredSupplierId?.message}
					placeholder="No preference"
					options={suppliers.map((s) => ({ value: s.id, label: s.name }))}
					selectProps={register('preferredSupplierId')}
				/>
				<TextareaField
					label={
						chosenClass?.justificationRequired
							? `Justification (required for ${chosenClass.name})`
							: 'Justification (optional)'
					}
					hint={
						chosenClass?.justificationRequired ? 'Why this cannot wait: at least 10 characters.' : undefined
					}
					errors={errors.justification?.message}
					textareaProps={{ ...register('justification'), rows: 3 }}
				/>
				<StatusButton>Place order</StatusButton>
			</Form>
			<OrderPreviewPanel {...preview} />
		</div>
	)
}
