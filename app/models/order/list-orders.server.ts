import { and, asc, desc, eq, ilike, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm'
import { z } from 'zod'
import { ORDER_STATUSES, type OrderStatus } from '#app/domain/orders/order-lifecycle.ts'
import {
	cancelledWithin,
	changeAcknowledgedWithin,
	closedWithin,
	hadExceptionSql,
	hadReworkSql,
	type InstantRange,
	offeredWithin,
	openAgedSql,
	placedWithin,
} from '#app/models/operations/order-filters.server.ts'
import { countAhead } from '#app/utils/count-ahead.server.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { openExceptionCountSql } from './open-exception.server.ts'

const { categories, orderClasses, orders, suppliers } = schema

/** States in which needed-by no longer matters: done, stopped, or never started. */
const FINISHED: OrderStatus[] = ['delivered', 'closed', 'cancelled', 'rejected']
/** States in which a buyer has to act. */
const ATTENTION: OrderStatus[] = ['in_review', 'unroutable', 'delivered']

export type OrderListSort = 'newest' | 'needed_by' | 'value'

export type OrderListFilters = {
	orderClassId?: string | null
	status?: OrderStatus | null
	/** The assigned supplier. */
	supplierId?: string | null
	/** Part of the assigned supplier's name (case-insensitive). */
	supplierName?: string | null
	/** Past needed-by and not delivered. */
	overdue?: boolean
	/** Waiting for a buyer (review, unroutable, delivered to confirm), a change not yet acknowledged, or an open exception. */
	needsAttention?: boolean
	/** Matches the order number or the description. */
	search?: string | null
} & OperationsListFilters

/** The operations dashboard's filters (app/models/operations/order-filters.server.ts has the rules). */
export type OperationsListFilters = {
	placed?: InstantRange
	closed?: InstantRange
	cancelled?: InstantRange
	/** Had an offer made in the range that was accepted, declined or expired (not a manual assignment). */
	offered?: InstantRange
	changeAcknowledged?: InstantRange
	hadRework?: boolean
	hadException?: boolean
	/** Had such an offer accepted at or before its expiry (within `offered` when given). */
	releasedOnTime?: boolean
	/** Open, submitted at least `minHours` and less than `maxHours` hours before now. */
	openAge?: { minHours?: number; maxHours?: number }
}

/** The buyer's order list: filters, sorting and paging; `total` counts the matches up to COUNT_AHEAD past the page. */
export async function listOrders(
	db: Executor,
	{
		sort = 'newest',
		limit = 25,
		offset = 0,
		now = new Date(),
		...filters
	}: OrderListFilters & { sort?: OrderListSort; limit?: number; offset?: number; now?: Date },
) {
	const where = and(...conditions(filters, now))
	const order =
		sort === 'needed_by'
			? [asc(orders.neededBy), desc(orders.createdAt)]
			: sort === 'value'
				? [
						sql`coalesce(${orders.agreedPriceMinor}, ${orders.estimatedMaxMinor}) desc nulls last`,
						desc(orders.createdAt),
					]
				: [desc(orders.createdAt), desc(orders.number)]
	const [rows, counted] = await Promise.all([
		db
			.select({
				id: orders.id,
				number: orders.number,
				status: orders.status,
				version: orders.version,
				orderClassId: orders.orderClassId,
				className: orderClasses.name,
				classKey: orderClasses.key,
				priorityRank: orderClasses.priorityRank,
				categoryName: categories.name,
				quantity: orders.quantity,
				unit: orders.unit,
				region: orders.region,
				neededBy: orders.neededBy,
				supplierId: orders.assignedSupplierId,
				supplierName: suppliers.name,
				currency: orders.currency,
				estimatedMinMinor: orders.estimatedMinMinor,
				estimatedMaxMinor: orders.estimatedMaxMinor,
				agreedPriceMinor: orders.agreedPriceMinor,
				changePendingSince: orders.changePendingSince,
				createdAt: orders.createdAt,
				openExceptions: openExceptionCountSql,
			})
			.from(orders)
			.innerJoin(orderClasses, eq(orderClasses.id, orders.orderClassId))
			.innerJoin(categories, eq(categories.id, orders.categoryId))
			.leftJoin(suppliers, eq(suppliers.id, orders.assignedSupplierId))
			.where(where)
			.orderBy(...order)
			.limit(limit)
			.offset(offset),
		countAhead(db, orders, where, offset),
	])
	return {
		rows: rows.map((r) => ({
			...r,
			isOverdue: !FINISHED.includes(r.status) && r.neededBy.getTime() < now.getTime(),
		})),
		...counted,
	}
}

const Uuid = z.uuid()
// Filters come from URLs: an id that is not a uuid, or an unknown status, matches nothing instead of failing.
const NOTHING = sql`false`

function conditions(f: OrderListFilters, now: Date): (SQL | undefined)[] {
	const search = f.search?.trim()
	const supplierName = f.supplierName?.trim()
	const byId = (
		column: typeof orders.orderClassId | typeof orders.assignedSupplierId,
		id: string | null | undefined,
	) => (id ? (Uuid.safeParse(id).success ? eq(column, id) : NOTHING) : undefined)
	return [
		byId(orders.orderClassId, f.orderClassId),
		f.status
			? (ORDER_STATUSES as readonly string[]).includes(f.status)
				? eq(orders.status, f.status)
				: NOTHING
			: undefined,
		byId(orders.assignedSupplierId, f.supplierId),
		supplierName
			? sql`exists (select 1 from suppliers s where s.id = ${orders.assignedSupplierId}
				and s.name ilike ${`%${escapeLike(supplierName)}%`})`
			: undefined,
		f.overdue ? and(lt(orders.neededBy, now), notInArray(orders.status, FINISHED)) : undefined,
		f.needsAttention
			? or(
					inArray(orders.status, ATTENTION),
					sql`${orders.changePendingSince} is not null`,
					sql`exists (select 1 from order_exceptions e where e.order_id = ${orders.id} and e.status = 'open')`,
				)
			: undefined,
		search
			? or(
					ilike(orders.number, `%${escapeLike(search)}%`),
					ilike(orders.description, `%${escapeLike(search)}%`),
				)
			: undefined,
		...operationsConditions(f, now),
	]
}

function operationsConditions(f: OperationsListFilters, now: Date): (SQL | undefined)[] {
	const isSet = (range: InstantRange | undefined): range is InstantRange =>
		Boolean(range && (range.from || range.to))
	return [
		isSet(f.placed) ? placedWithin(f.placed) : undefined,
		isSet(f.closed) ? closedWithin(f.closed) : undefined,
		isSet(f.cancelled) ? cancelledWithin(f.cancelled) : undefined,
		isSet(f.offered) || f.releasedOnTime
			? offeredWithin(f.offered ?? {}, { acceptedOnTime: f.releasedOnTime ?? false })
			: undefined,
		isSet(f.changeAcknowledged) ? changeAcknowledgedWithin(f.changeAcknowledged) : undefined,
		f.hadRework ? hadReworkSql : undefined,
		f.hadException ? hadExceptionSql : undefined,
		f.openAge ? openAgedSql({ ...f.openAge, now }) : undefined,
	]
}

function escapeLike(text: string) {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
