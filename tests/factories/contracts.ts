import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { type TermInput } from '#app/domain/contracts/contract-terms.ts'
import { type Side, type VersionStatus } from '#app/domain/contracts/negotiation.ts'
import { type Executor } from '#app/utils/db.server.ts'
import { categories, contracts, contractTerms, contractVersions, orderClasses } from '#db/schema/index.ts'

export type ReferenceIds = { classes: Record<string, string>; categories: Record<string, string> }

/** Ids of the order classes and categories by key (reference data from the migrations). */
export async function referenceIds(db: Executor): Promise<ReferenceIds> {
	const [classRows, categoryRows] = await Promise.all([
		db.select({ key: orderClasses.key, id: orderClasses.id }).from(orderClasses),
		db.select({ key: categories.key, id: categories.id }).from(categories),
	])
	return {
		classes: Object.fromEntries(classRows.map((r) => [r.key, r.id])),
		categories: Object.fromEntries(categoryRows.map((r) => [r.key, r.id])),
	}
}

// Terms that satisfy each seeded class's first policy (stricter SLAs, 24x7 for emergency, tiers for bulk).
const TERM_DEFAULTS: Record<string, Omit<TermInput, 'orderClassId' | 'categoryId'>> = {
	emergency: term({
		unitPriceMinor: 9500,
		ackSlaMinutes: 20,
		deliverySlaHours: 6,
		prioritySurchargeBps: 2500,
		guaranteed24x7: true,
		penaltyPerBreachBps: 1000,
	}),
	urgent: term({
		unitPriceMinor: 6500,
		ackSlaMinutes: 60,
		deliverySlaHours: 24,
		prioritySurchargeBps: 1500,
		penaltyPerBreachBps: 750,
	}),
	standard: term({ unitPriceMinor: 4500, ackSlaMinutes: 720, deliverySlaHours: 96 }),
	bulk: term({
		unitPriceMinor: null,
		priceTiers: [
			{ minQuantity: 500, unitPriceMinor: 1200 },
			{ minQuantity: 2000, unitPriceMinor: 1050 },
			{ minQuantity: 10000, unitPriceMinor: 900 },
		],
		ackSlaMinutes: 1440,
		deliverySlaHours: 240,
		volumeCommitmentPerMonth: 2000,
	}),
	'one-time': term({ unitPriceMinor: 5000, ackSlaMinutes: 1440, deliverySlaHours: 168 }),
}

function term(overrides: Partial<TermInput>): Omit<TermInput, 'orderClassId' | 'categoryId'> {
	return {
		unitPriceMinor: 4500,
		priceTiers: [],
		ackSlaMinutes: 720,
		deliverySlaHours: 96,
		prioritySurchargeBps: 0,
		penaltyPerBreachBps: 500,
		guaranteed24x7: false,
		volumeCommitmentPerMonth: null,
		...overrides,
	}
}

/** A term valid under the seeded policy of class `classKey`, for category `categoryKey` (null: any). */
export function buildTerm(
	ids: ReferenceIds,
	classKey: string,
	categoryKey: string | null,
	overrides: Partial<TermInput> = {},
): TermInput {
	const orderClassId = ids.classes[classKey]
	if (!orderClassId) throw new Error(`No order class ${classKey}`)
	const categoryId = categoryKey === null ? null : ids.categories[categoryKey]
	if (categoryId === undefined) throw new Error(`No category ${categoryKey}`)
	const defaults = TERM_DEFAULTS[classKey] ?? term({})
	return { ...defaults, priceTiers: [...defaults.priceTiers], orderClassId, categoryId, ...overrides }
}

export type NewContractVersion = {
	id?: string
	proposedBy?: Side
	proposedByUserId?: string | null
	status: VersionStatus
	note?: string
	proposedAt?: Date | null
	respondedAt?: Date | null
	respondedByUserId?: string | null
	/** When the version and its terms were written; defaults to proposedAt, else the contract's createdAt. */
	createdAt?: Date
	terms: (TermInput & { id?: string })[]
}

export type NewContract = Partial<Omit<typeof contracts.$inferInsert, 'bindingVersionId'>> & {
	supplierId: string
	versions?: NewContractVersion[]
	/** Which version binds; by default the last accepted one, if any. */
	bindingVersionIndex?: number | null
}

export type InsertedContract = typeof contracts.$inferSelect & { versionIds: string[] }

/**
 * Inserts a contract with its versions and terms directly, in any state (the
 * models only reach states step by step). Versions are written as drafts,
 * given their terms and then moved to their status, which is the one path the
 * database's immutability triggers allow. Unique number by default; with
 * `ifExists: 'return'` and an explicit `id`, an existing contract is returned
 * unchanged (idempotent seeding).
 */
export async function insertContract(
	db: Executor,
	{ versions = [], bindingVersionIndex, ...overrides }: NewContract,
	{ ifExists = 'error' }: { ifExists?: 'error' | 'return' } = {},
): Promise<InsertedContract> {
	if (ifExists === 'return' && overrides.id) {
		const [existing] = await db.select().from(contracts).where(eq(contracts.id, overrides.id))
		if (existing) {
			const rows = await db
				.select({ id: contractVersions.id })
				.from(contractVersions)
				.where(eq(contractVersions.contractId, existing.id))
				.orderBy(contractVersions.number)
			return { ...existing, versionIds: rows.map((r) => r.id) }
		}
	}
	const [contract] = await db
		.insert(contracts)
		.values({
			number: `CT-T${randomUUID().slice(0, 8)}`,
			title: 'Test contract',
			startsOn: '2026-01-01',
			endsOn: '2027-12-31',
			status: 'active',
			...overrides,
		})
		.returning()
	if (!contract) throw new Error('Inserting the contract returned no row')

	const versionIds: string[] = []
	for (const [i, v] of versions.entries()) {
		const [version] = await db
			.insert(contractVersions)
			.values({
				id: v.id,
				contractId: contract.id,
				number: i + 1,
				proposedBy: v.proposedBy ?? 'buyer',
				proposedByUserId: v.proposedByUserId ?? null,
				note: v.note ?? '',
				status: 'draft',
				proposedAt: v.proposedAt ?? (v.status === 'draft' ? null : contract.createdAt),
				createdAt: v.createdAt ?? v.proposedAt ?? contract.createdAt,
			})
			.returning({ id: contractVersions.id })
		if (!version) throw new Error('Inserting the contract version returned no row')
		if (v.terms.length > 0) {
			const at = v.createdAt ?? v.proposedAt ?? contract.createdAt
			await db
				.insert(contractTerms)
				.values(v.terms.map((t) => ({ ...t, contractVersionId: version.id, createdAt: at, updatedAt: at })))
		}
		if (v.status !== 'draft') {
			await db
				.update(contractVersions)
				.set({
					status: v.status,
					respondedAt: v.respondedAt ?? null,
					respondedByUserId: v.respondedByUserId ?? null,
				})
				.where(eq(contractVersions.id, version.id))
		}
		versionIds.push(version.id)
	}

	const bindingIndex =
		bindingVersionIndex === undefined
			? versions.map((v) => v.status).lastIndexOf('accepted')
			: bindingVersionIndex
	const bindingVersionId =
		bindingIndex !== null && bindingIndex >= 0 ? (versionIds[bindingIndex] ?? null) : null
	if (bindingVersionId) {
		await db.update(contracts).set({ bindingVersionId }).where(eq(contracts.id, contract.id))
	}
	return { ...contract, bindingVersionId, versionIds }
}
