// The buyer's capability matrix: for each (category, order class), who can serve it and how much.
import { type SupplierStatus } from './supplier-status.ts'

export type CoverageCategory = { id: string; name: string }
export type CoverageOrderClass = { id: string; name: string }

/** One declared capability, with what the matrix needs to know about its supplier. */
export type CoverageCapability = {
	supplierId: string
	supplierStatus: SupplierStatus
	categoryId: string
	orderClassId: string
	weeklyCapacity: number
	pausedAt: Date | null
}

export type CoverageCell = {
	categoryId: string
	orderClassId: string
	supplierCount: number
	weeklyCapacity: number
}

export type CoverageMatrix = {
	categories: CoverageCategory[]
	orderClasses: CoverageOrderClass[]
	/** One row per category, one cell per order class, in the order given. */
	rows: { category: CoverageCategory; cells: CoverageCell[] }[]
	gapCount: number
	cellCount: number
}

/**
 * Only an active supplier's capability that is not paused can take an order
 * today, so only those count; anything else would hide a gap.
 */
export function countsForCoverage(
	capability: Pick<CoverageCapability, 'supplierStatus' | 'pausedAt'>,
): boolean {
	return capability.supplierStatus === 'active' && capability.pausedAt === null
}

export function isCoverageGap(cell: Pick<CoverageCell, 'supplierCount'>): boolean {
	return cell.supplierCount === 0
}

/**
 * Builds the matrix for the given categories (rows) and classes (columns).
 * Capabilities for a category or class not shown are ignored. A supplier is
 * counted once per cell even if it were listed twice.
 */
export function computeCoverage({
	categories,
	orderClasses,
	capabilities,
}: {
	categories: CoverageCategory[]
	orderClasses: CoverageOrderClass[]
	capabilities: CoverageCapability[]
}): CoverageMatrix {
	const byCell = new Map<string, Map<string, number>>()
	for (const capability of capabilities) {
		if (!countsForCoverage(capability)) continue
		const key = cellKey(capability.categoryId, capability.orderClassId)
		const suppliers = byCell.get(key) ?? new Map<string, number>()
		// The schema allows one row per (supplier, category, class); keep the larger if that ever changes.
		suppliers.set(
			capability.supplierId,
			Math.max(suppliers.get(capability.supplierId) ?? 0, capability.weeklyCapacity),
		)
		byCell.set(key, suppliers)
	}

	let gapCount = 0
	const rows = categories.map((category) => ({
		category,
		cells: orderClasses.map((orderClass) => {
			const suppliers = byCell.get(cellKey(category.id, orderClass.id))
			const cell: CoverageCell = {
				categoryId: category.id,
				orderClassId: orderClass.id,
				supplierCount: suppliers?.size ?? 0,
				weeklyCapacity: suppliers ? [...suppliers.values()].reduce((sum, n) => sum + n, 0) : 0,
			}
			if (isCoverageGap(cell)) gapCount++
			return cell
		}),
	}))
	return { categories, orderClasses, rows, gapCount, cellCount: categories.length * orderClasses.length }
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 })

/** The text of a matrix cell: "No supplier", or e.g. "3 suppliers · 1,500 per week". */
export function formatCoverageCell(cell: Pick<CoverageCell, 'supplierCount' | 'weeklyCapacity'>): string {
	if (isCoverageGap(cell)) return 'No supplier'
	const suppliers = `${NUMBER.format(cell.supplierCount)} ${cell.supplierCount === 1 ? 'supplier' : 'suppliers'}`
	return `${suppliers} · ${NUMBER.format(cell.weeklyCapacity)} per week`
}

/**
 * "N of M category × class combinations have no supplier". The wording is fixed
 * (even for N = 1: "1 of 40 … have", agreeing with "combinations"), because the
 * page's tests and readers look for it.
 */
export function formatCoverageSummary({
	gapCount,
	cellCount,
}: Pick<CoverageMatrix, 'gapCount' | 'cellCount'>) {
	return `${NUMBER.format(gapCount)} of ${NUMBER.format(cellCount)} category × class combinations have no supplier`
}

function cellKey(categoryId: string, orderClassId: string) {
	return `${categoryId}|${orderClassId}`
}
