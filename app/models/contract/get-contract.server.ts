import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import { type TermInput } from '#app/domain/contracts/contract-terms.ts'
import {
	type ContractStatus,
	type NegotiationState,
	type Side,
	type VersionStatus,
} from '#app/domain/contracts/negotiation.ts'
import { describeTermChanges } from '#app/domain/contracts/terms-diff.ts'
import { type Executor, schema } from '#app/utils/db.server.ts'
import { isUuid } from './contract-access.server.ts'

const { categories, contracts, contractTerms, contractVersions, orderClasses, suppliers, users } = schema

export type TermView = TermInput & {
	id: string
	orderClassKey: string
	orderClassName: string
	categoryName: string | null
}

export type ContractVersionView = {
	id: string
	number: number
	proposedBy: Side
	proposedByName: string | null
	status: VersionStatus
	note: string
	proposedAt: Date | null
	respondedAt: Date | null
	respondedByName: string | null
	terms: TermView[]
	/** Readable diff against the previous proposed version; empty for the first one. */
	changes: string[]
}

export type ContractDetail = {
	contract: {
		id: string
		number: string
		title: string
		supplierId: string
		currency: string
		startsOn: string
		endsOn: string
		status: ContractStatus
		lockVersion: number
		bindingVersionId: string | null
		terminatedAt: Date | null
		terminationReason: string | null
		supersededByContractId: string | null
		expiryWarnedAt: Date | null
		createdAt: Date
	}
	supplier: { id: string; name: string }
	/** Oldest first. */
	versions: ContractVersionView[]
	bindingVersion: ContractVersionView | null
	/** The version waiting for an answer (status 'proposed'). */
	pendingVersion: ContractVersionView | null
	/** The buyer's draft; never shown to the supplier. */
	draftVersion: ContractVersionView | null
	/** For `availableActions(state, side)` from app/domain/contracts/negotiation.ts. */
	state: NegotiationState
}

/**
 * A contract with its whole negotiation thread. With `supplierId` (supplier
 * side) the contract must belong to that supplier, and the buyer's unsent
 * draft is left out (a contract never sent at all reads as null). Unknown,
 * malformed or foreign ids → null.
 */
export async function getContract(
	db: Executor,
	{ contractId, supplierId }: { contractId: string; supplierId?: string | null },
): Promise<ContractDetail | null> {
	if (!isUuid(contractId) || (supplierId != null && !isUuid(supplierId))) return null
	const [row] = await db
		.select({
			contract: {
				id: contracts.id,
				number: contracts.number,
				title: contracts.title,
				supplierId: contracts.supplierId,
				currency: contracts.currency,
				startsOn: contracts.startsOn,
				endsOn: contracts.endsOn,
				status: contracts.status,
				lockVersion: contracts.lockVersion,
				bindingVersionId: contracts.bindingVersionId,
				terminatedAt: contracts.terminatedAt,
				terminationReason: contracts.terminationReason,
				supersededByContractId: contracts.supersededByContractId,
				expiryWarnedAt: contracts.expiryWarnedAt,
				createdAt: contracts.createdAt,
			},
			supplier: { id: suppliers.id, name: suppliers.name },
		})
		.from(contracts)
		.innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
		.where(
			and(
				eq(contracts.id, contractId),
				supplierId != null ? eq(contracts.supplierId, supplierId) : undefined,
			),
		)
	if (!row) return null

	const proposer = alias(users, 'proposer')
	const responder = alias(users, 'responder')
	const versionRows = await db
		.select({
			id: contractVersions.id,
			number: contractVersions.number,
			proposedBy: contractVersions.proposedBy,
			proposedByName: proposer.name,
			status: contractVersions.status,
			note: contractVersions.note,
			proposedAt: contractVersions.proposedAt,
			respondedAt: contractVersions.respondedAt,
			respondedByName: responder.name,
		})
		.from(contractVersions)
		.leftJoin(proposer, eq(proposer.id, contractVersions.proposedByUserId))
		.leftJoin(responder, eq(responder.id, contractVersions.respondedByUserId))
		.where(eq(contractVersions.contractId, contractId))
		.orderBy(asc(contractVersions.number))
	const termsByVersion = await loadTermViews(
		db,
		versionRows.map((v) => v.id),
	)

	const all: ContractVersionView[] = []
	for (const v of versionRows) {
		const terms = termsByVersion.get(v.id) ?? []
		const previous = all.filter((p) => p.status !== 'draft').at(-1)
		all.push({
			...v,
			terms,
			changes: previous ? describeTermChanges(previous.terms, terms, row.contract.currency) : [],
		})
	}
	const pending = all.find((v) => v.status === 'proposed') ?? null
	const draft = all.find((v) => v.status === 'draft') ?? null
	const state: NegotiationState = {
		status: row.contract.status,
		hasBinding: row.contract.bindingVersionId !== null,
		pending: pending ? { id: pending.id, proposedBy: pending.proposedBy } : null,
		draft: draft ? { id: draft.id } : null,
	}
	const { bindingVersionId } = row.contract
	const binding = (versions: ContractVersionView[]) => versions.find((v) => v.id === bindingVersionId) ?? null
	if (supplierId == null) {
		return {
			...row,
			versions: all,
			bindingVersion: binding(all),
			pendingVersion: pending,
			draftVersion: draft,
			state,
		}
	}
	// The supplier sees what was sent to it, never the buyer's working draft; a contract
	// that was never sent does not exist for it yet.
	const sent = all.filter((v) => v.status !== 'draft')
	if (sent.length === 0) return null
	return {
		...row,
		versions: sent,
		bindingVersion: binding(sent),
		pendingVersion: pending,
		draftVersion: null,
		state: { ...state, draft: null },
	}
}

async function loadTermViews(db: Executor, versionIds: string[]) {
	const byVersion = new Map<string, TermView[]>()
	if (versionIds.length === 0) return byVersion
	const rows = await db
		.select({
			versionId: contractTerms.contractVersionId,
			id: contractTerms.id,
			orderClassId: contractTerms.orderClassId,
			orderClassKey: orderClasses.key,
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
		.where(inArray(contractTerms.contractVersionId, versionIds))
		.orderBy(asc(orderClasses.priorityRank), sql`${categories.name} asc nulls first`, asc(contractTerms.id))
	for (const { versionId, ...term } of rows) {
		const list = byVersion.get(versionId) ?? []
		list.push(term)
		byVersion.set(versionId, list)
	}
	return byVersion
}
