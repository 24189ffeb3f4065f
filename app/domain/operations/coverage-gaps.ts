// Coverage gaps for the operations dashboard: the (class × category) pairs of the coverage matrix
// (app/domain/suppliers/coverage.ts) that no eligible supplier serves.
import { type CoverageMatrix, isCoverageGap } from '#app/domain/suppliers/coverage.ts'

export type CoverageGap = {
	categoryId: string
	categoryName: string
	orderClassId: string
	className: string
}

/** The gaps of the whole matrix, or of one class's column; `cellCount` is the pairs looked at. */
export function coverageGapsOf(
	matrix: CoverageMatrix,
	orderClassId: string | null,
): { gaps: CoverageGap[]; cellCount: number } {
	const classes = orderClassId
		? matrix.orderClasses.filter((c) => c.id === orderClassId)
		: matrix.orderClasses
	const names = new Map(classes.map((c) => [c.id, c.name]))
	const gaps = matrix.rows.flatMap((row) =>
		row.cells
			.filter((cell) => names.has(cell.orderClassId) && isCoverageGap(cell))
			.map((cell) => ({
				categoryId: row.category.id,
				categoryName: row.category.name,
				orderClassId: cell.orderClassId,
				className: names.get(cell.orderClassId)!,
			})),
	)
	return { gaps, cellCount: matrix.categories.length * classes.length }
}
