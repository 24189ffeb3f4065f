export type ListOfErrors = ReadonlyArray<string | null | undefined> | string | null | undefined

/** Messages for one field or the whole form; renders nothing when there are none. */
export function ErrorList({
	id,
	errors,
	className,
}: {
	id?: string
	errors?: ListOfErrors
	className?: string
}) {
	const messages = (typeof errors === 'string' ? [errors] : (errors ?? [])).filter(
		(e): e is string => typeof e === 'string' && e.length > 0,
	)
	if (messages.length === 0) return null
	return (
		<ul id={id} className={className ?? 'error-list'}>
			{messages.map((message) => (
				<li key={message}>{message}</li>
			))}
		</ul>
	)
}

/** The form-level error (`errors.root`), announced to screen readers when it appears. */
export function FormError({ message }: { message?: string | null }) {
	if (!message) return null
	return (
		<div className="form-error" role="alert">
			{message}
		</div>
	)
}
