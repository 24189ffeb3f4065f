// Helpers for the order class and category tests: own rows with unique keys, form bodies, audit lookups.
import { randomUUID } from 'node:crypto'
import { and, asc, eq } from 'drizzle-orm'
import { type PolicyValues } from '#app/domain/order-classes/policy-rules.ts'
import { type Role } from '#app/domain/permissions.ts'
import { createOrderClass } from '#app/models/order-class/create-order-class.server.ts'
import { policyFormValues } from '#app/schemas/order-class.ts'
import { getDb } from '#app/utils/db.server.ts'
import { auditEvents, orderClassPolicies } from '#db/schema/index.ts'
import { insertUser } from '#tests/factories/users.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'
import { chainAuditEvents } from '#app/models/audit-event.server.ts'

export const BALANCED_POLICY: PolicyValues = {
	ackDeadlineMinutes: 1440,
	deliveryTargetHours: 120,
	minQuantity: null,
	approvalThresholdMinor: 5_000_000,
	currency: 'EUR',
	justificationRequired: false,
	contractRequired: true,
	requires24x7: false,
	routingMode: 'cascade',
	broadcastCount: 1,
	weightPrice: 30,
	weightSpeed: 20,
	weightReliability: 30,
	weightCapacity: 20,
}

export function uniqueKey(label = 'class') {
	return `${label}-${randomUUID().slice(0, 8)}`
}

export async function buyerWithCookie(
	name = `Bea ${randomUUID().slice(0, 6)}`,
	role: 'buyer' | 'admin' = 'buyer',
) {
	const user = await insertUser(getDb(), { role, name })
	return { user, cookie: await sessionCookieFor(user.id) }
}

/** A class of this test's own, created through the model by `actor`. */
export async function insertOrderClass(
	actor: { id: string; role: Role },
	{ key = uniqueKey(), policy = BALANCED_POLICY }: { key?: string; policy?: PolicyValues } = {},
) {
	return createOrderClass(getDb(), {
		actor,
		values: { key, name: `Class ${key}`, description: 'Made by a test', priorityRank: 50, policy },
	})
}

/** The class page's policy form as a browser without JavaScript would post it. */
export function policyForm(
	policy: PolicyValues,
	{
		basedOnVersion,
		changeNote = 'Test change',
		...overrides
	}: { basedOnVersion: number; changeNote?: string; [field: string]: string | number | undefined },
): Record<string, string> {
	const form: Record<string, string> = {
		intent: 'policy',
		basedOnVersion: String(basedOnVersion),
		changeNote,
	}
	for (const [key, value] of Object.entries(policyFormValues(policy))) {
		// Unticked checkboxes are simply absent from a browser's form.
		if (value === true) form[key] = 'on'
		else if (typeof value === 'string') form[key] = value
	}
	for (const [key, value] of Object.entries(overrides)) if (value !== undefined) form[key] = String(value)
	return form
}

export async function policyRows(orderClassId: string) {
	return getDb()
		.select()
		.from(orderClassPolicies)
		.where(eq(orderClassPolicies.orderClassId, orderClassId))
		.orderBy(asc(orderClassPolicies.version))
}

export async function auditFor(entityId: string, action?: string) {
	await chainAuditEvents(getDb())
	return getDb()
		.select()
		.from(auditEvents)
		.where(and(eq(auditEvents.entityId, entityId), action ? eq(auditEvents.action, action) : undefined))
		.orderBy(asc(auditEvents.seq))
}
