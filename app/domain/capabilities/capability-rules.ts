/**
 * What a supplier may declare for one (category, order class). Each check
 * returns the message to show next to its field, or null. The class's policy
 * is passed in, so the same rules run in the browser and on the server.
 */

export const CAPACITY_UNITS = ['units', 'orders'] as const
export type CapacityUnit = (typeof CAPACITY_UNITS)[number]

export const MAX_WEEKLY_CAPACITY = 1_000_000
export const MIN_LEAD_TIME_HOURS = 1
// One year: anything longer is not a capability but a plan.
export const MAX_LEAD_TIME_HOURS = 8760
export const EXCEPTION_NOTE_MIN_LENGTH = 10
export const EXCEPTION_NOTE_MAX_LENGTH = 500

/** The parts of a class's current policy that bound a capability. */
export type CapabilityClassRule = {
	id: string
	name: string
	retired: boolean
	deliveryTargetHours: number
	/** Bulk: the smallest order quantity the class accepts, in units. */
	minQuantity: number | null
	/** Emergency: only suppliers available around the clock. */
	requires24x7: boolean
}

export type CapabilityCategoryRule = { id: string; name: string; retired: boolean }

const numberFormat = new Intl.NumberFormat('en-GB')

/** 1000000 → "1,000,000": messages quote limits as people read them. */
export function formatCount(n: number): string {
	return numberFormat.format(n)
}

export function checkWeeklyCapacity(capacity: number): string | null {
	if (!Number.isInteger(capacity)) return 'Enter the weekly capacity as a whole number.'
	if (capacity <= 0) return 'Weekly capacity must be more than 0.'
	if (capacity > MAX_WEEKLY_CAPACITY)
		return `Weekly capacity can be at most ${formatCount(MAX_WEEKLY_CAPACITY)}.`
	return null
}

/**
 * A class with a minimum quantity (bulk) is matched against an order's volume
 * in units, so its capacity must be counted in units and hold at least one
 * minimum-sized order a week.
 */
export function checkClassCapacity(
	capacity: number,
	unit: CapacityUnit,
	cls: Pick<CapabilityClassRule, 'name' | 'minQuantity'>,
): { field: 'weeklyCapacity' | 'capacityUnit'; message: string } | null {
	if (cls.minQuantity === null) return null
	if (unit !== 'units') {
		return {
			field: 'capacityUnit',
			message: `${cls.name} capacity is counted in units: the class minimum is ${formatCount(cls.minQuantity)} units per order.`,
		}
	}
	if (capacity < cls.minQuantity) {
		return {
			field: 'weeklyCapacity',
			message: `${cls.name} capacity must be at least ${formatCount(cls.minQuantity)} units per week, the class minimum.`,
		}
	}
	return null
}

export function checkLeadTime(hours: number): string | null {
	if (!Number.isInteger(hours)) return 'Enter the lead time in whole hours.'
	if (hours < MIN_LEAD_TIME_HOURS) return 'Lead time must be at least 1 hour.'
	if (hours > MAX_LEAD_TIME_HOURS)
		return `Lead time can be at most ${formatCount(MAX_LEAD_TIME_HOURS)} hours (a year).`
	return null
}

/** A note explains a lead time beyond the class's delivery target; without a need for one it is optional. */
export function isLeadTimeWithinTarget(hours: number, cls: Pick<CapabilityClassRule, 'deliveryTargetHours'>) {
	return hours <= cls.deliveryTargetHours
}

export function checkLeadTimeAgainstClass(
	hours: number,
	note: string | null,
	cls: Pick<CapabilityClassRule, 'name' | 'deliveryTargetHours'>,
): { field: 'leadTimeHours' | 'exceptionNote'; message: string } | null {
	if (isLeadTimeWithinTarget(hours, cls)) return null
	const length = note?.trim().length ?? 0
	if (length === 0) {
		return {
			field: 'leadTimeHours',
			message: `Lead time ${formatCount(hours)} h is beyond the ${cls.name} class's delivery target of ${formatCount(cls.deliveryTargetHours)} h. Shorten it, or add an exception note saying why.`,
		}
	}
	if (length < EXCEPTION_NOTE_MIN_LENGTH) {
		return {
			field: 'exceptionNote',
			message: `Explain the exception in at least ${EXCEPTION_NOTE_MIN_LENGTH} characters.`,
		}
	}
	return null
}

export function checkExceptionNoteLength(note: string | null): string | null {
	if (note && note.trim().length > EXCEPTION_NOTE_MAX_LENGTH)
		return `Keep the exception note to ${EXCEPTION_NOTE_MAX_LENGTH} characters.`
	return null
}

export function checkAvailability(
	available24x7: boolean,
	cls: Pick<CapabilityClassRule, 'name' | 'requires24x7'>,
): string | null {
	if (cls.requires24x7 && !available24x7) return `${cls.name} orders need a supplier available 24x7.`
	return null
}

/** Regions served: at least one, and only regions the organisation itself serves. */
export function checkRegions(regions: readonly string[], supplierRegions: readonly string[]): string | null {
	if (regions.length === 0) return 'Choose at least one region.'
	const outside = regions.filter((r) => !supplierRegions.includes(r))
	if (outside.length > 0) {
		const list = outside.join(', ')
		return outside.length === 1
			? `${list} is not one of your organisation's regions.`
			: `${list} are not among your organisation's regions.`
	}
	if (new Set(regions).size !== regions.length) return 'Choose each region once.'
	return null
}

/** A retired class or category stays on rows that already have it, but cannot be added anew. */
export function checkNotRetired(
	item: { name: string; retired: boolean },
	kind: 'class' | 'category',
	isNew: boolean,
): string | null {
	if (!isNew || !item.retired) return null
	return `The ${item.name} ${kind} is retired: it cannot be added.`
}

/**
 * Rows that repeat an earlier row's (category, class) pair, each with the
 * 0-based index of the row it repeats. The first occurrence is not reported.
 */
export function findDuplicatePairs(
	rows: ReadonlyArray<{ categoryId: string; orderClassId: string }>,
): Array<{ index: number; firstIndex: number }> {
	const seen = new Map<string, number>()
	const duplicates: Array<{ index: number; firstIndex: number }> = []
	rows.forEach((row, index) => {
		if (!row.categoryId || !row.orderClassId) return
		const key = `${row.categoryId}\u0000${row.orderClassId}`
		const firstIndex = seen.get(key)
		if (firstIndex === undefined) seen.set(key, index)
		else duplicates.push({ index, firstIndex })
	})
	return duplicates
}
