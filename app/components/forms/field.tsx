import { useId, type ComponentProps, type ReactNode } from 'react'
import { ErrorList, type ListOfErrors } from './error-list.tsx'

type FieldBaseProps = {
	label: ReactNode
	errors?: ListOfErrors
	/** Help shown under the label, linked to the control with aria-describedby. */
	hint?: ReactNode
	className?: string
}

function useFieldIds(explicitId: string | undefined, errors: ListOfErrors) {
	const fallbackId = useId()
	const id = explicitId ?? fallbackId
	const hasErrors = typeof errors === 'string' ? errors.length > 0 : Boolean(errors?.some(Boolean))
	return { id, errorId: hasErrors ? `${id}-error` : undefined, hintId: `${id}-hint`, hasErrors }
}

/**
 * Label + input + error messages. Spread `register('name')` into `inputProps`:
 * its defaultValue keeps what the person typed when the server sends errors back.
 */
export function Field({
	label,
	errors,
	hint,
	className,
	inputProps,
}: FieldBaseProps & { inputProps: ComponentProps<'input'> }) {
	const { id, errorId, hintId, hasErrors } = useFieldIds(inputProps.id, errors)
	const describedBy = [hint ? hintId : null, errorId].filter(Boolean).join(' ') || undefined
	return (
		<div className={className ?? 'field'}>
			<label htmlFor={id}>{label}</label>
			{hint ? (
				<p id={hintId} className="hint">
					{hint}
				</p>
			) : null}
			<input id={id} aria-invalid={hasErrors || undefined} aria-describedby={describedBy} {...inputProps} />
			<ErrorList id={errorId} errors={errors} className="field-error" />
		</div>
	)
}

/** Label + select + error messages, with the same accessibility wiring as `Field`. */
export function SelectField({
	label,
	errors,
	hint,
	className,
	selectProps,
	options,
	placeholder,
}: FieldBaseProps & {
	selectProps: ComponentProps<'select'>
	options: ReadonlyArray<{ value: string; label: string }>
	placeholder?: string
}) {
	const { id, errorId, hintId, hasErrors } = useFieldIds(selectProps.id, errors)
	const describedBy = [hint ? hintId : null, errorId].filter(Boolean).join(' ') || undefined
	return (
		<div className={className ?? 'field'}>
			<label htmlFor={id}>{label}</label>
			{hint ? (
				<p id={hintId} className="hint">
					{hint}
				</p>
			) : null}
			<select id={id} aria-invalid={hasErrors || undefined} aria-describedby={describedBy} {...selectProps}>
				{placeholder !== undefined ? <option value="">{placeholder}</option> : null}
				{options.map((o) => (
					<option key={o.value} value={o.value}>
						{o.label}
					</option>
				))}
			</select>
			<ErrorList id={errorId} errors={errors} className="field-error" />
		</div>
	)
}
