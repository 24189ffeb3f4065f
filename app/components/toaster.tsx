import { useEffect, useState } from 'react'
import type { Toast } from '#app/utils/toast.server.ts'

/** Shows the flash toast from the root loader; announced politely to screen readers. */
export function Toaster({ toast }: { toast: Toast | null }) {
	const [visible, setVisible] = useState<Toast | null>(toast)
	useEffect(() => {
		setVisible(toast)
		if (!toast) return
		const timer = setTimeout(() => setVisible(null), 8000)
		return () => clearTimeout(timer)
	}, [toast])
	return (
		<div className="toaster" role="status" aria-live="polite">
			{visible ? (
				<div className={`toast ${visible.type}`}>
					{visible.title ? <strong>{visible.title}</strong> : null}
					<div>{visible.description}</div>
				</div>
			) : null}
		</div>
	)
}
