// The capability form's schema, shared by the form (zodResolver) and its action. It needs the
// classes' policies and the supplier's regions, so it is built from them rather than being a constant.
import { z } from 'zod'
import { type DeclaredCapability, type StoredCapability } from '#app/domain/capabilities/capability-diff.ts'
import {
	CAPACITY_UNITS,
	checkAvailability,
	checkClassCapacity,
	checkExceptionNoteLength,
	checkLeadTime,
	checkLeadTimeAgainstClass,
	checkNotRetired,
	checkRegions,
	checkWeeklyCapacity,
	findDuplicatePairs,
	type CapabilityCategoryRule,
	type CapabilityClassRule,
	type CapacityUnit,
} from '#app/domain/capabilities/capability-rules.ts'
import { REGIONS } from '#app/domain/regions.ts'

/** More rows than every (category, class) pair there could sensibly be: refuses absurd bodies early. */
export const MAX_CAPABILITY_ROWS = 200

// capabilityValuesFrom turns a posted checkbox ("on" or absent) into the boolean the browser form holds.
const Checkbox = z.boolean({ error: 'Tick the box or leave it empty.' })

const Text = (max: number, error: string) => z.string({ error }).max(max, error)

export const CapabilityRowFormSchema = z.object({
	/** Empty for a row added in this form; a saved row carries its id so an edit keeps its identity. */
	capabilityId: z.union([z.literal(''), z.uuid()], { error: 'This row could not be read. Reload the page.' }),
	categoryId: Text(64, 'Choose a category.'),
	orderClassId: Text(64, 'Choose an order class.'),
	weeklyCapacity: Text(20, 'Enter the weekly capacity as a whole number.'),
	capacityUnit: Text(20, 'Choose units or orders.'),
	leadTimeHours: Text(20, 'Enter the lead time in whole hours.'),
	regions: z.array(z.string().max(64), { error: 'Choose at least one region.' }).max(REGIONS.length * 2),
	available24x7: Checkbox,
	paused: Checkbox,
	// The 500-character rule is checked below with its own message; this bound only refuses absurd input.
	exceptionNote: z.string().max(5000, 'Keep the exception note to 500 characters.').optional(),
})

export type CapabilitySchemaContext = {
	classes: readonly CapabilityClassRule[]
	categories: readonly CapabilityCategoryRule[]
	supplierRegions: readonly string[]
}

/** "120" → 120; blank → null; anything that is not a plain decimal number → NaN (a whole-number message). */
function parseNumber(text: string): number | null {
	const trimmed = text.trim()
	if (trimmed === '') return null
	return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed) ? Number(trimmed) : Number.NaN
}

function isCapacityUnit(value: string): value is CapacityUnit {
	return (CAPACITY_UNITS as readonly string[]).includes(value)
}

type RowForm = z.output<typeof CapabilityRowFormSchema>
type AddIssue = (field: keyof RowForm, message: string) => void

function checkRow(row: RowForm, ctx: CapabilitySchemaContext, add: AddIssue) {
	const isNew = row.capabilityId === ''
	const category = ctx.categories.find((c) => c.id === row.categoryId)
	const cls = ctx.classes.find((c) => c.id === row.orderClassId)
	if (!category) add('categoryId', 'Choose a category.')
	else {
		const retired = checkNotRetired(category, 'category', isNew)
		if (retired) add('categoryId', retired)
	}
	if (!cls) add('orderClassId', 'Choose an order class.')
	else {
		const retired = checkNotRetired(cls, 'class', isNew)
		if (retired) add('orderClassId', retired)
	}

	const capacity = parseNumber(row.weeklyCapacity)
	const capacityProblem = capacity === null ? 'Enter the weekly capacity.' : checkWeeklyCapacity(capacity)
	if (capacityProblem) add('weeklyCapacity', capacityProblem)
	const unit = row.capacityUnit
	if (!isCapacityUnit(unit)) add('capacityUnit', 'Choose units or orders.')
	else if (cls && capacity !== null && !capacityProblem) {
		const problem = checkClassCapacity(capacity, unit, cls)
		if (problem) add(problem.field, problem.message)
	}

	const note = row.exceptionNote?.trim() || null
	const hours = parseNumber(row.leadTimeHours)
	const hoursProblem = hours === null ? 'Enter the lead time in hours.' : checkLeadTime(hours)
	if (hoursProblem) add('leadTimeHours', hoursProblem)
	else if (cls && hours !== null) {
		const problem = checkLeadTimeAgainstClass(hours, note, cls)
		if (problem) add(problem.field, problem.message)
	}
	const noteProblem = checkExceptionNoteLength(note)
	if (noteProblem) add('exceptionNote', noteProblem)

	if (cls) {
		const availability = checkAvailability(row.available24x7, cls)
		if (availability) add('available24x7', availability)
	}
	const regionsProblem = checkRegions(row.regions, ctx.supplierRegions)
	if (regionsProblem) add('regions', regionsProblem)
}

function toDeclared(row: RowForm): DeclaredCapability {
	return {
		id: row.capabilityId || null,
		categoryId: row.categoryId,
		orderClassId: row.orderClassId,
		// Checked above: the refinement has passed when this runs.
		weeklyCapacity: Number(row.weeklyCapacity.trim()),
		capacityUnit: row.capacityUnit as CapacityUnit,
		leadTimeHours: Number(row.leadTimeHours.trim()),
		// Stored in the fixed list's order, so the same choice always compares equal.
		regions: REGIONS.filter((r) => row.regions.includes(r)),
		available24x7: row.available24x7,
		exceptionNote: row.exceptionNote?.trim() || null,
		paused: row.paused,
	}
}

/**
 * The whole declaration set: every row's rules (app/domain/capabilities) against
 * its class's current policy, no (category, class) pair twice, regions within
 * the organisation's. Messages sit on the offending row's field.
 */
export function buildCapabilitySetSchema(ctx: CapabilitySchemaContext) {
	return z
		.object({
			rows: z
				.array(CapabilityRowFormSchema, {
					error: 'The form could not be read. Reload the page and try again.',
				})
				.max(MAX_CAPABILITY_ROWS, `Declare at most ${MAX_CAPABILITY_ROWS} capabilities.`),
		})
		.superRefine(({ rows }, refinement) => {
			rows.forEach((row, index) =>
				checkRow(row, ctx, (field, message) =>
					refinement.addIssue({ code: 'custom', path: ['rows', index, field], message }),
				),
			)
			for (const { index, firstIndex } of findDuplicatePairs(rows)) {
				const row = rows[index]!
				const category = ctx.categories.find((c) => c.id === row.categoryId)?.name ?? 'This category'
				const cls = ctx.classes.find((c) => c.id === row.orderClassId)?.name ?? 'this class'
				const message = `${category} × ${cls} is already declared in row ${firstIndex + 1}.`
				refinement.addIssue({ code: 'custom', path: ['rows', index, 'categoryId'], message })
				refinement.addIssue({ code: 'custom', path: ['rows', index, 'orderClassId'], message })
			}
		})
		.transform(({ rows }) => ({ rows: rows.map(toDeclared) }))
}

export type CapabilitySetSchema = ReturnType<typeof buildCapabilitySetSchema>
/** What the form holds (and posts): text as typed. */
export type CapabilitySetForm = z.input<CapabilitySetSchema>
export type CapabilityRowForm = CapabilitySetForm['rows'][number]
/** What a valid submission means: numbers, null id for new rows. */
export type CapabilitySet = z.output<CapabilitySetSchema>

/** An empty row for "Add a capability". */
export function blankCapabilityRow(supplierRegions: readonly string[]): CapabilityRowForm {
	return {
		capabilityId: '',
		categoryId: '',
		orderClassId: '',
		weeklyCapacity: '',
		capacityUnit: 'units',
		leadTimeHours: '',
		// One region is the only possible choice; with several the supplier picks.
		regions: supplierRegions.length === 1 ? [...supplierRegions] : [],
		available24x7: false,
		paused: false,
		exceptionNote: '',
	}
}

/**
 * A posted capability form as the schema reads it. Rows are `rows.<i>.<field>`
 * (a row's regions repeat `rows.<i>.regions`); `rowCount` says how many rows
 * the form held, so a body without it is unreadable rather than an empty set
 * that would remove every capability. Null when the body is not this form.
 */
export function capabilityValuesFrom(formData: FormData): { rows: Array<Record<string, unknown>> } | null {
	const rowCount = formData.get('rowCount')
	const count = typeof rowCount === 'string' && /^\d{1,4}$/.test(rowCount) ? Number(rowCount) : Number.NaN
	if (!(count >= 0 && count <= MAX_CAPABILITY_ROWS)) return null
	const rows = Array.from(
		{ length: count },
		// An unticked checkbox is not posted at all.
		() =>
			({ regions: [], available24x7: false, paused: false }) as Record<string, unknown> & {
				regions: unknown[]
			},
	)
	for (const [key, value] of formData) {
		const match = /^rows\.(\d{1,4})\.([A-Za-z0-9]{1,40})$/.exec(key)
		if (!match) continue
		const [, index, field] = match as unknown as [string, string, string]
		const row = rows[Number(index)]
		if (!row || typeof value !== 'string') return null
		if (field === 'regions') row.regions.push(value)
		else if (field === 'available24x7' || field === 'paused') row[field] = value === 'on' || value === 'true'
		else row[field] = value
	}
	return { rows }
}

/** The rows as posted, in the form's shape, to refill the form after a refused save. */
export function capabilityFormDefaults(values: {
	rows: Array<Record<string, unknown>>
}): CapabilityRowForm[] {
	const text = (v: unknown) => (typeof v === 'string' ? v : '')
	const checked = (v: unknown) => v === true
	return values.rows.map((row) => ({
		capabilityId: text(row.capabilityId),
		categoryId: text(row.categoryId),
		orderClassId: text(row.orderClassId),
		weeklyCapacity: text(row.weeklyCapacity),
		capacityUnit: text(row.capacityUnit) || 'units',
		leadTimeHours: text(row.leadTimeHours),
		regions: Array.isArray(row.regions) ? row.regions.filter((r): r is string => typeof r === 'string') : [],
		available24x7: checked(row.available24x7),
		paused: checked(row.paused),
		exceptionNote: text(row.exceptionNote),
	}))
}

/** A saved capability as a form row. */
export function capabilityFormRow(row: StoredCapability): CapabilityRowForm {
	return {
		capabilityId: row.id,
		categoryId: row.categoryId,
		orderClassId: row.orderClassId,
		weeklyCapacity: String(row.weeklyCapacity),
		capacityUnit: row.capacityUnit,
		leadTimeHours: String(row.leadTimeHours),
		regions: [...row.regions],
		available24x7: row.available24x7,
		paused: row.pausedAt !== null,
		exceptionNote: row.exceptionNote ?? '',
	}
}
