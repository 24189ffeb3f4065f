import { eq, sql } from 'drizzle-orm'
import { isIsoDate } from '#app/domain/contracts/contract-period.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, schema, type Transaction } from '#app/utils/db.server.ts'
import { type ContractActor, insertDraftVersion, isUuid, requireBuyer } from './contract-access.server.ts'

const { contracts, suppliers } = schema

export type CreateContractDraftInput = {
	actor: ContractActor
	supplierId: string
	title: string
	currency?: string
	startsOn: string
	endsOn: string
	now?: Date
}

const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'))

function invalid(field: string, message: string) {
	return new AppError('RULE_VIOLATION', { message, field })
}

/** The checks a form schema also makes, repeated here because models never trust their caller. */
function checkDraftInput({
	title,
	currency,
	startsOn,
	endsOn,
}: {
	title: string
	currency: string
	startsOn: string
	endsOn: string
}) {
	if (title.length < 3 || title.length > 200)
		throw invalid('title', 'Give the contract a title of 3 to 200 characters.')
	if (!CURRENCIES.has(currency)) throw invalid('currency', 'Choose a currency such as EUR, GBP or USD.')
	if (!isIsoDate(startsOn)) throw invalid('startsOn', 'Enter the start date as YYYY-MM-DD.')
	if (!isIsoDate(endsOn)) throw invalid('endsOn', 'Enter the end date as YYYY-MM-DD.')
	if (endsOn < startsOn) throw invalid('endsOn', 'The contract cannot end before it starts.')
}

/**
 * Starts a contract with a supplier: status 'draft', number CT-<year>-<seq>,
 * and version 1 as the buyer's empty draft. Buyers and admins only; the
 * supplier must exist and not be blocked.
 */
export async function createContractDraft(
	db: Executor,
	{
		actor,
		supplierId,
		title,
		currency = 'EUR',
		startsOn,
		endsOn,
		now = new Date(),
	}: CreateContractDraftInput,
): Promise<{ contractId: string; number: string; versionId: string; lockVersion: number }> {
	requireBuyer(actor)
	const cleanTitle = title.trim()
	const cleanCurrency = currency.trim().toUpperCase()
	checkDraftInput({ title: cleanTitle, currency: cleanCurrency, startsOn, endsOn })

	return db.transaction(async (tx) => {
		const [supplier] = isUuid(supplierId)
			? await tx
					.select({ id: suppliers.id, name: suppliers.name, status: suppliers.status })
					.from(suppliers)
					.where(eq(suppliers.id, supplierId))
			: []
		if (!supplier) throw invalid('supplierId', 'Choose an existing supplier.')
		if (supplier.status === 'blocked') {
			throw invalid('supplierId', `${supplier.name} is blocked: it cannot get new contracts.`)
		}

		const number = await nextContractNumber(tx, now)
		const [contract] = await tx
			.insert(contracts)
			.values({
				number,
				supplierId: supplier.id,
				title: cleanTitle,
				currency: cleanCurrency,
				startsOn,
				endsOn,
				status: 'draft',
				createdByUserId: actor.id,
				createdAt: now,
				updatedAt: now,
			})
			.returning({ id: contracts.id, lockVersion: contracts.lockVersion })
		if (!contract) throw new Error('Inserting the contract returned no row')
		const version = await insertDraftVersion(tx, {
			contractId: contract.id,
			number: 1,
			proposedBy: 'buyer',
			proposedByUserId: actor.id,
			note: '',
			now,
		})

		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'contract.created',
			entityType: 'contract',
			entityId: contract.id,
			supplierId: supplier.id,
			after: {
				number,
				title: cleanTitle,
				currency: cleanCurrency,
				startsOn,
				endsOn,
				status: 'draft',
				versionId: version.id,
			},
			occurredAt: now,
		})
		return { contractId: contract.id, number, versionId: version.id, lockVersion: contract.lockVersion }
	})
}

/**
 * The next free CT-<year>-NNNN for the year of `now` (UTC). Two buyers creating
 * contracts at once queue on an advisory lock, so they never pick the same number.
 */
export async function nextContractNumber(tx: Transaction, now: Date) {
	const year = now.getUTCFullYear()
	const prefix = `CT-${year}-`
	await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`contract-number:${year}`}))`)
	const [row] = await tx
		.select({
			last: sql<number | null>`max(substring(${contracts.number} from ${`^${prefix}(\\d+)$`})::int)`,
		})
		.from(contracts)
	return `${prefix}${String((row?.last ?? 0) + 1).padStart(4, '0')}`
}
