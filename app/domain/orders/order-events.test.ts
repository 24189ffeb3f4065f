import { describe, expect, test } from 'vitest'
import { AUDIT_ACTIONS } from '#app/domain/audit/audit-actions.ts'
import { ORDER_EVENT_LABELS, orderEventLabel, reasonProblem } from './order-events.ts'

describe('order events', () => {
	test('every order event type except exception ones has an order.* audit action', () => {
		for (const type of Object.keys(ORDER_EVENT_LABELS)) {
			const action = type.startsWith('exception_') ? `exception.${type.slice(10)}` : `order.${type}`
			expect(AUDIT_ACTIONS).toContain(action)
		}
	})
	test('unknown types still read as words', () => {
		expect(orderEventLabel('offer_accepted')).toBe('Offer accepted')
		expect(orderEventLabel('something_new')).toBe('something new')
	})
})

describe('reasonProblem', () => {
	test('needs 3..500 characters once trimmed', () => {
		expect(reasonProblem('  ab ')).toBe('Give a reason (at least 3 characters).')
		expect(reasonProblem(null, 'the reason for declining')).toBe(
			'Give the reason for declining (at least 3 characters).',
		)
		expect(reasonProblem('abc')).toBeNull()
		expect(reasonProblem('x'.repeat(500))).toBeNull()
		expect(reasonProblem('x'.repeat(501))).toBe('Keep a reason under 500 characters.')
	})
})
