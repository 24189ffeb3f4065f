// Shared by the buyer's supplier forms (react-hook-form + zodResolver) and their actions.
import { z } from 'zod'
import { REGIONS } from '#app/domain/regions.ts'
import { reasonProblem, SUPPLIER_STATUSES } from '#app/domain/suppliers/supplier-status.ts'
import { canonicalTimeZone } from '#app/domain/time-zone.ts'
import { EmailSchema } from './auth.ts'

/**
 * Checked boxes arrive three ways: an array (repeated `regions[]` fields without
 * JavaScript), one JSON-encoded array (react-hook-form's submit), or a single
 * string. Each becomes a list of strings; the enum check comes after.
 */
function toStringList(value: unknown): unknown {
	if (Array.isArray(value)) return value
	if (typeof value !== 'string' || value === '') return value === '' ? [] : value
	if (!value.startsWith('[')) return [value]
	try {
		return JSON.parse(value) as unknown
	} catch {
		return value
	}
}

export const RegionsSchema = z.preprocess(
	toStringList,
	z
		.array(z.enum(REGIONS, { error: 'Choose regions from the list.' }), {
			error: 'Choose at least one region.',
		})
		.min(1, 'Choose at least one region.')
		.max(REGIONS.length)
		.transform((regions) => REGIONS.filter((r) => regions.includes(r))),
)

const PHONE = /^\+?[0-9 ()./-]{5,40}$/

export const InviteSupplierSchema = z.object({
	name: z
		.string({ error: "Enter the organisation's name." })
		.trim()
		.min(2, "Enter the organisation's name.")
		.max(200, 'Use at most 200 characters.'),
	regions: RegionsSchema,
	contactEmail: EmailSchema,
	contactPhone: z
		.string()
		.trim()
		.max(40, 'Use at most 40 characters.')
		.refine((p) => p === '' || PHONE.test(p), 'Enter a phone number: digits, spaces and + ( ) - only.')
		.optional(),
	timeZone: z
		.string({ error: 'Enter a time zone.' })
		.trim()
		.min(1, 'Enter a time zone, like Europe/London or UTC.')
		.max(64, 'Enter a time zone, like Europe/London or UTC.')
		.refine((tz) => canonicalTimeZone(tz) !== null, 'Enter a time zone from the list, like Europe/London.')
		.transform((tz) => canonicalTimeZone(tz) ?? tz),
	userName: z
		.string({ error: "Enter the person's name." })
		.trim()
		.min(1, "Enter the person's name.")
		.max(200, 'Use at most 200 characters.'),
	userEmail: EmailSchema,
})
export type InviteSupplier = z.input<typeof InviteSupplierSchema>
export type InviteSupplierData = z.output<typeof InviteSupplierSchema>

export const ChangeSupplierStatusSchema = z.object({
	toStatus: z.enum(SUPPLIER_STATUSES, { error: 'Choose the new status.' }),
	reason: z
		.string({ error: 'Give a reason for the change.' })
		.superRefine((reason, ctx) => {
			const problem = reasonProblem(reason)
			if (problem) ctx.addIssue({ code: 'custom', message: problem })
		})
		.transform((reason) => reason.trim()),
})
export type ChangeSupplierStatus = z.input<typeof ChangeSupplierStatusSchema>

export const SUPPLIER_SORTS = ['name', '-name'] as const
export type SupplierSort = (typeof SUPPLIER_SORTS)[number]

/** Search parameters of the directory; anything unreadable falls back instead of failing. */
export const SupplierListQuerySchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	status: z.enum(SUPPLIER_STATUSES).optional().catch(undefined),
	region: z.enum(REGIONS).optional().catch(undefined),
	category: z.uuid().optional().catch(undefined),
	orderClass: z.uuid().optional().catch(undefined),
	sort: z.enum(SUPPLIER_SORTS).catch('name'),
})
export type SupplierListQuery = z.infer<typeof SupplierListQuerySchema>
