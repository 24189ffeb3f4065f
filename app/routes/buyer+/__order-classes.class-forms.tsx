// The class page's two edit forms. Both post to the page's action with an `intent`.
import { zodResolver } from '@hookform/resolvers/zod'
import { Form } from '@remix-run/react'
import { useMemo } from 'react'
import { useRemixForm } from 'remix-hook-form'
import { FormError } from '#app/components/forms/error-list.tsx'
import { Field } from '#app/components/forms/field.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import {
	OrderClassDetailsSchema,
	policyChangeSchema,
	type PolicyChangeInput,
} from '#app/schemas/order-class.ts'
import { messageFor, TextareaField } from './__order-classes.form-controls.tsx'
import { PolicyFields, type PolicyInputValues } from './__order-classes.policy-fields.tsx'

type Values = Record<string, string | boolean>

const textOf = (values: Values, name: string) =>
	typeof values[name] === 'string' ? (values[name] as string) : ''

export function DetailsForm({ values, rootError }: { values: Values; rootError?: string }) {
	const { handleSubmit, register, formState } = useRemixForm({
		resolver: zodResolver(OrderClassDetailsSchema, undefined, { raw: true }),
		stringifyAllValues: false,
		submitData: { intent: 'details' },
	})
	const { errors } = formState
	return (
		<Form method="post" className="form" onSubmit={handleSubmit} noValidate aria-labelledby="details-heading">
			<input type="hidden" name="intent" value="details" />
			<FormError message={rootError} />
			<Field
				label="Name"
				errors={errors.name?.message}
				inputProps={{ ...register('name'), defaultValue: textOf(values, 'name'), autoComplete: 'off' }}
			/>
			<TextareaField
				label="Description"
				errors={messageFor(errors, 'description')}
				textareaProps={{ ...register('description'), defaultValue: textOf(values, 'description') }}
			/>
			<Field
				label="Priority rank"
				hint="1 is the most urgent class."
				errors={errors.priorityRank?.message}
				inputProps={{
					...register('priorityRank'),
					defaultValue: textOf(values, 'priorityRank'),
					inputMode: 'numeric',
				}}
			/>
			<StatusButton name="intent" value="details" className="secondary">
				Save details
			</StatusButton>
		</Form>
	)
}

/**
 * Saving inserts a new policy version. `basedOnVersion` travels with the form so the
 * server can tell when someone else saved in between (409, values kept).
 */
export function PolicyEditor({
	classKey,
	basedOnVersion,
	values,
	rootError,
}: {
	classKey: string
	basedOnVersion: number
	values: PolicyInputValues
	rootError?: string
}) {
	const schema = useMemo(() => policyChangeSchema(classKey), [classKey])
	const { handleSubmit, register, formState } = useRemixForm<PolicyChangeInput>({
		resolver: zodResolver(schema, undefined, { raw: true }),
		stringifyAllValues: false,
		submitData: { intent: 'policy', basedOnVersion: String(basedOnVersion) },
	})
	const { errors } = formState
	return (
		<Form
			method="post"
			className="form policy-form"
			onSubmit={handleSubmit}
			noValidate
			aria-labelledby="policy-form-heading"
		>
			<input type="hidden" name="intent" value="policy" />
			<input type="hidden" name="basedOnVersion" value={basedOnVersion} />
			<FormError message={rootError} />
			<PolicyFields register={register} errors={errors} values={values} />
			<TextareaField
				label="Change note"
				hint="Why the policy changes. Kept in the history with your name."
				errors={messageFor(errors, 'changeNote')}
				textareaProps={{
					...register('changeNote'),
					defaultValue: typeof values.changeNote === 'string' ? values.changeNote : '',
				}}
			/>
			<StatusButton name="intent" value="policy">
				Save as version {basedOnVersion + 1}
			</StatusButton>
		</Form>
	)
}
