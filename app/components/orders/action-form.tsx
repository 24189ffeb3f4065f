import { Form, useLocation } from '@remix-run/react'
import { useId, type FormEvent, type ReactNode } from 'react'
import { ErrorList } from '#app/components/forms/error-list.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { type ActionFailure } from '#app/schemas/order-actions.ts'

type Button = { intent: string; label: string; className?: string; confirm?: string }

/** The failure of this form: same intent(s) and, for per-row forms, the same offer or exception. */
export function ownFailure(
	failure: ActionFailure | null | undefined,
	intents: readonly string[],
	targetId?: string,
) {
	if (!failure || failure.intent === null || !intents.includes(failure.intent)) return null
	if (targetId !== undefined && failure.targetId !== targetId) return null
	return failure
}

/**
 * One order action as its own small form: the intent button(s), the order version the page was rendered
 * with (a change made meanwhile is refused, not overwritten), hidden ids, and the fields in `children`.
 * A button with `confirm` asks first; the server does not rely on it.
 */
export function ActionForm({
	buttons,
	version,
	hidden = {},
	failure,
	children,
	labelledBy,
}: {
	buttons: readonly Button[]
	version: number
	hidden?: Record<string, string>
	failure: ActionFailure | null
	children?: ReactNode
	labelledBy?: string
}) {
	const location = useLocation()
	function confirmFirst(event: FormEvent<HTMLFormElement>) {
		const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null
		const button =
			buttons.find((b) => b.intent === submitter?.value) ?? (buttons.length === 1 ? buttons[0] : undefined)
		if (button?.confirm && !window.confirm(button.confirm)) event.preventDefault()
	}
	return (
		<Form method="post" className="intent-form" onSubmit={confirmFirst} aria-labelledby={labelledBy}>
			<input type="hidden" name="expectedVersion" value={version} />
			{Object.entries(hidden).map(([name, value]) => (
				<input key={name} type="hidden" name={name} value={value} />
			))}
			{children}
			<div className="form-actions">
				{buttons.map((b) => (
					<StatusButton key={b.intent} name="intent" value={b.intent} className={b.className}>
						{b.label}
					</StatusButton>
				))}
			</div>
			{failure?.message ? (
				<div className="form-error" role="alert">
					{failure.message}
					{failure.message.includes('reload') ? (
						<>
							{' '}
							<a href={`${location.pathname}${location.search}`}>Reload the order</a>
						</>
					) : null}
				</div>
			) : null}
		</Form>
	)
}

/** A text field of an action form, refilled with what was typed when the action failed. */
export function ActionTextField({
	name,
	label,
	failure,
	multiline = false,
	hint,
	required = true,
	inputMode,
	maxLength = 500,
}: {
	name: string
	label: string
	failure: ActionFailure | null
	multiline?: boolean
	hint?: string
	required?: boolean
	inputMode?: 'numeric'
	maxLength?: number
}) {
	const id = useId()
	const error = failure?.errors[name]
	const describedBy =
		[hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
	const common = {
		id,
		name,
		required,
		maxLength,
		defaultValue: failure?.values[name] ?? '',
		'aria-invalid': error ? true : undefined,
		'aria-describedby': describedBy,
	}
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			{hint ? (
				<p id={`${id}-hint`} className="hint">
					{hint}
				</p>
			) : null}
			{multiline ? (
				<textarea rows={2} {...common} />
			) : (
				<input inputMode={inputMode} autoComplete="off" {...common} />
			)}
			<ErrorList id={error ? `${id}-error` : undefined} errors={error} className="field-error" />
		</div>
	)
}
