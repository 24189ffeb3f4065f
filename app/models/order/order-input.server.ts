import { z } from 'zod'
import { type IntakeIssue } from '#app/domain/orders/order-intake.ts'
import { MAX_ORDER_QUANTITY } from '#app/domain/pricing/price-for.ts'
import { isRegion } from '#app/domain/regions.ts'
import { AppError, type AppErrorIssue } from '#app/utils/app-error.ts'

/** What a buyer enters to place an order. */
export type OrderInput = {
	orderClassId: string
	categoryId: string
	quantity: number
	unit: string
	description: string
	neededBy: Date
	region: string
	preferredSupplierId?: string | null
	justification?: string | null
}

export type OrderField = IntakeIssue['field'] | 'unit' | 'description' | 'region' | 'preferredSupplierId'
export type FieldProblem = { field: OrderField; message: string }

const Uuid = z.uuid()

/** Shape checks the form schema also makes; repeated here so no caller can skip them. */
export function inputProblems(input: Partial<OrderInput>): FieldProblem[] {
	const problems: FieldProblem[] = []
	if (!Uuid.safeParse(input.orderClassId).success)
		problems.push({ field: 'orderClassId', message: 'Choose an order class.' })
	if (!Uuid.safeParse(input.categoryId).success)
		problems.push({ field: 'categoryId', message: 'Choose a category.' })
	if (input.quantity !== undefined) problems.push(...quantityProblems(input.quantity))
	if (input.unit !== undefined && (input.unit.trim().length < 1 || input.unit.trim().length > 40)) {
		problems.push({ field: 'unit', message: 'Give the unit in 1 to 40 characters (e.g. payslips, hours).' })
	}
	if (input.description !== undefined) {
		const length = input.description.trim().length
		if (length < 3 || length > 2000) {
			problems.push({ field: 'description', message: 'Describe what is needed in 3 to 2,000 characters.' })
		}
	}
	if (input.neededBy !== undefined && Number.isNaN(input.neededBy.getTime())) {
		problems.push({ field: 'neededBy', message: 'Give a valid needed-by date and time.' })
	}
	if (input.region !== undefined && !isRegion(input.region))
		problems.push({ field: 'region', message: 'Choose a region.' })
	if (input.preferredSupplierId && !Uuid.safeParse(input.preferredSupplierId).success) {
		problems.push({ field: 'preferredSupplierId', message: 'Choose a supplier from the list.' })
	}
	if ((input.justification ?? '').length > 2000) {
		problems.push({ field: 'justification', message: 'Keep the justification under 2,000 characters.' })
	}
	return problems
}

export function quantityProblems(quantity: number): FieldProblem[] {
	if (!Number.isSafeInteger(quantity) || quantity < 1 || quantity > MAX_ORDER_QUANTITY) {
		return [
			{
				field: 'quantity',
				message: `The quantity must be a whole number from 1 to ${MAX_ORDER_QUANTITY.toLocaleString('en-GB')}.`,
			},
		]
	}
	return []
}

/**
 * A RULE_VIOLATION carrying every problem with the order's fields: `details`
 * lists `{ field, message }` (with `path: [field]` too, so issuesByField works).
 */
export class OrderInputError extends AppError {
	readonly fieldProblems: readonly FieldProblem[]

	constructor(problems: readonly FieldProblem[]) {
		const first = problems[0] ?? { field: undefined, message: 'The order is not valid.' }
		super('RULE_VIOLATION', {
			message: first.message,
			field: first.field,
			issues: problems.map((p) => ({ path: [p.field], message: p.message })),
		})
		this.name = 'OrderInputError'
		this.fieldProblems = problems
	}

	override get details(): readonly (AppErrorIssue & FieldProblem)[] {
		return this.fieldProblems.map((p) => ({ ...p, path: [p.field] }))
	}
}
