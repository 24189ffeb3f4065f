import { Form } from '@remix-run/react'
import { useId, type FormEvent, type ReactNode } from 'react'
import { ErrorList } from '#app/components/forms/error-list.tsx'
import { StatusButton } from '#app/components/ui/status-button.tsx'
import { type ContractActionFailure, type ContractIntent } from '#app/schemas/contract.ts'

/** The message of a failed one-button action, when it was this action that failed. */
export function failureMessage(failure: ContractActionFailure | null | undefined, intent: ContractIntent) {
	return failure?.intent === intent ? failure.message : undefined
}

function confirmSubmit(message: string | undefined) {
	return (event: FormEvent<HTMLFormElement>) => {
		if (message && !window.confirm(message)) event.preventDefault()
	}
}

/**
 * One negotiation step as its own small form: the intent, the lock version the page was rendered with
 * (so a change made meanwhile is refused, not overwritten) and, where it applies, the version answered.
 */
export function IntentForm({
	intent,
	lockVersion,
	versionId,
	label,
	ariaLabel,
	className,
	confirm,
	failure,
	disabled,
	children,
}: {
	intent: ContractIntent
	lockVersion: number
	versionId?: string
	label: string
	ariaLabel?: string
	className?: string
	confirm?: string
	failure: ContractActionFailure | null | undefined
	disabled?: boolean
	children?: ReactNode
}) {
	const message = failureMessage(failure, intent)
	return (
		<Form method="post" className="intent-form" onSubmit={confirmSubmit(confirm)}>
			<input type="hidden" name="expectedLockVersion" value={lockVersion} />
			{versionId ? <input type="hidden" name="versionId" value={versionId} /> : null}
			{children}
			<StatusButton
				name="intent"
				value={intent}
				className={className}
				aria-label={ariaLabel}
				disabled={disabled}
			>
				{label}
			</StatusButton>
			{message ? (
				<div className="form-error" role="alert">
					{message}
				</div>
			) : null}
		</Form>
	)
}

/** Ending the contract early: a required reason, and a confirmation before anything is sent. */
export function TerminateForm({
	lockVersion,
	failure,
	contractNumber,
}: {
	lockVersion: number
	failure: ContractActionFailure | null | undefined
	contractNumber: string
}) {
	const id = useId()
	const own = failure?.intent === 'terminate' ? failure : null
	const reasonError = (own?.errors as { reason?: { message?: string } } | undefined)?.reason?.message
	const typed = typeof own?.defaultValues.reason === 'string' ? own.defaultValues.reason : ''
	return (
		<section aria-labelledby={`${id}-heading`} className="card danger-zone">
			<h2 id={`${id}-heading`}>Terminate the contract</h2>
			<p className="muted">
				Ends the contract today for both sides; a proposal waiting for an answer is withdrawn. The supplier's
				users are told by email, with your reason.
			</p>
			<IntentForm
				intent="terminate"
				lockVersion={lockVersion}
				label="Terminate contract"
				className="danger"
				confirm={`Terminate ${contractNumber}? This cannot be undone.`}
				failure={failure}
			>
				<div className="field">
					<label htmlFor={`${id}-reason`}>Reason for terminating</label>
					<textarea
						id={`${id}-reason`}
						name="reason"
						rows={2}
						required
						minLength={5}
						maxLength={500}
						defaultValue={typed}
						aria-invalid={reasonError ? true : undefined}
						aria-describedby={reasonError ? `${id}-reason-error` : undefined}
					/>
					<ErrorList id={`${id}-reason-error`} errors={reasonError} className="field-error" />
				</div>
			</IntentForm>
		</section>
	)
}
