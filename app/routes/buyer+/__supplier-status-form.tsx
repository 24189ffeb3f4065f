// The "Change status" form of the buyer's supplier page (a helper file: remix-flat-routes skips `__*`).
import { zodResolver } from '@hookform/resolvers/zod'
import { Form, useActionData } from '@remix-run/react'
import { useId, type FormEvent } from 'react'
import { useRemixForm } from 'remix-hook-form'
import { ErrorList, FormError } from '#app/components/forms/error-list.tsx'
import { SelectField } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import {
	STATUS_REASON_MAX,
	STATUS_REASON_MIN,
	SUPPLIER_STATUS_LABELS,
	type SupplierStatus,
} from '#app/domain/suppliers/supplier-status.ts'
import { ChangeSupplierStatusSchema, type ChangeSupplierStatus } from '#app/schemas/supplier.ts'

export function StatusChangeForm({
	supplierName,
	currentStatus,
	allowed,
}: {
	supplierName: string
	currentStatus: SupplierStatus
	allowed: readonly SupplierStatus[]
}) {
	// Keyed by the status, so a successful change starts the next one from a blank form.
	return <StatusChangeFields key={currentStatus} {...{ supplierName, currentStatus, allowed }} />
}

function StatusChangeFields({
	supplierName,
	currentStatus,
	allowed,
}: {
	supplierName: string
	currentStatus: SupplierStatus
	allowed: readonly SupplierStatus[]
}) {
	const actionData = useActionData<{ defaultValues?: Partial<ChangeSupplierStatus> }>()
	const sent = actionData?.defaultValues
	const { handleSubmit, register, formState, getValues } = useRemixForm<ChangeSupplierStatus>({
		resolver: zodResolver(ChangeSupplierStatusSchema),
		defaultValues: { toStatus: sent?.toStatus ?? ('' as SupplierStatus), reason: sent?.reason ?? '' },
		stringifyAllValues: false,
	})
	const { errors } = formState
	const reasonId = useId()
	const headingId = useId()

	// Blocking stops every order to the supplier: ask first. The server does not rely on this.
	const onSubmit = (event: FormEvent<HTMLFormElement>) => {
		const target = getValues('toStatus') || new FormData(event.currentTarget).get('toStatus')
		if (
			target === 'blocked' &&
			!window.confirm(`Block ${supplierName}? It will not be offered any orders.`)
		) {
			event.preventDefault()
			return
		}
		return handleSubmit(event)
	}

	return (
		<Form method="post" className="form card" onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
			<h3 id={headingId} style={{ margin: 0 }}>
				Change status
			</h3>
			<p className="hint" style={{ margin: 0 }}>
				Currently {SUPPLIER_STATUS_LABELS[currentStatus].toLowerCase()}. The supplier&rsquo;s users are told
				by email, with your reason.
			</p>
			<FormError message={errors.root?.message} />
			<SelectField
				label="New status"
				errors={errors.toStatus?.message}
				placeholder="Choose a status"
				options={allowed.map((s) => ({ value: s, label: SUPPLIER_STATUS_LABELS[s] }))}
				selectProps={register('toStatus')}
			/>
			<div className="field">
				<label htmlFor={reasonId}>Reason</label>
				<p id={`${reasonId}-hint`} className="hint">
					{STATUS_REASON_MIN} to {STATUS_REASON_MAX} characters.
				</p>
				<textarea
					id={reasonId}
					rows={3}
					aria-invalid={errors.reason ? true : undefined}
					aria-describedby={[`${reasonId}-hint`, errors.reason ? `${reasonId}-error` : null]
						.filter(Boolean)
						.join(' ')}
					{...register('reason')}
				/>
				<ErrorList id={`${reasonId}-error`} errors={errors.reason?.message} className="field-error" />
			</div>
			<StatusButton>Change status</StatusButton>
		</Form>
	)
}
