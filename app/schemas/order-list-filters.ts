// The order list's operations filters: the URL parameters the operations dashboard links with, so
// every figure opens the orders behind it. Days are UTC and both ends are included; ages are hours.
import { z } from 'zod'
import { BACKLOG_BUCKETS } from '#app/domain/operations/backlog.ts'
import { dayBounds } from '#app/domain/operations/window.ts'

const day = z.iso.date().optional().catch(undefined)
const flag = z
	.enum(['1'])
	.optional()
	.catch(undefined)
	.transform((v) => v === '1')
const hours = z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined)

/** Added to OrderListQuerySchema (app/schemas/order.ts); unreadable values are dropped. */
export const OrderListOperationsShape = {
	placedFrom: day,
	placedTo: day,
	closedFrom: day,
	closedTo: day,
	cancelledFrom: day,
	cancelledTo: day,
	offeredFrom: day,
	offeredTo: day,
	changeAckedFrom: day,
	changeAckedTo: day,
	hadRework: flag,
	hadException: flag,
	releasedOnTime: flag,
	openAgeMin: hours,
	openAgeMax: hours,
}

export const OPERATIONS_FILTER_PARAMS = Object.keys(OrderListOperationsShape) as OperationsFilterParam[]
export type OperationsFilterParam = keyof typeof OrderListOperationsShape

type OperationsQuery = z.output<z.ZodObject<typeof OrderListOperationsShape>>

export type ActiveFilter = {
	label: string
	/** The parameters that make up this filter; removing the filter removes them. */
	params: OperationsFilterParam[]
}

const RANGES = [
	['placed', 'Placed', 'placedFrom', 'placedTo'],
	['closed', 'Closed', 'closedFrom', 'closedTo'],
	['cancelled', 'Cancelled', 'cancelledFrom', 'cancelledTo'],
	['offered', 'Offered (answered or expired)', 'offeredFrom', 'offeredTo'],
	['changeAcked', 'Change acknowledged', 'changeAckedFrom', 'changeAckedTo'],
] as const

/** The operations filters in effect, in words, for the list's removable chips. */
export function describeOperationsFilters(query: OperationsQuery): ActiveFilter[] {
	const active: ActiveFilter[] = []
	for (const [, label, fromKey, toKey] of RANGES) {
		const from = query[fromKey]
		const to = query[toKey]
		if (!from && !to) continue
		const text = from && to ? `${from} to ${to}` : from ? `from ${from}` : `up to ${to}`
		active.push({ label: `${label} ${text} (UTC)`, params: [fromKey, toKey] })
	}
	if (query.hadRework) active.push({ label: 'Had a rework request', params: ['hadRework'] })
	if (query.hadException) active.push({ label: 'Had an exception', params: ['hadException'] })
	if (query.releasedOnTime) {
		active.push({ label: 'An offer accepted before it expired', params: ['releasedOnTime'] })
	}
	if (query.openAgeMin !== undefined || query.openAgeMax !== undefined) {
		active.push({
			label: `Open, ${describeAge(query.openAgeMin, query.openAgeMax)} since submission`,
			params: ['openAgeMin', 'openAgeMax'],
		})
	}
	return active
}

/** The list model's filters (OperationsListFilters in list-orders.server.ts) for a parsed query. */
export function operationsListFilters(query: OperationsQuery) {
	const hasAge = query.openAgeMin !== undefined || query.openAgeMax !== undefined
	return {
		placed: dayBounds(query.placedFrom, query.placedTo),
		closed: dayBounds(query.closedFrom, query.closedTo),
		cancelled: dayBounds(query.cancelledFrom, query.cancelledTo),
		offered: dayBounds(query.offeredFrom, query.offeredTo),
		changeAcknowledged: dayBounds(query.changeAckedFrom, query.changeAckedTo),
		hadRework: query.hadRework,
		hadException: query.hadException,
		releasedOnTime: query.releasedOnTime,
		openAge: hasAge ? { minHours: query.openAgeMin, maxHours: query.openAgeMax } : undefined,
	}
}

/** The query's operations parameters as URL values (to carry them through the filter form). */
export function operationsParamsOf(query: OperationsQuery): [OperationsFilterParam, string][] {
	return OPERATIONS_FILTER_PARAMS.flatMap((key): [OperationsFilterParam, string][] => {
		const value = query[key]
		if (value === undefined || value === false) return []
		return [[key, value === true ? '1' : String(value)]]
	})
}

function describeAge(min: number | undefined, max: number | undefined) {
	const bucket = BACKLOG_BUCKETS.find((b) => (min ?? 0) === b.minHours && (max ?? null) === b.maxHours)
	if (bucket) return bucket.label.toLowerCase()
	if (!min && max === undefined) return 'any age'
	if (min !== undefined && max !== undefined) return `${min} to ${max} hours`
	return min !== undefined ? `at least ${min} hours` : `under ${max} hours`
}

/**
 * Names of parameters given with a value the list could not read (and so ignored), for a message.
 * Empty values are no filter, not an error.
 */
export function unreadableOperationsParams(searchParams: URLSearchParams, query: OperationsQuery) {
	return OPERATIONS_FILTER_PARAMS.filter((key) => {
		const raw = searchParams.get(key)
		if (raw === null || raw === '') return false
		const parsed = query[key]
		return parsed === undefined || parsed === false
	})
}

export type OrderListLink = Partial<Record<OperationsFilterParam, string | number | boolean | undefined>> & {
	orderClassId?: string | null
	status?: string
}

/** The buyer's order list filtered by `filters` (false, null and undefined are left out). */
export function orderListHref(filters: OrderListLink): string {
	const params = new URLSearchParams()
	for (const [key, value] of Object.entries(filters)) {
		if (value === undefined || value === null || value === false || value === '') continue
		params.set(key, value === true ? '1' : String(value))
	}
	const text = params.toString()
	return text ? `/buyer/orders?${text}` : '/buyer/orders'
}
