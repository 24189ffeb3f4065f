import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { duplicateTermIndexes, type TermInput, validateTerm } from '#app/domain/contracts/contract-terms.ts'
import { type Side, termsWithoutCapability } from '#app/domain/contracts/negotiation.ts'
import { type DiffableTerm, termLabel } from '#app/domain/contracts/terms-diff.ts'
import { listOrderClassesWithPolicy } from '#app/models/order-class/current-policies.server.ts'
import { AppError, type AppErrorIssue } from '#app/utils/app-error.ts'
import { type Executor, schema, type Transaction } from '#app/utils/db.server.ts'

const { categories, contractTerms, orderClasses, supplierCapabilities } = schema

export const MAX_TERMS_PER_VERSION = 100

/** The terms of one version in reading order (most urgent class first, "any category" first). */
export async function readTerms(db: Executor, versionId: string): Promise<DiffableTerm[]> {
	const rows = await db
		.select({
			orderClassId: contractTerms.orderClassId,
			orderClassName: orderClasses.name,
			categoryId: contractTerms.categoryId,
			categoryName: categories.name,
			unitPriceMinor: contractTerms.unitPriceMinor,
			priceTiers: contractTerms.priceTiers,
			ackSlaMinutes: contractTerms.ackSlaMinutes,
			deliverySlaHours: contractTerms.deliverySlaHours,
			prioritySurchargeBps: contractTerms.prioritySurchargeBps,
			penaltyPerBreachBps: contractTerms.penaltyPerBreachBps,
			guaranteed24x7: contractTerms.guaranteed24x7,
			volumeCommitmentPerMonth: contractTerms.volumeCommitmentPerMonth,
		})
		.from(contractTerms)
		.innerJoin(orderClasses, eq(orderClasses.id, contractTerms.orderClassId))
		.leftJoin(categories, eq(categories.id, contractTerms.categoryId))
		.where(eq(contractTerms.contractVersionId, versionId))
		.orderBy(asc(orderClasses.priorityRank), sql`${categories.name} asc nulls first`, asc(contractTerms.id))
	return rows
}

/** Only the fields a term is made of: names and stray keys never reach the table. */
export function toTermInput(term: TermInput): TermInput {
	return {
		orderClassId: term.orderClassId,
		categoryId: term.categoryId,
		unitPriceMinor: term.unitPriceMinor,
		priceTiers: term.priceTiers.map((t) => ({
			minQuantity: t.minQuantity,
			unitPriceMinor: t.unitPriceMinor,
		})),
		ackSlaMinutes: term.ackSlaMinutes,
		deliverySlaHours: term.deliverySlaHours,
		prioritySurchargeBps: term.prioritySurchargeBps,
		penaltyPerBreachBps: term.penaltyPerBreachBps,
		guaranteed24x7: term.guaranteed24x7,
		volumeCommitmentPerMonth: term.volumeCommitmentPerMonth,
	}
}

/** Adds terms to a version, which must still be a draft (the database refuses anything else). */
export async function insertTerms(
	tx: Transaction,
	versionId: string,
	terms: readonly TermInput[],
	now: Date,
) {
	if (terms.length === 0) return
	await tx
		.insert(contractTerms)
		.values(
			terms.map((t) => ({ ...toTermInput(t), contractVersionId: versionId, createdAt: now, updatedAt: now })),
		)
}

export async function deleteTerms(tx: Transaction, versionId: string) {
	await tx.delete(contractTerms).where(eq(contractTerms.contractVersionId, versionId))
}

/**
 * Checks a whole term list before anything is written: each term against its
 * class's current policy (stricter SLAs allowed, never looser), known classes
 * and categories, one term per (class, category), and — for the supplier —
 * a capability behind every term it offers. Every problem is reported on its
 * field ('terms', index, …) in one RULE_VIOLATION. Returns the terms with names.
 */
export async function checkTerms(
	tx: Executor,
	{ terms, side, supplierId }: { terms: readonly TermInput[]; side: Side; supplierId: string },
): Promise<DiffableTerm[]> {
	const issues: AppErrorIssue[] = []
	if (!Array.isArray(terms))
		throw new AppError('RULE_VIOLATION', { message: 'The terms could not be read.', field: 'terms' })
	if (terms.length > MAX_TERMS_PER_VERSION) {
		issues.push({ path: ['terms'], message: `Use at most ${MAX_TERMS_PER_VERSION} terms in one version.` })
	}

	const [classes, categoryRows] = await Promise.all([
		listOrderClassesWithPolicy(tx),
		tx.select({ id: categories.id, name: categories.name, retiredAt: categories.retiredAt }).from(categories),
	])
	const classById = new Map(classes.map((c) => [c.id, c]))
	const categoryById = new Map(categoryRows.map((c) => [c.id, c]))

	const named: DiffableTerm[] = terms.map((term, i) => {
		const at = (...path: (string | number)[]) => ['terms', i, ...path]
		const orderClass = classById.get(term.orderClassId)
		const category = term.categoryId === null ? null : categoryById.get(term.categoryId)
		if (!orderClass)
			issues.push({ path: at('orderClassId'), message: 'Choose an order class that is in use.' })
		if (category === undefined) {
			issues.push({ path: at('categoryId'), message: 'Choose a category, or any category.' })
		} else if (category?.retiredAt) {
			issues.push({ path: at('categoryId'), message: `The category ${category.name} is retired.` })
		}
		if (orderClass) {
			const { policy } = orderClass
			const termIssues = validateTerm(term, {
				className: orderClass.name,
				ackDeadlineMinutes: policy.ackDeadlineMinutes,
				deliveryTargetHours: policy.deliveryTargetHours,
				minQuantity: policy.minQuantity,
				requires24x7: policy.requires24x7,
			})
			issues.push(...termIssues.map((issue) => ({ path: at(...issue.path), message: issue.message })))
		}
		return {
			...toTermInput(term),
			orderClassName: orderClass?.name ?? 'Unknown class',
			categoryName: category?.name ?? null,
		}
	})

	for (const i of duplicateTermIndexes(terms)) {
		issues.push({
			path: ['terms', i, 'categoryId'],
			message: `This version already has terms for ${termLabel(named[i]!)}.`,
		})
	}

	if (side === 'supplier') {
		const capabilities = await tx
			.select({
				orderClassId: supplierCapabilities.orderClassId,
				categoryId: supplierCapabilities.categoryId,
			})
			.from(supplierCapabilities)
			.where(and(eq(supplierCapabilities.supplierId, supplierId), isNull(supplierCapabilities.pausedAt)))
		for (const i of termsWithoutCapability(terms, capabilities)) {
			if (!classById.has(terms[i]!.orderClassId)) continue // already reported as an unknown class
			issues.push({
				path: ['terms', i, 'orderClassId'],
				message: `You have no capability for ${termLabel(named[i]!)}.`,
			})
		}
	}

	if (issues.length > 0) {
		const [first] = issues
		throw new AppError('RULE_VIOLATION', {
			message:
				issues.length === 1
					? first!.message
					: `${issues.length} problems with the terms: see the messages next to the fields.`,
			field: first!.path.join('.'),
			issues,
		})
	}
	return named
}
