import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	allowedStatusTransitions,
	canChangeStatus,
	reasonProblem,
	statusChangeProblems,
	STATUS_REASON_MAX,
	STATUS_REASON_MIN,
	SUPPLIER_STATUSES,
	type SupplierStatus,
} from './supplier-status.ts'

const status = fc.constantFrom(...SUPPLIER_STATUSES)
const goodReason = fc
	.string({ minLength: STATUS_REASON_MIN, maxLength: STATUS_REASON_MAX })
	.filter((s) => reasonProblem(s) === null)

describe('status transitions', () => {
	test.each<[SupplierStatus, SupplierStatus[]]>([
		['invited', ['active', 'blocked']],
		['active', ['on_hold', 'blocked']],
		['on_hold', ['active', 'blocked']],
		['blocked', ['active', 'on_hold']],
	])('from %s a supplier may become %j', (from, to) => {
		expect(allowedStatusTransitions(from)).toEqual(to)
	})

	test('nothing goes back to invited, and no status moves to itself', () => {
		fc.assert(
			fc.property(status, (from) => {
				expect(canChangeStatus(from, 'invited')).toBe(false)
				expect(canChangeStatus(from, from)).toBe(false)
			}),
		)
	})

	test('an allowed move with a good reason has no problems; a disallowed one names the target field', () => {
		fc.assert(
			fc.property(status, status, goodReason, (from, to, reason) => {
				const problems = statusChangeProblems({ from, to, reason })
				if (canChangeStatus(from, to)) expect(problems).toEqual([])
				else expect(problems.map((p) => p.field)).toEqual(['toStatus'])
			}),
		)
	})

	test('the messages say what is allowed instead', () => {
		expect(statusChangeProblems({ from: 'invited', to: 'on_hold', reason: 'Late paperwork' })).toEqual([
			{ field: 'toStatus', message: 'A supplier that is invited can only become active or blocked.' },
		])
		expect(statusChangeProblems({ from: 'active', to: 'active', reason: 'Late paperwork' })).toEqual([
			{ field: 'toStatus', message: 'The supplier is already active.' },
		])
	})
})

describe('reason', () => {
	test('is required, trimmed, and between the limits', () => {
		expect(reasonProblem('')).toBe('Give a reason for the change.')
		expect(reasonProblem('    ')).toBe('Give a reason for the change.')
		expect(reasonProblem(' abcd ')).toBe('Give a reason of at least 5 characters.')
		expect(reasonProblem('abcde')).toBeNull()
		expect(reasonProblem('x'.repeat(500))).toBeNull()
		expect(reasonProblem('x'.repeat(501))).toBe('Keep the reason to at most 500 characters.')
	})

	test('length counts characters, not UTF-16 units: five emoji are five characters', () => {
		expect(reasonProblem('🚚🚚🚚🚚🚚')).toBeNull()
		expect(reasonProblem('🚚'.repeat(500))).toBeNull()
	})

	test('any trimmed length outside 5..500 is refused, inside accepted', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 600 }), (raw) => {
				const length = raw.trim().length
				expect(reasonProblem(raw) === null).toBe(length >= STATUS_REASON_MIN && length <= STATUS_REASON_MAX)
			}),
		)
	})

	test('a missing reason is reported together with a disallowed move', () => {
		expect(statusChangeProblems({ from: 'invited', to: 'on_hold', reason: '' }).map((p) => p.field)).toEqual([
			'toStatus',
			'reason',
		])
	})
})
