import { useState, type ComponentProps } from 'react'
import { ErrorList } from '#app/components/forms/error-list.tsx'
import { useHydrated } from './local-time.tsx'

/** Under the field: which zone the typed time is read in. */
export function TimeZoneHint({ id }: { id: string }) {
	const hydrated = useHydrated()
	return (
		<p id={id} className="hint">
			{hydrated
				? `In your time zone (${Intl.DateTimeFormat().resolvedOptions().timeZone}).`
				: 'Read as UTC until the page has finished loading (without JavaScript the time zone is unknown).'}
		</p>
	)
}

/** The ISO instant of a datetime-local value read in the browser's zone; '' when it is not one. */
export function localValueToIso(local: string) {
	if (!local) return ''
	const at = new Date(local)
	return Number.isNaN(at.getTime()) ? local : at.toISOString()
}

/**
 * A date-and-time field for plain forms. The person types in their own time zone; once the page has
 * hydrated, the form sends the ISO instant under `name`. Before that (or without JavaScript) the typed
 * value itself is sent, and the server reads it as UTC — the hint says which.
 */
export function NeededByInput({
	id,
	name,
	label,
	error,
	defaultValue = '',
	inputProps,
}: {
	id: string
	name: string
	label: string
	error?: string
	defaultValue?: string
	inputProps?: ComponentProps<'input'>
}) {
	const hydrated = useHydrated()
	const [local, setLocal] = useState(defaultValue)
	const hintId = `${id}-hint`
	const errorId = error ? `${id}-error` : undefined
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			<TimeZoneHint id={hintId} />
			<input
				id={id}
				type="datetime-local"
				name={hydrated ? undefined : name}
				value={local}
				onChange={(e) => setLocal(e.target.value)}
				aria-invalid={error ? true : undefined}
				aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}
				{...inputProps}
			/>
			{hydrated ? <input type="hidden" name={name} value={localValueToIso(local)} /> : null}
			<ErrorList id={errorId} errors={error} className="field-error" />
		</div>
	)
}
