import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	diffCapabilitySet,
	isEmptyDiff,
	type DeclaredCapability,
	type StoredCapability,
} from './capability-diff.ts'

const terms = {
	weeklyCapacity: 100,
	capacityUnit: 'units' as const,
	leadTimeHours: 24,
	regions: ['EU-West', 'EU-Central'],
	available24x7: false,
	exceptionNote: null,
}

function stored(id: string, overrides: Partial<StoredCapability> = {}): StoredCapability {
	return { id, categoryId: `cat-${id}`, orderClassId: 'standard', pausedAt: null, ...terms, ...overrides }
}

function declared(row: StoredCapability, overrides: Partial<DeclaredCapability> = {}): DeclaredCapability {
	const { pausedAt, ...rest } = row
	return { ...rest, paused: pausedAt !== null, ...overrides }
}

describe('saving a declaration set', () => {
	test('submitting the stored rows unchanged changes nothing', () => {
		const rows = [stored('a'), stored('b', { pausedAt: new Date(0) })]
		// Region order is not a change.
		const result = diffCapabilitySet(rows, [
			declared(rows[0]!, { regions: ['EU-Central', 'EU-West'] }),
			declared(rows[1]!),
		])
		expect(result.ok && isEmptyDiff(result.diff)).toBe(true)
	})

	test('new rows are created, missing rows removed, changed rows updated', () => {
		const [a, b, c] = [stored('a'), stored('b'), stored('c')]
		const added = { ...declared(stored('new')), id: null }
		const result = diffCapabilitySet([a, b, c], [declared(a, { weeklyCapacity: 150 }), declared(c), added])
		expect(result).toMatchObject({
			ok: true,
			diff: {
				creates: [added],
				updates: [{ id: 'a', termsChanged: true, pause: null, terms: { weeklyCapacity: 150 } }],
				removes: [b],
			},
		})
	})

	test('pausing and resuming are told apart from other edits', () => {
		const [a, b] = [stored('a'), stored('b', { pausedAt: new Date(0) })]
		const result = diffCapabilitySet(
			[a, b],
			[declared(a, { paused: true }), declared(b, { paused: false, leadTimeHours: 12 })],
		)
		expect(result).toMatchObject({
			ok: true,
			diff: {
				updates: [
					{ id: 'a', termsChanged: false, pause: 'paused' },
					{ id: 'b', termsChanged: true, pause: 'resumed' },
				],
			},
		})
	})

	test('an id that is not among the stored rows is refused', () => {
		const result = diffCapabilitySet([stored('a')], [declared(stored('someone-elses'))])
		expect(result).toEqual({ ok: false, problem: { kind: 'unknown-id', index: 0, id: 'someone-elses' } })
	})

	test('a saved row keeps its (category, class) and appears once', () => {
		const a = stored('a')
		expect(diffCapabilitySet([a], [declared(a, { orderClassId: 'bulk' })])).toMatchObject({
			ok: false,
			problem: { kind: 'pair-changed', index: 0 },
		})
		expect(diffCapabilitySet([a], [declared(a), declared(a)])).toMatchObject({
			ok: false,
			problem: { kind: 'repeated-id', index: 1 },
		})
	})

	test('a new row may take the pair of a row removed in the same save, not of one that stays', () => {
		const a = stored('a')
		const again = { ...declared(a), id: null, weeklyCapacity: 300 }
		expect(diffCapabilitySet([a], [again])).toMatchObject({
			ok: true,
			diff: { creates: [again], removes: [a] },
		})
		expect(diffCapabilitySet([a], [declared(a), again])).toEqual({
			ok: false,
			problem: { kind: 'pair-taken', index: 1, id: 'a' },
		})
	})

	test('property: every stored row is kept, updated or removed exactly once', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.integer({ min: 0, max: 30 }), { maxLength: 12 }),
				fc.func(fc.constantFrom('keep', 'edit', 'pause', 'drop')),
				fc.nat({ max: 4 }),
				(ids, fate, newRows) => {
					const rows = ids.map((n) => stored(`r${n}`))
					const submitted = rows.flatMap((row, i) => {
						const f = fate(i)
						if (f === 'drop') return []
						if (f === 'edit') return [declared(row, { leadTimeHours: 48 })]
						if (f === 'pause') return [declared(row, { paused: true })]
						return [declared(row)]
					})
					for (let i = 0; i < newRows; i++) submitted.push({ ...declared(stored(`n${i}`)), id: null })
					const result = diffCapabilitySet(rows, submitted)
					if (!result.ok) throw new Error('unexpected problem')
					const { creates, updates, removes } = result.diff
					expect(creates).toHaveLength(newRows)
					expect(updates.length + removes.length).toBe(rows.filter((_, i) => fate(i) !== 'keep').length)
					const touched = [...updates.map((u) => u.id), ...removes.map((r) => r.id)]
					expect(new Set(touched).size).toBe(touched.length)
				},
			),
		)
	})
})
