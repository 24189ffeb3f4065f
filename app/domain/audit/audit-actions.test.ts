import { expect, test } from 'vitest'
import { AUDIT_ACTIONS, isAuditAction } from './audit-actions.ts'

test('actions are unique and named <entity>.<verb> in snake_case', () => {
	expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length)
	for (const action of AUDIT_ACTIONS) expect(action).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/)
})

test('isAuditAction accepts known actions only', () => {
	expect(isAuditAction('supplier.created')).toBe(true)
	expect(isAuditAction('supplier.deleted')).toBe(false)
	expect(isAuditAction('toString')).toBe(false)
})
