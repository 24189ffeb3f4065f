// Who may do what, as data. No dependencies: server guards and client UI gating share it.

export const ROLES = ['admin', 'buyer', 'supplier', 'auditor'] as const
export type Role = (typeof ROLES)[number]

export const ACTIONS = ['create', 'read', 'update', 'delete'] as const
export type Action = (typeof ACTIONS)[number]

export const ENTITIES = [
	'user',
	'invitation',
	'supplier',
	'capability',
	'category',
	'order_class',
	'contract',
	'order',
	'offer',
	'exception',
	'scorecard',
	'audit_event',
	'outbox_email',
] as const
export type Entity = (typeof ENTITIES)[number]

/** `own`: only rows of the user's own supplier organisation; `any`: every row. */
export type Access = 'own' | 'any'

export type PermissionString = `${Action}:${Entity}` | `${Action}:${Entity}:${Access}`

type Grants = Partial<Record<Action, Access>>
type RoleMatrix = Partial<Record<Entity, Grants>>

const CRUD_ANY: Grants = { create: 'any', read: 'any', update: 'any', delete: 'any' }
const READ_ANY: Grants = { read: 'any' }

const BUYER: RoleMatrix = {
	supplier: CRUD_ANY,
	capability: READ_ANY,
	category: CRUD_ANY,
	order_class: CRUD_ANY,
	contract: CRUD_ANY,
	order: CRUD_ANY,
	// Buyers withdraw offers and resolve exceptions; they never create offers by hand (the router does).
	offer: { read: 'any', update: 'any' },
	exception: { read: 'any', update: 'any' },
	scorecard: READ_ANY,
}

const MATRIX: Record<Role, RoleMatrix> = {
	buyer: BUYER,
	// Everything a buyer can, plus user administration, scorecard weights/standings and the mailbox.
	admin: {
		...BUYER,
		user: CRUD_ANY,
		invitation: CRUD_ANY,
		scorecard: { read: 'any', update: 'any' },
		audit_event: READ_ANY,
		outbox_email: READ_ANY,
	},
	// Supplier users only ever reach their own organisation's rows.
	supplier: {
		supplier: { read: 'own', update: 'own' },
		capability: { create: 'own', read: 'own', update: 'own', delete: 'own' },
		category: READ_ANY,
		order_class: READ_ANY,
		contract: { read: 'own', update: 'own' },
		order: { read: 'own', update: 'own' },
		offer: { read: 'own', update: 'own' },
		scorecard: { read: 'own' },
	},
	auditor: {
		supplier: READ_ANY,
		capability: READ_ANY,
		category: READ_ANY,
		order_class: READ_ANY,
		contract: READ_ANY,
		order: READ_ANY,
		offer: READ_ANY,
		exception: READ_ANY,
		scorecard: READ_ANY,
		audit_event: READ_ANY,
	},
}

/**
 * Whether `role` may perform `action` on `entity`. Without `access`, any grant
 * counts; with `'own'`, an `'any'` grant also satisfies it; with `'any'`, only
 * an `'any'` grant does.
 */
export function can(role: Role, action: Action, entity: Entity, access?: Access): boolean {
	const granted = MATRIX[role][entity]?.[action]
	if (!granted) return false
	if (access === 'any') return granted === 'any'
	return true
}

/** The scope `role` has for `action` on `entity`, or null when it has none. */
export function accessFor(role: Role, action: Action, entity: Entity): Access | null {
	return MATRIX[role][entity]?.[action] ?? null
}

export function parsePermission(permission: PermissionString): {
	action: Action
	entity: Entity
	access?: Access
} {
	const [action, entity, access] = permission.split(':') as [Action, Entity, Access | undefined]
	return access ? { action, entity, access } : { action, entity }
}

export function hasPermission(role: Role, permission: PermissionString): boolean {
	const { action, entity, access } = parsePermission(permission)
	return can(role, action, entity, access)
}

/** For hiding UI only; the server guard is the check that counts. */
export function userHasPermission(
	user: { role: Role } | null | undefined,
	permission: PermissionString,
): boolean {
	return user ? hasPermission(user.role, permission) : false
}

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value)
}

const PORTALS = {
	admin: '/admin',
	buyer: '/buyer',
	supplier: '/supplier',
	auditor: '/audit',
} as const satisfies Record<Role, string>

export type Portal = (typeof PORTALS)[Role]

export function portalForRole(role: Role): Portal {
	return PORTALS[role]
}

export const ROLE_LABELS: Record<Role, string> = {
	admin: 'Admin',
	buyer: 'Buyer',
	supplier: 'Supplier',
	auditor: 'Auditor',
}
