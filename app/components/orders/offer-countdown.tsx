import { useEffect, useState } from 'react'
import { formatLocal, formatUtc } from './local-time.tsx'

/** Seconds as "mm:ss", or "h:mm:ss" from an hour up. */
export function formatCountdown(seconds: number) {
	const s = Math.max(0, Math.floor(seconds))
	const pad = (n: number) => String(n).padStart(2, '0')
	const hours = Math.floor(s / 3600)
	const minutes = Math.floor((s % 3600) / 60)
	return hours > 0 ? `${hours}:${pad(minutes)}:${pad(s % 60)}` : `${pad(minutes)}:${pad(s % 60)}`
}

/** The current time, ticking every second in the browser; null on the server and before hydration. */
function useNow() {
	const [now, setNow] = useState<number | null>(null)
	useEffect(() => {
		setNow(Date.now())
		const timer = window.setInterval(() => setNow(Date.now()), 1000)
		return () => window.clearInterval(timer)
	}, [])
	return now
}

/**
 * Time left to answer an offer. The server renders the absolute deadline; the browser then counts down
 * every second. The ticking text is not announced (a timer's live region is off); its accessible name
 * gives the deadline, which does not change.
 */
export function OfferCountdown({ expiresAt }: { expiresAt: string | Date }) {
	const now = useNow()
	const deadline = new Date(expiresAt)
	const absolute = now === null ? formatUtc(deadline) : formatLocal(deadline)
	const left = now === null ? null : Math.ceil((deadline.getTime() - now) / 1000)
	const expired = left !== null && left <= 0
	return (
		<span
			role="timer"
			aria-live="off"
			aria-label={expired ? `Expired at ${absolute}` : `Answer by ${absolute}`}
			className={expired ? 'countdown expired' : left !== null && left < 300 ? 'countdown soon' : 'countdown'}
		>
			{left === null ? (
				<>by {absolute}</>
			) : expired ? (
				'Expired'
			) : (
				<>
					<span className="countdown-clock">{formatCountdown(left)}</span> left
				</>
			)}
		</span>
	)
}
