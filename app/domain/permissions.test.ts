import { describe, expect, test } from 'vitest'
import {
	ACTIONS,
	ENTITIES,
	ROLES,
	can,
	hasPermission,
	isRole,
	parsePermission,
	portalForRole,
	userHasPermission,
} from './permissions.ts'

const everyPair = ACTIONS.flatMap((action) => ENTITIES.map((entity) => [action, entity] as const))

describe('can', () => {
	test('admin can do everything a buyer can, at the same or wider scope', () => {
		for (const [action, entity] of everyPair) {
			if (can('buyer', action, entity)) expect(can('admin', action, entity), `${action}:${entity}`).toBe(true)
			if (can('buyer', action, entity, 'any')) expect(can('admin', action, entity, 'any')).toBe(true)
		}
	})

	test('only admin administers users and invitations', () => {
		for (const role of ROLES) {
			for (const action of ACTIONS) {
				expect(can(role, action, 'user')).toBe(role === 'admin')
				expect(can(role, action, 'invitation')).toBe(role === 'admin')
			}
		}
	})

	test('auditor is read-only', () => {
		for (const [action, entity] of everyPair) {
			if (action !== 'read') expect(can('auditor', action, entity), `${action}:${entity}`).toBe(false)
		}
		expect(can('auditor', 'read', 'scorecard', 'any')).toBe(true)
		expect(can('auditor', 'read', 'audit_event', 'any')).toBe(true)
	})

	test('supplier never reaches supplier-scoped data beyond its own', () => {
		const supplierScoped = ['supplier', 'capability', 'contract', 'order', 'offer', 'scorecard'] as const
		for (const entity of supplierScoped) {
			for (const action of ACTIONS) expect(can('supplier', action, entity, 'any')).toBe(false)
		}
		expect(can('supplier', 'read', 'order', 'own')).toBe(true)
		expect(can('supplier', 'update', 'offer')).toBe(true)
		expect(can('supplier', 'create', 'order')).toBe(false)
		expect(can('supplier', 'read', 'audit_event')).toBe(false)
	})

	test('an any grant satisfies an own request; an own grant does not satisfy any', () => {
		expect(can('buyer', 'update', 'contract', 'own')).toBe(true)
		expect(can('supplier', 'update', 'contract', 'own')).toBe(true)
		expect(can('supplier', 'update', 'contract', 'any')).toBe(false)
	})
})

describe('permission strings', () => {
	test('parse into action, entity and optional access', () => {
		expect(parsePermission('update:contract:own')).toEqual({
			action: 'update',
			entity: 'contract',
			access: 'own',
		})
		expect(parsePermission('read:scorecard')).toEqual({ action: 'read', entity: 'scorecard' })
	})

	test('resolve through the matrix', () => {
		expect(hasPermission('admin', 'create:invitation:any')).toBe(true)
		expect(hasPermission('buyer', 'create:invitation')).toBe(false)
		expect(hasPermission('supplier', 'read:order:own')).toBe(true)
		expect(hasPermission('supplier', 'read:order:any')).toBe(false)
		expect(userHasPermission(null, 'read:order')).toBe(false)
		expect(userHasPermission({ role: 'auditor' }, 'read:order:any')).toBe(true)
	})
})

test('each role has its portal', () => {
	expect(ROLES.map(portalForRole)).toEqual(['/admin', '/buyer', '/supplier', '/audit'])
})

test('isRole accepts only known roles', () => {
	expect(isRole('buyer')).toBe(true)
	expect(isRole('root')).toBe(false)
	expect(isRole(undefined)).toBe(false)
})
