import { eq } from 'drizzle-orm'
import { expect, test } from 'vitest'
import { assignException, listOpenExceptions, resolveException } from '#app/models/order/exceptions.server.ts'
import { listOrders } from '#app/models/order/list-orders.server.ts'
import { getOrderForBuyer } from '#app/models/order/order-page.server.ts'
import { placeOrder } from '#app/models/order/place-order.server.ts'
import { respondToOffer } from '#app/models/order/respond-to-offer.server.ts'
import { listSupplierInbox } from '#app/models/order/supplier-orders.server.ts'
import { assignManually, editAndReroute } from '#app/models/order/unroutable.server.ts'
import { getDb } from '#app/utils/db.server.ts'
import { orderExceptions } from '#db/schema/index.ts'
import {
	createBuyer,
	createCapableSupplier,
	createCategory,
	createOrderClass,
	eventTypes,
	footprint,
	inHours,
	NOW,
	offersOf,
	orderInput,
	versionOf,
} from './fixtures.ts'

test('unroutable: the buyer assigns a supplier by hand (an override with a reason) and it accepts', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db)
	const ids = { categoryId: category.id, orderClassId: cls.id }
	// Only a supplier in another region: nobody can take an EU-West order.
	const nordic = await createCapableSupplier(db, ids, {
		name: 'Nordic Only',
		regions: ['Nordics'],
		term: { unitPriceMinor: 3_000 },
	})
	const buyer = await createBuyer(db)
	const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
	expect(placed.status).toBe('unroutable')
	expect(placed.warnings).toContain(
		'No supplier can serve Class ' + cls.key + ' orders in this category and region right now.',
	)

	const queue = await listOpenExceptions(db, { limit: 500, now: inHours(1) })
	const mine = queue.find((e) => e.orderId === placed.orderId)!
	expect(mine).toMatchObject({
		kind: 'unroutable',
		orderNumber: placed.number,
		ownerUserId: buyer.id,
		ageSeconds: 3600,
	})

	const page = await getOrderForBuyer(db, { orderId: placed.orderId, viewerId: buyer.id })
	expect(page!.actions).toEqual(['assign_manually', 'edit_and_reroute', 'cancel'])
	const before = await footprint(db, { id: placed.orderId, number: placed.number })
	const assigned = await assignManually(db, {
		actor: buyer,
		orderId: placed.orderId,
		expectedVersion: page!.order.version,
		supplierId: nordic.supplier.id,
		reason: 'They cover EU-West for us this month',
		now: inHours(1),
	})
	expect(assigned.status).toBe('offered')
	const after = await footprint(db, { id: placed.orderId, number: placed.number })
	expect(after.events - before.events).toBe(2) // assigned_manually + exception_resolved
	expect(after.emails).toBeGreaterThan(before.emails)
	const [offer] = await offersOf(db, placed.orderId)
	expect(offer).toMatchObject({
		supplierId: nordic.supplier.id,
		overrideReason: 'They cover EU-West for us this month',
		priceMinor: 30_000,
	})
	const [exception] = await db
		.select()
		.from(orderExceptions)
		.where(eq(orderExceptions.orderId, placed.orderId))
	expect(exception).toMatchObject({
		status: 'resolved',
		resolution: 'Assigned manually to Nordic Only: They cover EU-West for us this month',
	})
	const decision = (await getOrderForBuyer(db, { orderId: placed.orderId }))!.decisions[0]!
	expect(decision).toMatchObject({
		attempt: 2,
		outcome: 'override',
		offeredSupplierIds: [nordic.supplier.id],
	})

	const inbox = await listSupplierInbox(db, { supplierId: nordic.supplier.id, now: inHours(1.5) })
	expect(inbox.map((r) => [r.orderId, r.secondsLeft])).toEqual([[placed.orderId, 30 * 60]])
	await respondToOffer(db, {
		actor: nordic.user,
		supplierId: nordic.supplier.id,
		offerId: offer!.id,
		expectedVersion: await versionOf(db, placed.orderId),
		response: 'accept',
		now: inHours(1.5),
	})
	expect(
		(await listOrders(db, { supplierId: nordic.supplier.id, now: inHours(2) })).rows.map((r) => r.id),
	).toEqual([placed.orderId])
})

test('unroutable: editing the region routes the order again at once', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db)
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const nordic = await createCapableSupplier(db, ids, { name: 'Nordic Two', regions: ['Nordics'] })
	const buyer = await createBuyer(db)
	const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
	const edited = await editAndReroute(db, {
		actor: buyer,
		orderId: placed.orderId,
		expectedVersion: await versionOf(db, placed.orderId),
		region: 'Nordics',
		now: inHours(1),
	})
	expect(edited.status).toBe('offered')
	expect(edited.routing!.offers.map((o) => o.supplierId)).toEqual([nordic.supplier.id])
	expect((await eventTypes(db, placed.orderId)).slice(-4)).toEqual([
		'change_requested',
		'routed',
		'exception_resolved',
		'offered',
	])
})

test('exceptions: a buyer assigns an owner (who is emailed) and resolves it', async () => {
	const db = getDb()
	const category = await createCategory(db)
	const cls = await createOrderClass(db)
	const ids = { categoryId: category.id, orderClassId: cls.id }
	const buyer = await createBuyer(db)
	const placed = await placeOrder(db, { actor: buyer, input: orderInput(ids), now: NOW })
	const [exception] = await db
		.select()
		.from(orderExceptions)
		.where(eq(orderExceptions.orderId, placed.orderId))
	const owner = await createBuyer(db)
	const before = await footprint(db, { id: placed.orderId, number: placed.number })
	await assignException(db, {
		actor: buyer,
		exceptionId: exception!.id,
		ownerUserId: owner.id,
		now: inHours(1),
	})
	expect((await footprint(db, { id: placed.orderId, number: placed.number })).emails).toBe(before.emails + 1)
	const supplierUser = (await createCapableSupplier(db, ids)).user
	await expect(
		assignException(db, {
			actor: buyer,
			exceptionId: exception!.id,
			ownerUserId: supplierUser.id,
			now: inHours(1),
		}),
	).rejects.toMatchObject({ code: 'RULE_VIOLATION', field: 'ownerUserId' })
	await expect(
		resolveException(db, {
			actor: supplierUser,
			exceptionId: exception!.id,
			resolution: 'Done',
			now: inHours(2),
		}),
	).rejects.toMatchObject({ code: 'FORBIDDEN' })
	await resolveException(db, {
		actor: owner,
		exceptionId: exception!.id,
		resolution: 'Order no longer needed',
		now: inHours(2),
	})
	await expect(
		resolveException(db, { actor: owner, exceptionId: exception!.id, resolution: 'Again', now: inHours(2) }),
	).rejects.toMatchObject({ code: 'CONFLICT' })
	expect((await listOpenExceptions(db, { limit: 1000 })).map((e) => e.id)).not.toContain(exception!.id)
	expect((await eventTypes(db, placed.orderId)).slice(-2)).toEqual([
		'exception_assigned',
		'exception_resolved',
	])
})
