import { and, asc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import {
	sideForRole,
	type Decision,
	type NegotiationState,
	type Side,
} from '#app/domain/contracts/negotiation.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema, type Transaction } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'

const { contracts, contractVersions, suppliers } = schema

/** The session user acting on a contract (a whole SessionUser fits). */
export type ContractActor = Pick<SessionUser, 'id' | 'name' | 'role' | 'supplierId'>

export type ContractRow = typeof contracts.$inferSelect
export type VersionRow = typeof contractVersions.$inferSelect

const uuid = z.uuid()
export function isUuid(value: unknown): value is string {
	return uuid.safeParse(value).success
}

export const CONFLICT_MESSAGE =
	'This contract changed while you were looking at it — reload to see the latest version'

export function notFound() {
	return new AppError('NOT_FOUND', { message: 'This contract does not exist, or it is not yours to see.' })
}

/** Throws the refusal of a negotiation rule as the AppError a route can show. */
export function assertAllowed(decision: Decision) {
	if (!decision.ok) throw new AppError(decision.code, { message: decision.message, field: decision.field })
}

export function requireBuyer(actor: ContractActor) {
	if (sideForRole(actor.role) !== 'buyer') {
		throw new AppError('FORBIDDEN', { message: 'Only buyers can do this with a contract.' })
	}
}

/**
 * Checks that `actor` may speak for `side` and returns the supplier id every
 * query must be scoped by (undefined for the buyer, who sees every contract).
 * A supplier acts only for its own organisation, named by the session.
 */
export function requireSide(actor: ContractActor, side: Side, supplierId: string | undefined | null) {
	if (side === 'buyer') {
		requireBuyer(actor)
		return undefined
	}
	if (actor.role !== 'supplier' || !supplierId || actor.supplierId !== supplierId) {
		throw new AppError('FORBIDDEN', { message: 'You can only answer for your own organisation.' })
	}
	return supplierId
}

/**
 * Claims the contract for one change: bumps its lock version if it still is
 * the one the caller saw. The row stays locked until the transaction ends, so
 * a concurrent change of the same contract waits and then finds the version
 * moved on. Unknown (or another supplier's) contract → NOT_FOUND; stale
 * version → CONFLICT.
 */
export async function lockContract(
	tx: Transaction,
	{
		contractId,
		supplierId,
		expectedLockVersion,
		now,
	}: { contractId: string; supplierId?: string; expectedLockVersion: number; now: Date },
): Promise<ContractRow> {
	if (!isUuid(contractId) || (supplierId !== undefined && !isUuid(supplierId))) throw notFound()
	const scope = and(
		eq(contracts.id, contractId),
		supplierId ? eq(contracts.supplierId, supplierId) : undefined,
	)
	if (Number.isSafeInteger(expectedLockVersion)) {
		const [claimed] = await tx
			.update(contracts)
			.set({ lockVersion: sql`${contracts.lockVersion} + 1`, updatedAt: now })
			.where(and(scope, eq(contracts.lockVersion, expectedLockVersion)))
			.returning()
		if (claimed) return claimed
	}
	const [exists] = await tx.select({ id: contracts.id }).from(contracts).where(scope)
	if (!exists) throw notFound()
	throw new AppError('CONFLICT', { message: CONFLICT_MESSAGE })
}

/** The supplier a contract belongs to, scoped like every other read; NOT_FOUND otherwise. */
export async function getContractSupplierId(
	db: Executor,
	{ contractId, supplierId }: { contractId: string; supplierId?: string },
) {
	if (!isUuid(contractId) || (supplierId !== undefined && !isUuid(supplierId))) throw notFound()
	const [row] = await db
		.select({ supplierId: contracts.supplierId })
		.from(contracts)
		.where(and(eq(contracts.id, contractId), supplierId ? eq(contracts.supplierId, supplierId) : undefined))
	if (!row) throw notFound()
	return row.supplierId
}

export async function getSupplierName(db: Executor, supplierId: string) {
	const [row] = await db.select({ name: suppliers.name }).from(suppliers).where(eq(suppliers.id, supplierId))
	return row?.name ?? 'the supplier'
}

/** A contract's versions (oldest first) and the negotiation state they add up to. */
export async function loadNegotiation(tx: Executor, contract: ContractRow) {
	const versions = await tx
		.select()
		.from(contractVersions)
		.where(eq(contractVersions.contractId, contract.id))
		.orderBy(asc(contractVersions.number))
	const pending = versions.find((v) => v.status === 'proposed')
	const draft = versions.find((v) => v.status === 'draft')
	const state: NegotiationState = {
		status: contract.status,
		hasBinding: contract.bindingVersionId !== null,
		pending: pending ? { id: pending.id, proposedBy: pending.proposedBy } : null,
		draft: draft ? { id: draft.id } : null,
	}
	return { versions, state, pending, draft, nextNumber: (versions.at(-1)?.number ?? 0) + 1 }
}

/** The latest version before `number` that was ever proposed: what a new version is compared with. */
export function previousProposed(versions: readonly VersionRow[], number: number) {
	return versions.filter((v) => v.number < number && v.status !== 'draft').at(-1) ?? null
}

/** Inserts a version as a draft; the caller adds its terms and then proposes it if it must. */
export async function insertDraftVersion(
	tx: Transaction,
	values: {
		contractId: string
		number: number
		proposedBy: Side
		proposedByUserId: string
		note: string
		now: Date
	},
) {
	const [version] = await tx
		.insert(contractVersions)
		.values({
			contractId: values.contractId,
			number: values.number,
			proposedBy: values.proposedBy,
			proposedByUserId: values.proposedByUserId,
			note: values.note,
			status: 'draft',
			createdAt: values.now,
		})
		.returning()
	if (!version) throw new Error('Inserting the contract version returned no row')
	return version
}

/** Records the answer to a pending version (accepted, countered, withdrawn). */
export async function answerVersion(
	tx: Transaction,
	{
		versionId,
		status,
		actorId,
		now,
	}: { versionId: string; status: 'accepted' | 'countered' | 'withdrawn'; actorId: string | null; now: Date },
) {
	await tx
		.update(contractVersions)
		.set({ status, respondedAt: now, respondedByUserId: actorId })
		.where(and(eq(contractVersions.id, versionId), eq(contractVersions.status, 'proposed')))
}

/** Takes back whatever is pending on a contract that is closing (terminated, expired, superseded). */
export async function withdrawPending(
	tx: Transaction,
	{ contractId, actorId, now }: { contractId: string; actorId: string | null; now: Date },
) {
	return tx
		.update(contractVersions)
		.set({ status: 'withdrawn', respondedAt: now, respondedByUserId: actorId })
		.where(and(eq(contractVersions.contractId, contractId), eq(contractVersions.status, 'proposed')))
		.returning({ id: contractVersions.id })
}

/** Links in emails must be absolute; APP_URL names the public address when there is one. */
export function contractUrl(side: Side, contractId: string, appUrl?: string) {
	const base = (appUrl ?? process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(
		/\/+$/,
		'',
	)
	return `${base}/${side}/contracts/${contractId}`
}
