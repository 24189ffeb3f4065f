import { useEffect, useState } from 'react'

/** True once the page has hydrated: adding and removing rows needs JavaScript, so those buttons wait for it. */
export function useHydrated() {
	const [hydrated, setHydrated] = useState(false)
	useEffect(() => setHydrated(true), [])
	return hydrated
}
