import { useNavigation } from '@remix-run/react'
import { type ComponentProps } from 'react'

/**
 * A submit button that is disabled and says "…" while its form is being
 * submitted. With `name`/`value` (an intent button among several), only the
 * button whose value is being submitted shows as pending.
 */
export function StatusButton({
	children,
	pendingText,
	isPending: isPendingProp,
	disabled,
	...props
}: ComponentProps<'button'> & { pendingText?: string; isPending?: boolean }) {
	const navigation = useNavigation()
	const submitting = navigation.state === 'submitting' && navigation.formMethod?.toUpperCase() !== 'GET'
	const matchesThisButton =
		typeof props.name !== 'string' || navigation.formData?.get(props.name) === String(props.value ?? '')
	const isPending = isPendingProp ?? (submitting && matchesThisButton)
	return (
		<button type="submit" {...props} disabled={disabled || isPending} aria-busy={isPending || undefined}>
			{isPending ? (pendingText ?? <>{children}…</>) : children}
		</button>
	)
}
