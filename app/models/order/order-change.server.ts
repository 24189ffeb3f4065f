import { createElement, type ReactElement } from 'react'
import { type Executor, type Transaction } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'
import { getOrderStatusUpdateSubject, OrderStatusUpdateEmail } from '#emails/order-status-update.tsx'
import { orderUrl, type Recipient, supplierRecipients, userRecipient } from './order-emails.server.ts'
import {
	actorRef,
	type ActorRef,
	createJournal,
	flushJournal,
	type Journal,
	queueEmail,
} from './order-journal.server.ts'
import {
	lockOrder,
	type OrderChanges,
	type OrderRow,
	type OrderScope,
	saveOrder,
} from './order-row.server.ts'

export type ChangeContext = {
	tx: Transaction
	journal: Journal
	/** The order as read (locked); `working` is the copy whose status transitions move. */
	order: OrderRow
	working: OrderRow
	who: ActorRef
	now: Date
}

export type ChangeResult = { orderId: string; status: OrderRow['status']; version: number }

/**
 * The frame of every lifecycle change on an existing order: one transaction
 * that locks the order (scoped to the supplier on the supplier side), refuses a
 * stale version, lets `work` make its change, saves the order with a bumped
 * version and writes the events, emails and audit events it collected.
 */
export async function changeOrder(
	db: Executor,
	{
		actor,
		orderId,
		expectedVersion,
		scope = null,
		now,
	}: { actor: SessionUser; orderId: string; expectedVersion: number; scope?: OrderScope; now: Date },
	work: (c: ChangeContext) => Promise<OrderChanges | void>,
): Promise<ChangeResult> {
	const who = actorRef(actor)
	return db.transaction(async (tx) => {
		const order = await lockOrder(tx, { orderId, expectedVersion, scope })
		const journal = createJournal()
		const working = { ...order }
		const changes = (await work({ tx, journal, order, working, who, now })) ?? {}
		const version = await saveOrder(tx, order, { ...changes, status: working.status }, now)
		await flushJournal(tx, journal)
		return { orderId: order.id, status: working.status, version }
	})
}

/** Progress news for the buyer who placed the order. */
export async function tellPlacer(
	c: Pick<ChangeContext, 'tx' | 'journal' | 'order'>,
	{
		headline,
		subjectLine,
		detail,
		note,
	}: { headline: string; subjectLine: string; detail?: string; note?: string },
) {
	const buyer = await userRecipient(c.tx, c.order.placedByUserId)
	if (!buyer) return
	queueEmail(c.journal, {
		to: buyer.email,
		subject: getOrderStatusUpdateSubject({ orderNumber: c.order.number, headline: subjectLine }),
		react: createElement(OrderStatusUpdateEmail, {
			recipientName: buyer.name,
			orderNumber: c.order.number,
			headline,
			detail: detail ?? null,
			note: note ?? null,
			url: orderUrl('buyer', c.order.id),
		}),
	})
}

/** News for the users of each of these suppliers; returns how many emails were queued. */
export async function tellSuppliers(
	c: Pick<ChangeContext, 'tx' | 'journal'>,
	supplierIds: readonly string[],
	build: (to: Recipient, supplierName: string) => { subject: string; react: ReactElement },
) {
	let queued = 0
	for (const [, { supplierName, recipients }] of await supplierRecipients(c.tx, [...new Set(supplierIds)])) {
		for (const to of recipients) {
			queueEmail(c.journal, { to: to.email, ...build(to, supplierName) })
			queued++
		}
	}
	return queued
}

/** The supplier's name, for sentences in the buyer's emails. */
export async function supplierNameOf(c: Pick<ChangeContext, 'tx'>, supplierId: string | null) {
	if (!supplierId) return 'The supplier'
	const found = await supplierRecipients(c.tx, [supplierId])
	return found.get(supplierId)?.supplierName ?? 'The supplier'
}
