import { useEffect, useState } from 'react'

const UTC = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })

/** A moment in UTC, the same on the server and in the browser: "1 May 2026, 09:30 UTC". */
export function formatUtc(value: string | Date) {
	return `${UTC.format(new Date(value))} UTC`
}

/** A moment in the browser's own time zone, with the zone's short name. */
export function formatLocal(value: string | Date) {
	// dateStyle/timeStyle cannot be combined with timeZoneName, so the parts are named one by one.
	return new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZoneName: 'short',
	}).format(new Date(value))
}

/** True once the page has hydrated (the first client render matches the server's). */
export function useHydrated() {
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	return hydrated
}

/**
 * A moment shown in the viewer's time zone. The server renders it in UTC (it cannot know the zone);
 * after hydration the browser shows its own.
 */
export function LocalTime({ value }: { value: string | Date | null | undefined }) {
	const hydrated = useHydrated()
	if (!value) return <>—</>
	const iso = new Date(value).toISOString()
	return <time dateTime={iso}>{hydrated ? formatLocal(iso) : formatUtc(iso)}</time>
}
