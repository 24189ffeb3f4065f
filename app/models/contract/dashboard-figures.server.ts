import { and, asc, count, eq, inArray } from 'drizzle-orm'
import { type Executor, schema } from '#app/utils/db.server.ts'

const { contracts, contractVersions } = schema

// Only open contracts can still answer a proposal.
const OPEN = ['draft', 'negotiating', 'active'] as const

/** How many supplier proposals wait for the buyer's answer (the buyer dashboard's figure). */
export async function countProposalsWaitingForBuyer(db: Executor): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(contractVersions)
		.innerJoin(contracts, eq(contracts.id, contractVersions.contractId))
		.where(
			and(
				eq(contractVersions.status, 'proposed'),
				eq(contractVersions.proposedBy, 'supplier'),
				inArray(contracts.status, [...OPEN]),
			),
		)
	return row?.n ?? 0
}

/** The buyer's proposals waiting for this supplier's answer, oldest first; scoped by the session's supplier. */
export async function listProposalsWaitingForSupplier(db: Executor, { supplierId }: { supplierId: string }) {
	return db
		.select({
			contractId: contracts.id,
			number: contracts.number,
			title: contracts.title,
			versionNumber: contractVersions.number,
			proposedAt: contractVersions.proposedAt,
		})
		.from(contractVersions)
		.innerJoin(contracts, eq(contracts.id, contractVersions.contractId))
		.where(
			and(
				eq(contracts.supplierId, supplierId),
				eq(contractVersions.status, 'proposed'),
				eq(contractVersions.proposedBy, 'buyer'),
				inArray(contracts.status, [...OPEN]),
			),
		)
		.orderBy(asc(contractVersions.proposedAt))
		.limit(20)
}
