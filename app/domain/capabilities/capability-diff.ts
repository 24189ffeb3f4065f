import { type CapacityUnit } from './capability-rules.ts'

/** The declared terms of a capability, the part a supplier edits. */
export type CapabilityTerms = {
	weeklyCapacity: number
	capacityUnit: CapacityUnit
	leadTimeHours: number
	regions: string[]
	available24x7: boolean
	exceptionNote: string | null
}

export type StoredCapability = CapabilityTerms & {
	id: string
	categoryId: string
	orderClassId: string
	pausedAt: Date | null
}

/** One row of a submitted declaration set; `id` is null for a row added in this submission. */
export type DeclaredCapability = CapabilityTerms & {
	id: string | null
	categoryId: string
	orderClassId: string
	paused: boolean
}

export type CapabilityUpdate = {
	id: string
	before: StoredCapability
	/** The terms after the save (identical to before when only the pause state moves). */
	terms: CapabilityTerms
	termsChanged: boolean
	pause: 'paused' | 'resumed' | null
}

export type CapabilitySetDiff = {
	creates: DeclaredCapability[]
	updates: CapabilityUpdate[]
	removes: StoredCapability[]
}

export type CapabilitySetProblem =
	/** A row id that is not one of this supplier's capabilities (another supplier's, or made up). */
	| { kind: 'unknown-id'; index: number; id: string }
	/** A saved row's (category, class) is its identity; a different pair is a new row. */
	| { kind: 'pair-changed'; index: number; id: string }
	| { kind: 'repeated-id'; index: number; id: string }
	/** A new row for a pair a saved row still holds (saved meanwhile, e.g. in another tab). */
	| { kind: 'pair-taken'; index: number; id: string }

const TERM_KEYS = [
	'weeklyCapacity',
	'capacityUnit',
	'leadTimeHours',
	'regions',
	'available24x7',
	'exceptionNote',
] as const satisfies ReadonlyArray<keyof CapabilityTerms>

function sameTerms(a: CapabilityTerms, b: CapabilityTerms): boolean {
	return TERM_KEYS.every((key) => {
		if (key === 'regions') {
			const [x, y] = [[...a.regions].sort(), [...b.regions].sort()]
			return x.length === y.length && x.every((r, i) => r === y[i])
		}
		return a[key] === b[key]
	})
}

export function termsOf(row: CapabilityTerms): CapabilityTerms {
	return {
		weeklyCapacity: row.weeklyCapacity,
		capacityUnit: row.capacityUnit,
		leadTimeHours: row.leadTimeHours,
		regions: [...row.regions],
		available24x7: row.available24x7,
		exceptionNote: row.exceptionNote,
	}
}

/**
 * What saving `declared` as the supplier's whole declaration set changes in
 * `stored`: rows without an id are created, stored rows missing from the
 * submission are removed, and rows that differ are updated. Unchanged rows
 * appear nowhere, so they write nothing and leave no audit event.
 */
export function diffCapabilitySet(
	stored: readonly StoredCapability[],
	declared: readonly DeclaredCapability[],
): { ok: true; diff: CapabilitySetDiff } | { ok: false; problem: CapabilitySetProblem } {
	const byId = new Map(stored.map((row) => [row.id, row]))
	const kept = new Set<string>()
	const diff: CapabilitySetDiff = { creates: [], updates: [], removes: [] }

	for (const [index, row] of declared.entries()) {
		if (row.id === null) {
			diff.creates.push(row)
			continue
		}
		const before = byId.get(row.id)
		if (!before) return { ok: false, problem: { kind: 'unknown-id', index, id: row.id } }
		if (kept.has(row.id)) return { ok: false, problem: { kind: 'repeated-id', index, id: row.id } }
		kept.add(row.id)
		if (before.categoryId !== row.categoryId || before.orderClassId !== row.orderClassId)
			return { ok: false, problem: { kind: 'pair-changed', index, id: row.id } }

		const termsChanged = !sameTerms(before, row)
		const wasPaused = before.pausedAt !== null
		const pause = row.paused === wasPaused ? null : row.paused ? 'paused' : 'resumed'
		if (termsChanged || pause)
			diff.updates.push({ id: row.id, before, terms: termsOf(row), termsChanged, pause })
	}
	diff.removes = stored.filter((row) => !kept.has(row.id))
	// A removed row frees its pair for a new row in the same save; a kept one does not.
	for (const [index, row] of declared.entries()) {
		if (row.id !== null) continue
		const holder = stored.find(
			(s) => kept.has(s.id) && s.categoryId === row.categoryId && s.orderClassId === row.orderClassId,
		)
		if (holder) return { ok: false, problem: { kind: 'pair-taken', index, id: holder.id } }
	}
	return { ok: true, diff }
}

/** True when saving would change nothing. */
export function isEmptyDiff(diff: CapabilitySetDiff): boolean {
	return diff.creates.length + diff.updates.length + diff.removes.length === 0
}
