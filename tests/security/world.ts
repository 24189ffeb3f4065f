// One world for the security tests: a user of every role, two suppliers (A and B) and, for B,
// data of every kind a URL or a form can name (an order with a pending offer, a contract
// proposal, a colleague, an email). Everything B owns that a page shows carries an HTML payload,
// so the same world proves both the scoping and the escaping.
import { desc, eq, sql } from 'drizzle-orm'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { raiseDispute } from '#app/models/scorecard/disputes.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { categories, orderClasses, orderOffers, outboxEmails } from '#db/schema/index.ts'
import { buildTerm, insertContract, referenceIds } from '#tests/factories/contracts.ts'
import { insertUser } from '#tests/factories/users.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	orderInput,
} from '#tests/orders/fixtures.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'

/** Stored input that would run as script if any page put it into the HTML unescaped. */
export const XSS_PAYLOAD = '"><img src=x onerror=alert(1)>'
/** The tag a page would contain if it rendered the payload as markup. */
export const XSS_TAG = '<img src=x onerror=alert(1)>'
/** Stored input that would end the script element that carries the page's data, and start another. */
export const SCRIPT_PAYLOAD = '</script><script>alert(2)</script>'
export const SCRIPT_TAG = '<script>alert(2)</script>'

export const ACTORS = ['anonymous', 'admin', 'buyer', 'supplierA', 'supplierB', 'auditor'] as const
export type Actor = (typeof ACTORS)[number]

export type SecurityWorld = Awaited<ReturnType<typeof createSecurityWorld>>

export async function createSecurityWorld() {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { contractRequired: false, ackDeadlineMinutes: 120 })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	await db
		.update(categories)
		.set({ name: `Category ${XSS_PAYLOAD}` })
		.where(eq(categories.id, category.id))
	await db
		.update(orderClasses)
		.set({ name: `Class ${SCRIPT_PAYLOAD}` })
		.where(eq(orderClasses.id, cls.id))
	// B is faster, so routing offers the order to B; A is capable but never offered it.
	const supplierB = await createCapableSupplier(db, ids, {
		name: `B ${XSS_PAYLOAD}`,
		leadTimeHours: 4,
		term: null,
	})
	const supplierA = await createCapableSupplier(db, ids, {
		name: 'Supplier A',
		leadTimeHours: 48,
		term: null,
	})
	const colleagueOfB = await insertUser(db, {
		role: 'supplier',
		supplierId: supplierB.supplier.id,
		name: `Colleague ${SCRIPT_PAYLOAD}`,
	})
	const [admin, buyer, auditor] = [
		await insertUser(db, { role: 'admin' }),
		await createBuyer(db),
		await insertUser(db, { role: 'auditor' }),
	]

	const placed = await placeOrder(db, {
		actor: buyer,
		input: orderInput(ids, {
			description: `Order ${XSS_PAYLOAD}`,
			neededBy: new Date(Date.now() + 7 * 86_400_000),
		}),
	})
	const [offer] = await db
		.select({ id: orderOffers.id, supplierId: orderOffers.supplierId })
		.from(orderOffers)
		.where(eq(orderOffers.orderId, placed.orderId))
	if (offer?.supplierId !== supplierB.supplier.id) throw new Error('The world order was not offered to B')

	// An open dispute, so the dispute pages render their forms (buyer) and lists (everyone).
	const month = new Date().toISOString().slice(0, 7)
	await raiseDispute(db, {
		actor: supplierB.user,
		supplierId: supplierB.supplier.id,
		orderClassId: cls.id,
		month,
		metric: 'responseRate',
		comment: `Dispute ${XSS_PAYLOAD}`,
	})

	const reference = await referenceIds(db)
	const contract = await insertContract(db, {
		supplierId: supplierB.supplier.id,
		title: `Contract ${XSS_PAYLOAD}`,
		status: 'negotiating',
		versions: [
			{
				status: 'proposed',
				proposedBy: 'buyer',
				proposedAt: new Date(),
				terms: [buildTerm(reference, 'standard', null)],
			},
		],
		bindingVersionIndex: null,
	})
	const [email] = await db
		.select({ id: outboxEmails.id })
		.from(outboxEmails)
		.orderBy(desc(outboxEmails.createdAt))
		.limit(1)
	if (!email) throw new Error('Placing the order queued no email')

	const userIds: Record<Actor, string | null> = {
		anonymous: null,
		admin: admin.id,
		buyer: buyer.id,
		supplierA: supplierA.user.id,
		supplierB: supplierB.user.id,
		auditor: auditor.id,
	}
	const cookies = Object.fromEntries(
		await Promise.all(
			ACTORS.map(async (actor) => {
				const id = userIds[actor]
				return [actor, id ? await sessionCookieFor(id) : null] as const
			}),
		),
	) as Record<Actor, string | null>
	return {
		db,
		category,
		cls,
		supplierA: supplierA.supplier,
		supplierB: supplierB.supplier,
		userOfB: supplierB.user,
		capabilityOfB: supplierB.capabilityId,
		colleagueOfB,
		orderId: placed.orderId,
		orderNumber: placed.number,
		offerId: offer.id,
		contract,
		contractVersionId: contract.versionIds[0]!,
		emailId: email.id,
		month,
		userIds,
		cookies,
	}
}

/**
 * A fingerprint of every table a request could change (all of them but the
 * session bookkeeping), to prove a refused request changed nothing.
 */
export async function snapshotDatabase(): Promise<Record<string, string>> {
	const db = getDb()
	const tables = await db.execute<{ name: string }>(sql`
		select table_name as name from information_schema.tables
		where table_schema = 'public' and table_type = 'BASE TABLE'
			and table_name not in ('sessions', 'login_attempts')
		order by table_name`)
	const entries = await Promise.all(
		tables.map(async ({ name }) => {
			const [row] = await db.execute<{ fingerprint: string }>(
				sql`select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as fingerprint
					from ${sql.identifier(name)} t`,
			)
			return [name, row!.fingerprint] as const
		}),
	)
	return Object.fromEntries(entries)
}
