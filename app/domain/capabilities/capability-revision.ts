import { createHash } from 'node:crypto'
import { canonicalJson } from '#app/domain/audit/canonical-json.ts'

/**
 * A fingerprint of a supplier's stored capability set. The form carries the
 * one it was loaded with; saving the whole set over a different one would
 * silently undo a colleague's concurrent save, so the save is refused instead.
 */
export function capabilitySetRevision<T extends { id: string }>(rows: readonly T[]): string {
	const sorted = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
	return createHash('sha256').update(canonicalJson(sorted)).digest('hex').slice(0, 32)
}
