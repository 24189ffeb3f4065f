import { and, count, desc, eq, exists, gte, ilike, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import { addDays, utcDate } from '#app/domain/contracts/contract-period.ts'
import { type ContractStatus, type Side } from '#app/domain/contracts/negotiation.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { isUuid } from './contract-access.server.ts'

const { contracts, contractTerms, contractVersions, suppliers } = schema

export type ContractListFilter = {
	/** Scoping for the supplier side (the session's supplier), or the buyer's supplier filter. */
	supplierId?: string | null
	status?: ContractStatus | null
	/** Contracts whose binding (else latest) version has a term for this class. */
	orderClassId?: string | null
	/** Active contracts ending between today and today + N days. */
	expiringWithinDays?: number | null
	/** Matches the number, the title or the supplier's name. */
	search?: string | null
	/** 'supplier' leaves out contracts the buyer has not sent yet (pass it on the supplier side). */
	visibleTo?: Side | null
}

export type ContractListRow = {
	id: string
	number: string
	title: string
	supplierId: string
	supplierName: string
	status: ContractStatus
	startsOn: string
	endsOn: string
	currency: string
	pendingProposalBy: Side | null
	classNames: string[]
}

// The version a list row describes: the binding one, or before any agreement the latest one.
const shownVersionId = sql`coalesce(${contracts.bindingVersionId}, (select v.id from contract_versions v where v.contract_id = ${contracts.id} order by v.number desc limit 1))`

/** One page of contracts, newest first, with the number of matches. */
export async function listContracts(
	db: Executor,
	{
		now = new Date(),
		limit,
		offset,
		...filter
	}: ContractListFilter & { now?: Date; limit: number; offset: number },
): Promise<{ rows: ContractListRow[]; total: number }> {
	// A malformed id in a filter matches nothing, rather than failing the query.
	if (
		(filter.supplierId && !isUuid(filter.supplierId)) ||
		(filter.orderClassId && !isUuid(filter.orderClassId))
	) {
		return { rows: [], total: 0 }
	}
	const where = and(...listConditions(db, filter, now))
	const [rows, [totals]] = await Promise.all([
		db
			.select({
				id: contracts.id,
				number: contracts.number,
				title: contracts.title,
				supplierId: contracts.supplierId,
				supplierName: suppliers.name,
				status: contracts.status,
				startsOn: contracts.startsOn,
				endsOn: contracts.endsOn,
				currency: contracts.currency,
				pendingProposalBy: sql<Side | null>`(select v.proposed_by from contract_versions v where v.contract_id = ${contracts.id} and v.status = 'proposed' limit 1)`,
				classNames: sql<
					string[]
				>`array(select oc.name from order_classes oc where oc.id in (select t.order_class_id from contract_terms t where t.contract_version_id = ${shownVersionId}) order by oc.priority_rank, oc.name)`,
			})
			.from(contracts)
			.innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
			.where(where)
			.orderBy(desc(contracts.createdAt), desc(contracts.number))
			.limit(limit)
			.offset(offset),
		db
			.select({ total: count() })
			.from(contracts)
			.innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
			.where(where),
	])
	return { rows, total: totals?.total ?? 0 }
}

function listConditions(db: Executor, filter: ContractListFilter, now: Date): SQL[] {
	const conditions: SQL[] = []
	if (filter.supplierId) conditions.push(eq(contracts.supplierId, filter.supplierId))
	if (filter.status) conditions.push(eq(contracts.status, filter.status))
	if (filter.visibleTo === 'supplier') {
		conditions.push(
			exists(
				db
					.select({ one: sql`1` })
					.from(contractVersions)
					.where(and(eq(contractVersions.contractId, contracts.id), ne(contractVersions.status, 'draft'))),
			),
		)
	}
	if (filter.orderClassId) {
		conditions.push(
			exists(
				db
					.select({ one: sql`1` })
					.from(contractTerms)
					.where(
						and(
							eq(contractTerms.contractVersionId, shownVersionId),
							eq(contractTerms.orderClassId, filter.orderClassId),
						),
					),
			),
		)
	}
	if (filter.expiringWithinDays != null) {
		const today = utcDate(now)
		conditions.push(
			eq(contracts.status, 'active'),
			gte(contracts.endsOn, today),
			lte(contracts.endsOn, addDays(today, Math.max(0, Math.trunc(filter.expiringWithinDays)))),
		)
	}
	const term = filter.search?.trim()
	if (term) {
		// The search text is data, not a pattern: escape LIKE's wildcards.
		const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
		conditions.push(
			or(ilike(contracts.number, pattern), ilike(contracts.title, pattern), ilike(suppliers.name, pattern))!,
		)
	}
	return conditions
}
