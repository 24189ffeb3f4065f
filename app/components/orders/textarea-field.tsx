import { useId, type ComponentProps, type ReactNode } from 'react'
import { ErrorList } from '#app/components/forms/error-list.tsx'

/** Label + textarea + error messages, wired like `Field` (hint and errors described by id). */
export function TextareaField({
	label,
	errors,
	hint,
	textareaProps,
}: {
	label: ReactNode
	errors?: string | null
	hint?: ReactNode
	textareaProps: ComponentProps<'textarea'>
}) {
	const fallbackId = useId()
	const id = textareaProps.id ?? fallbackId
	const errorId = errors ? `${id}-error` : undefined
	const hintId = hint ? `${id}-hint` : undefined
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			{hint ? (
				<p id={hintId} className="hint">
					{hint}
				</p>
			) : null}
			<textarea
				id={id}
				rows={3}
				aria-invalid={errors ? true : undefined}
				aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
				{...textareaProps}
			/>
			<ErrorList id={errorId} errors={errors} className="field-error" />
		</div>
	)
}
