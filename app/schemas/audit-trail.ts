import { z } from 'zod'
import { AUDIT_ACTIONS } from '#app/domain/audit/audit-actions.ts'

/** The filters of the auditor's trail search, as they appear in the URL. */
export const AUDIT_TRAIL_FIELDS = [
	'entityType',
	'entityId',
	'actor',
	'action',
	'supplierId',
	'from',
	'to',
] as const
export type AuditTrailField = (typeof AUDIT_TRAIL_FIELDS)[number]

const DAY_MS = 24 * 60 * 60 * 1000

// Any 8-4-4-4-12 hex string, as PostgreSQL's uuid type reads it (z.uuid() would
// also demand an RFC 9562 version and variant).
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** True when the actor filter is a user id rather than an email address. */
export function isUuid(value: string) {
	return UUID_PATTERN.test(value)
}

/** An empty box means "no filter", not an invalid value. */
function optional<T extends z.ZodType>(schema: T) {
	return z.preprocess(
		(value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
		schema.optional(),
	)
}

const day = (label: string) =>
	optional(
		z
			.string()
			.trim()
			.pipe(z.iso.date({ error: `${label} must be a date like 2026-03-01.` })),
	)

export const AuditTrailQuerySchema = z
	.object({
		entityType: optional(
			z
				.string()
				.trim()
				.max(64, { error: 'An entity type is at most 64 characters.' })
				.regex(/^[a-z][a-z0-9_]*$/, {
					error: 'An entity type is a lower-case word such as order or order_class.',
				}),
		),
		entityId: optional(z.string().trim().max(200, { error: 'An entity id is at most 200 characters.' })),
		actor: optional(
			z
				.string()
				.trim()
				.toLowerCase()
				.max(254, { error: 'Give an email address or a user id.' })
				.refine((v) => UUID_PATTERN.test(v) || z.email().safeParse(v).success, {
					error: 'Give an email address or a user id (a UUID).',
				}),
		),
		action: optional(z.enum(AUDIT_ACTIONS, { error: 'Choose one of the listed actions.' })),
		supplierId: optional(
			z.string().trim().regex(UUID_PATTERN, { error: 'Choose a supplier from the list.' }),
		),
		from: day('From'),
		to: day('To'),
	})
	.superRefine((query, ctx) => {
		if (query.from && query.to && query.from > query.to) {
			ctx.addIssue({ code: 'custom', path: ['to'], message: 'To must be on or after From.' })
		}
	})
export type AuditTrailQuery = z.infer<typeof AuditTrailQuerySchema>

export type AuditTrailQueryResult =
	| { success: true; query: AuditTrailQuery; values: Partial<Record<AuditTrailField, string>> }
	| {
			success: false
			errors: Partial<Record<AuditTrailField, string>>
			values: Partial<Record<AuditTrailField, string>>
	  }

/**
 * Validates the filters in a search URL. `values` is what was typed, to refill
 * the form; `errors` holds the first message per field.
 */
export function parseAuditTrailQuery(searchParams: URLSearchParams): AuditTrailQueryResult {
	const values: Partial<Record<AuditTrailField, string>> = {}
	for (const field of AUDIT_TRAIL_FIELDS) {
		const value = searchParams.get(field)
		if (value !== null && value !== '') values[field] = value
	}
	const result = AuditTrailQuerySchema.safeParse(values)
	if (result.success) return { success: true, query: result.data, values }
	const errors: Partial<Record<AuditTrailField, string>> = {}
	for (const issue of result.error.issues) {
		const field = issue.path[0] as AuditTrailField
		errors[field] ??= issue.message
	}
	return { success: false, errors, values }
}

/**
 * The half-open UTC instant range of a From/To day pair: From's midnight UTC
 * up to (not including) the midnight after To, so To's whole day counts.
 */
export function utcDayBounds({ from, to }: { from?: string; to?: string }): { from?: Date; to?: Date } {
	return {
		from: from ? new Date(`${from}T00:00:00.000Z`) : undefined,
		to: to ? new Date(Date.parse(`${to}T00:00:00.000Z`) + DAY_MS) : undefined,
	}
}
