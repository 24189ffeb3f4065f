import { expect, test } from 'vitest'
import { parseOperationsQuery, UNKNOWN_CLASS_MESSAGE } from './query.ts'

const parse = (search: string) => parseOperationsQuery(new URLSearchParams(search))
const CLASS_ID = '0b6c7f1e-4a52-4c3e-9d2a-1f2e3d4c5b6a'

test('30 days and all classes unless the address says otherwise', () => {
	expect(parse('')).toEqual({ days: 30, orderClassId: null, messages: [] })
	expect(parse(`days=90&orderClassId=${CLASS_ID}`)).toEqual({
		days: 90,
		orderClassId: CLASS_ID,
		messages: [],
	})
	expect(parse('days=&orderClassId=')).toEqual({ days: 30, orderClassId: null, messages: [] })
})

test('an unreadable value is ignored with a message, never an error', () => {
	const bad = parse('days=45&orderClassId=standard')
	expect(bad.days).toBe(30)
	expect(bad.orderClassId).toBeNull()
	expect(bad.messages).toEqual([
		'“45” is not a period this page shows (30 or 90 days), so the last 30 days are shown.',
		UNKNOWN_CLASS_MESSAGE,
	])
	expect(parse(`days=${'9'.repeat(40)}`).messages[0]).toContain('…')
})
