// The order intake form and the order list's search parameters, shared by the page (react-hook-form +
// zodResolver) and its action. Fields arrive as the strings a browser sends.
import { z } from 'zod'
import { ORDER_STATUSES } from '#app/domain/orders/order-lifecycle.ts'
import { MAX_ORDER_QUANTITY } from '#app/domain/pricing/price-for.ts'
import { REGIONS } from '#app/domain/regions.ts'
import { OrderListOperationsShape } from './order-list-filters.ts'

/** What the intake form needs to know about each class's current policy (sent by the loader). */
export type IntakeClassPolicy = {
	id: string
	name: string
	minQuantity: number | null
	justificationRequired: boolean
}

const QUANTITY_MESSAGE = `Enter the quantity as a whole number from 1 to ${MAX_ORDER_QUANTITY.toLocaleString('en-GB')}.`

/** A whole number typed by a person ("1,200" reads as 1200); the number itself after a client round trip. */
export function wholeNumber(message: string, { min = 1, max = MAX_ORDER_QUANTITY } = {}) {
	return z.union([z.string(), z.number()], { error: message }).transform((value, ctx) => {
		const text = String(value).trim().replace(/[\s,]/g, '')
		const n = /^\d{1,12}$/.test(text) ? Number(text) : NaN
		if (Number.isSafeInteger(n) && n >= min && n <= max) return n
		ctx.addIssue({ code: 'custom', message })
		return z.NEVER
	})
}

/** How a datetime-local value without a zone becomes an instant. */
export type LocalTimeReader = (local: string) => Date

/** Without JavaScript nobody tells the server the browser's zone: the time is read as UTC (the form says so). */
export const readLocalAsUtc: LocalTimeReader = (local) => new Date(`${local}Z`)

/** In the browser: the viewer's own time zone (ECMAScript reads a date-time without offset as local). */
export const readLocalInBrowser: LocalTimeReader = (local) => new Date(local)

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/**
 * A needed-by moment: an ISO string with its zone (what the browser sends after reading the field in the
 * viewer's zone) or a datetime-local value, read by `readLocal`. A Date comes out; on the client it is
 * submitted as its ISO string.
 */
export function neededBySchema(
	readLocal: LocalTimeReader,
	message = 'Enter the date and time it is needed by.',
) {
	return z.union([z.string(), z.date()], { error: message }).transform((value, ctx) => {
		if (value instanceof Date) return value
		const text = value.trim()
		const at = ZONED.test(text) ? new Date(text) : LOCAL.test(text) ? readLocal(text) : null
		if (at && !Number.isNaN(at.getTime())) return at
		ctx.addIssue({ code: 'custom', message })
		return z.NEVER
	})
}

/** An instant as a datetime-local value in UTC ("2026-05-01T09:30"), for refilling a form without JavaScript. */
export function toUtcInputValue(value: string | Date) {
	const at = new Date(value)
	return Number.isNaN(at.getTime()) ? '' : at.toISOString().slice(0, 16)
}

/** An instant as a datetime-local value in the browser's zone. */
export function toLocalInputValue(value: string | Date) {
	const at = new Date(value)
	if (Number.isNaN(at.getTime())) return ''
	const shifted = new Date(at.getTime() - at.getTimezoneOffset() * 60_000)
	return shifted.toISOString().slice(0, 16)
}

const optionalText = (max: number, message: string) =>
	z
		.string()
		.optional()
		.transform((text) => text?.trim() ?? '')
		.pipe(z.string().max(max, message))
		.transform((text) => text || null)

/**
 * The intake form. Built with the classes' current policies so the class's own rules (bulk minimum,
 * justification) show next to their fields before anything is sent; the server checks them again
 * (and the rest: lead times, retired class or category) when placing the order.
 */
export function buildOrderIntakeSchema(
	classes: readonly IntakeClassPolicy[],
	{ readLocal = readLocalAsUtc }: { readLocal?: LocalTimeReader } = {},
) {
	const byId = new Map(classes.map((c) => [c.id, c]))
	return z
		.object({
			orderClassId: z
				.string({ error: 'Choose an order class.' })
				.refine((id) => byId.has(id), 'Choose an order class.'),
			categoryId: z.string({ error: 'Choose a category.' }).pipe(z.uuid({ error: 'Choose a category.' })),
			quantity: wholeNumber(QUANTITY_MESSAGE),
			unit: z
				.string({ error: 'Give the unit, like payslips or hours.' })
				.trim()
				.min(1, 'Give the unit, like payslips or hours.')
				.max(40, 'Keep the unit under 40 characters.'),
			description: z
				.string({ error: 'Describe what is needed.' })
				.trim()
				.min(5, 'Describe what is needed in at least 5 characters.')
				.max(2000, 'Keep the description under 2,000 characters.'),
			neededBy: neededBySchema(readLocal),
			region: z.string({ error: 'Choose a region.' }).pipe(z.enum(REGIONS, { error: 'Choose a region.' })),
			preferredSupplierId: z
				.string()
				.optional()
				.transform((id) => id?.trim() || null)
				.pipe(z.uuid({ error: 'Choose a supplier from the list.' }).nullable()),
			justification: optionalText(2000, 'Keep the justification under 2,000 characters.'),
		})
		.superRefine((order, ctx) => {
			const policy = byId.get(order.orderClassId)
			if (!policy) return
			// The same words as the server's intake rules (app/domain/orders/order-intake.ts).
			if (policy.minQuantity !== null && order.quantity < policy.minQuantity) {
				ctx.addIssue({
					code: 'custom',
					path: ['quantity'],
					message: `${policy.name} orders need at least ${policy.minQuantity.toLocaleString('en-GB')} units.`,
				})
			}
			if (policy.justificationRequired && (order.justification ?? '').length < 10) {
				ctx.addIssue({
					code: 'custom',
					path: ['justification'],
					message: `${policy.name} orders need a justification of at least 10 characters.`,
				})
			}
		})
}
export type OrderIntake = z.output<ReturnType<typeof buildOrderIntakeSchema>>
/** The form's values as typed. */
export type OrderIntakeForm = {
	orderClassId: string
	categoryId: string
	quantity: string
	unit: string
	description: string
	neededBy: string
	region: string
	preferredSupplierId: string
	justification: string
}

export const INTAKE_FIELDS = [
	'orderClassId',
	'categoryId',
	'quantity',
	'unit',
	'description',
	'neededBy',
	'region',
	'preferredSupplierId',
	'justification',
] as const satisfies readonly (keyof OrderIntakeForm)[]

/** The preview's query: whatever has been typed so far; unreadable parts are left out, never an error. */
export function buildPreviewQuerySchema(readLocal: LocalTimeReader = readLocalAsUtc) {
	return z.object({
		orderClassId: z.uuid().catch(''),
		categoryId: z.uuid().catch(''),
		quantity: wholeNumber('').optional().catch(undefined),
		neededBy: neededBySchema(readLocal).optional().catch(undefined),
		region: z.enum(REGIONS).optional().catch(undefined),
		preferredSupplierId: z.uuid().optional().catch(undefined),
		justification: z.string().max(2000).optional().catch(undefined),
	})
}

export const ORDER_SORTS = ['newest', 'needed_by', 'value'] as const
export const ORDER_SORT_LABELS: Record<(typeof ORDER_SORTS)[number], string> = {
	newest: 'Newest first',
	needed_by: 'Needed soonest',
	value: 'Highest value',
}

const flag = z
	.enum(['1'])
	.optional()
	.catch(undefined)
	.transform((v) => v === '1')

/** Search parameters of the buyer's order list; anything unreadable falls back instead of failing. */
export const OrderListQuerySchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	orderClassId: z.uuid().optional().catch(undefined),
	status: z.enum(ORDER_STATUSES).optional().catch(undefined),
	supplierId: z.uuid().optional().catch(undefined),
	// Part of the assigned supplier's name: a search field, not a select of every supplier.
	supplier: z.string().trim().max(200).optional().catch(undefined),
	overdue: flag,
	attention: flag,
	sort: z.enum(ORDER_SORTS).catch('newest'),
	// The operations dashboard's links: periods, rework, exceptions, on-time release, backlog age.
	...OrderListOperationsShape,
})
export type OrderListQuery = z.infer<typeof OrderListQuerySchema>
