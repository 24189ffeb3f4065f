import { expect, test } from 'vitest'
import { capabilitySetRevision } from './capability-revision.ts'

const row = (id: string, weeklyCapacity: number) => ({ id, weeklyCapacity, pausedAt: null as Date | null })

test('the revision ignores row order and changes with any stored value', () => {
	const a = [row('a', 10), row('b', 20)]
	expect(capabilitySetRevision(a)).toBe(capabilitySetRevision([...a].reverse()))
	expect(capabilitySetRevision(a)).not.toBe(capabilitySetRevision([row('a', 10), row('b', 21)]))
	expect(capabilitySetRevision(a)).not.toBe(capabilitySetRevision([row('a', 10)]))
	expect(capabilitySetRevision([{ ...row('a', 10), pausedAt: new Date('2026-01-01T00:00:00Z') }])).not.toBe(
		capabilitySetRevision([row('a', 10)]),
	)
})
