// Set-up for the order route tests: a class and category of the test's own (so the candidates are
// exactly the suppliers created here), two capable suppliers, two buyers; orders placed at the real
// clock, since the routes read it.
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	orderInput,
} from '#tests/orders/fixtures.ts'
import { buildRequest, callRoute } from '#tests/utils/route.ts'
import { sessionCookieFor } from '#tests/utils/session.ts'

export const MISSING = '00000000-0000-4000-8000-999999999999'

export type OrderWorld = Awaited<ReturnType<typeof createOrderWorld>>

/**
 * Cascade routing without a contract requirement (so no contract period has to cover today):
 * "Alder" is faster and wins; "Birch" is a capable supplier that never gets the offer.
 */
export async function createOrderWorld({ minQuantity = null }: { minQuantity?: number | null } = {}) {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db, { contractRequired: false, minQuantity, ackDeadlineMinutes: 120 })
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const alder = await createCapableSupplier(db, ids, {
		name: `Alder ${category.key}`,
		leadTimeHours: 4,
		term: null,
	})
	const birch = await createCapableSupplier(db, ids, {
		name: `Birch ${category.key}`,
		leadTimeHours: 48,
		term: null,
	})
	const [buyer, reviewer] = [await createBuyer(db), await createBuyer(db)]
	const cookies = {
		buyer: await sessionCookieFor(buyer.id),
		reviewer: await sessionCookieFor(reviewer.id),
		alder: await sessionCookieFor(alder.user.id),
		birch: await sessionCookieFor(birch.user.id),
	}
	return { db, category, cls, ids, alder, birch, buyer, reviewer, cookies }
}

/** An order placed now by the world's buyer, needed in a week: offered to Alder. */
export async function placeWorldOrder(w: OrderWorld, overrides: Record<string, unknown> = {}) {
	const now = new Date()
	return placeOrder(w.db, {
		actor: w.buyer,
		input: orderInput(w.ids, { neededBy: new Date(now.getTime() + 7 * 86_400_000), ...overrides }),
		now,
	})
}

/** The intake form as a browser without JavaScript posts it. */
export function intakeForm(w: OrderWorld, overrides: Record<string, string> = {}) {
	const neededBy = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 16)
	return {
		orderClassId: w.cls.id,
		categoryId: w.category.id,
		quantity: '12',
		unit: 'payslips',
		description: 'Payroll run for the Porto office',
		neededBy,
		region: 'EU-West',
		preferredSupplierId: '',
		justification: '',
		...overrides,
	}
}

/** POSTs to a route's action as the browser would, with a session cookie. */
export function post(
	fn: Parameters<typeof callRoute>[0],
	path: string,
	cookie: string,
	init: { form?: Record<string, string>; body?: BodyInit; headers?: Record<string, string> },
	params: Record<string, string> = {},
) {
	return callRoute(fn, buildRequest(path, { method: 'POST', cookie, ...init }), { params })
}
