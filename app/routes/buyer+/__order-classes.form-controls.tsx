// Form controls the shared Field/SelectField do not cover (checkbox, textarea), for the catalogue forms.
import { useId, type ComponentProps, type FormEvent, type ReactNode } from 'react'
import { ErrorList } from '#app/components/forms/error-list.tsx'

/** Field errors keyed by any name, including group keys like `weights` that no single input owns. */
export type LooseErrors = Record<string, { message?: string } | undefined>

export function messageFor(errors: unknown, name: string): string | undefined {
	return (errors as LooseErrors)[name]?.message
}

/** Checkbox with its label to the right, a hint and errors, wired with aria-describedby. */
export function CheckboxField({
	label,
	hint,
	errors,
	inputProps,
}: {
	label: ReactNode
	hint?: ReactNode
	errors?: string
	inputProps: ComponentProps<'input'>
}) {
	const id = useId()
	const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(' ')
	return (
		<div className="field checkbox-field">
			<div className="checkbox-row">
				<input
					id={id}
					type="checkbox"
					aria-invalid={errors ? true : undefined}
					aria-describedby={describedBy || undefined}
					{...inputProps}
				/>
				<label htmlFor={id}>{label}</label>
			</div>
			{hint ? (
				<p id={`${id}-hint`} className="hint">
					{hint}
				</p>
			) : null}
			<ErrorList id={errors ? `${id}-error` : undefined} errors={errors} className="field-error" />
		</div>
	)
}

/** Label + textarea + errors, like `Field`. */
export function TextareaField({
	label,
	hint,
	errors,
	textareaProps,
}: {
	label: ReactNode
	hint?: ReactNode
	errors?: string
	textareaProps: ComponentProps<'textarea'>
}) {
	const id = useId()
	const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(' ')
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			{hint ? (
				<p id={`${id}-hint`} className="hint">
					{hint}
				</p>
			) : null}
			<textarea
				id={id}
				rows={3}
				aria-invalid={errors ? true : undefined}
				aria-describedby={describedBy || undefined}
				{...textareaProps}
			/>
			<ErrorList id={errors ? `${id}-error` : undefined} errors={errors} className="field-error" />
		</div>
	)
}

/** An onSubmit that asks first; the server does not rely on it. */
export function confirmSubmit(message: string) {
	return (event: FormEvent<HTMLFormElement>) => {
		if (!window.confirm(message)) event.preventDefault()
	}
}
