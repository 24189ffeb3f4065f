import { useRef } from 'react'
import { useFieldArray, type FieldErrors } from 'react-hook-form'
import { type useRemixForm } from 'remix-hook-form'
import { ErrorList } from '#app/components/forms/error-list.tsx'
import { emptyTermValues } from '#app/schemas/contract-term-values.ts'
import { type TermFormValues } from '#app/schemas/contract-terms.ts'
import { type TermsFormValues } from '#app/schemas/contract.ts'
import { TermFields, type CategoryOption, type ClassOption } from './term-fields.tsx'
import { useHydrated } from './use-hydrated.ts'

export type TermsForm = ReturnType<typeof useRemixForm<TermsFormValues>>
export type TermsRegister = TermsForm['register']

/**
 * The terms of one contract version as a field array: one fieldset per (class, category), each with
 * its tiers as a nested field array. Add and remove are ordinary buttons, so the keyboard reaches them.
 */
export function TermsEditor({
	form,
	values,
	classes,
	categories,
	currency,
}: {
	form: TermsForm
	/** The terms as typed right now (watched by the form). */
	values: readonly TermFormValues[]
	classes: readonly ClassOption[]
	categories: readonly CategoryOption[]
	currency: string
}) {
	const { control, register, setValue, formState } = form
	const errors = formState.errors as FieldErrors<TermsFormValues>
	const { fields, append, remove } = useFieldArray({ control, name: 'terms' })
	const addButton = useRef<HTMLButtonElement>(null)
	const hydrated = useHydrated()
	const listError = errors.terms?.message ?? errors.terms?.root?.message

	return (
		<div className="terms-editor stack">
			{fields.length === 0 ? (
				<p className="empty">No terms yet: add one for each class (and category) to cover.</p>
			) : null}
			{fields.map((field, index) => (
				<TermFields
					key={field.id}
					index={index}
					value={values[index]}
					control={control}
					register={register}
					setValue={setValue}
					errors={errors}
					classes={classes}
					categories={categories}
					currency={currency}
					onRemove={
						hydrated
							? () => {
									remove(index)
									// The removed fieldset held the focus; give it to a control that still exists.
									addButton.current?.focus()
								}
							: undefined
					}
				/>
			))}
			<ErrorList errors={listError} className="field-error" />
			<p>
				<button
					ref={addButton}
					type="button"
					className="secondary"
					disabled={!hydrated}
					onClick={() => append(emptyTermValues(), { focusName: `terms.${fields.length}.orderClassId` })}
				>
					Add a term
				</button>
			</p>
		</div>
	)
}
