import { and, eq, isNull } from 'drizzle-orm'
import { formatMoney } from '#app/domain/pricing/money.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { runPrepared } from '#app/utils/prepared-statements.server.ts'
import { type OrderFacts } from '#emails/order-email-parts.tsx'
import { type ClassPolicy } from './candidates.server.ts'
import { type OrderRow } from './order-row.server.ts'

const { users } = schema

export type Recipient = { name: string; email: string }

/** Links in emails point at the app; APP_URL in production, the dev server otherwise. */
export function orderUrl(side: 'buyer' | 'supplier', orderId: string) {
	const base = (process.env.APP_URL || 'http://localhost:3000').replace(/\/+$/, '')
	return `${base}/${side}/orders/${orderId}`
}

export function formatPrice(minor: number | null | undefined, currency: string) {
	return minor === null || minor === undefined ? null : formatMoney(minor, currency)
}

export function factsOf(order: OrderRow, context: { className: string; categoryName: string }): OrderFacts {
	return {
		orderNumber: order.number,
		className: context.className,
		categoryName: context.categoryName,
		quantity: order.quantity,
		unit: order.unit,
		region: order.region,
		neededBy: order.neededBy,
	}
}

export function isEmergency(policy: Pick<ClassPolicy, 'requires24x7' | 'classKey'>) {
	return policy.requires24x7 || policy.classKey === 'emergency'
}

/**
 * Who hears about an order on the supplier side: the organisation's active
 * users, or its contact address when it has none yet. One query for all suppliers.
 */
// A fixed text: every offer reads it, and drizzle's builder cost more Node CPU than the query.
const SUPPLIER_RECIPIENTS = `
	select s.id as "supplierId", s.name as "supplierName", s.contact_email as "contactEmail",
		u.name as "userName", u.email as "userEmail"
	from suppliers s
	left join users u on u.supplier_id = s.id and u.disabled_at is null
	where s.id = any($1::uuid[])`

export async function supplierRecipients(db: Executor, supplierIds: readonly string[]) {
	const bySupplier = new Map<string, { supplierName: string; recipients: Recipient[] }>()
	if (supplierIds.length === 0) return bySupplier
	const rows = await runPrepared<{
		supplierId: string
		supplierName: string
		contactEmail: string | null
		userName: string | null
		userEmail: string | null
	}>(db, SUPPLIER_RECIPIENTS, [supplierIds])
	for (const row of rows) {
		const entry = bySupplier.get(row.supplierId) ?? { supplierName: row.supplierName, recipients: [] }
		if (row.userEmail) entry.recipients.push({ name: row.userName ?? row.userEmail, email: row.userEmail })
		bySupplier.set(row.supplierId, entry)
	}
	for (const [supplierId, entry] of bySupplier) {
		const contact = rows.find((r) => r.supplierId === supplierId)?.contactEmail
		if (entry.recipients.length === 0 && contact)
			entry.recipients.push({ name: entry.supplierName, email: contact })
	}
	return bySupplier
}

/** A buyer to tell (the one who placed the order, an exception's owner); null if gone or disabled. */
export async function userRecipient(db: Executor, userId: string | null): Promise<Recipient | null> {
	if (!userId) return null
	const [row] = await db
		.select({ name: users.name, email: users.email })
		.from(users)
		.where(and(eq(users.id, userId), isNull(users.disabledAt)))
		.prepare('user_recipient')
		.execute()
	return row ?? null
}
