import { desc, sql } from 'drizzle-orm'
import {
	DEFAULT_MIN_ORDERS,
	DEFAULT_STANDINGS,
	DEFAULT_WEIGHTS_BY_CLASS_KEY,
	type ScorecardWeights,
	type StandingRule,
} from '#app/domain/scorecards/score-and-standing.ts'
import { type ScorecardSettings } from '#app/domain/scorecards/scorecard-settings.ts'
import { recordAuditEvent } from '#app/models/audit-event.server.ts'
import { AppError } from '#app/utils/app-error.ts'
import { type Executor, type Transaction, schema } from '#app/utils/db.server.ts'
import { type SessionUser } from '#app/utils/session.server.ts'

const { scorecardPolicies } = schema

export type ScorecardPolicy = {
	version: number
	weightsByClass: Record<string, ScorecardWeights>
	standings: StandingRule[]
	minOrders: number
	changeNote: string
	createdAt: Date
}

const columns = {
	version: scorecardPolicies.version,
	weightsByClass: scorecardPolicies.weightsByClass,
	standings: scorecardPolicies.standings,
	minOrders: scorecardPolicies.minOrders,
	changeNote: scorecardPolicies.changeNote,
	createdAt: scorecardPolicies.createdAt,
}

/**
 * The policy in force (its highest version). The first call on a new database
 * stores the built-in defaults as version 1, so every snapshot and standing can
 * name the version it was scored with.
 */
export async function getScorecardPolicy(db: Executor): Promise<ScorecardPolicy> {
	const [row] = await db
		.select(columns)
		.from(scorecardPolicies)
		.orderBy(desc(scorecardPolicies.version))
		.limit(1)
	if (row) return row as ScorecardPolicy
	await db
		.insert(scorecardPolicies)
		.values({
			version: 1,
			weightsByClass: DEFAULT_WEIGHTS_BY_CLASS_KEY,
			standings: DEFAULT_STANDINGS,
			minOrders: DEFAULT_MIN_ORDERS,
			changeNote: 'Built-in defaults',
		})
		.onConflictDoNothing()
	const [first] = await db
		.select(columns)
		.from(scorecardPolicies)
		.orderBy(desc(scorecardPolicies.version))
		.limit(1)
	return first as ScorecardPolicy
}

/** Every version, newest first (the admin page's history). */
export async function listScorecardPolicies(db: Executor): Promise<ScorecardPolicy[]> {
	await getScorecardPolicy(db)
	return (await db
		.select(columns)
		.from(scorecardPolicies)
		.orderBy(desc(scorecardPolicies.version))) as ScorecardPolicy[]
}

/**
 * Stores a new policy version (admins only: the route's guard says so) and
 * re-evaluates every standing under it in the same transaction, so routing never
 * sees standings scored by a version that is no longer in force. A form loaded
 * from an older version answers CONFLICT instead of undoing a colleague's edit.
 */
export async function saveScorecardPolicy(
	db: Executor,
	{
		actor,
		settings,
		expectedVersion,
		changeNote,
		now = new Date(),
		reevaluate,
	}: {
		actor: SessionUser
		settings: ScorecardSettings
		expectedVersion: number
		changeNote: string
		now?: Date
		/** Re-evaluates standings under the new version inside the transaction (see standings.server.ts). */
		reevaluate: (tx: Transaction, policy: ScorecardPolicy) => Promise<unknown>
	},
): Promise<ScorecardPolicy> {
	return db.transaction(async (tx) => {
		// Same key as evaluateStandings: a policy change and a standings run never interleave.
		await tx.execute(sql`select pg_advisory_xact_lock(${0x73_63_6f_72_65}::bigint)`)
		const current = await getScorecardPolicy(tx)
		if (current.version !== expectedVersion) {
			throw new AppError('CONFLICT', {
				message: `The scorecard policy changed (now version ${current.version}) since you opened it. Reload to see it.`,
			})
		}
		const version = current.version + 1
		await tx.insert(scorecardPolicies).values({
			version,
			weightsByClass: settings.weightsByClassKey,
			standings: settings.standings,
			minOrders: settings.minOrders,
			changeNote: changeNote.trim(),
			createdByUserId: actor.id,
			createdAt: now,
		})
		await recordAuditEvent(tx, {
			actorUserId: actor.id,
			actorRole: actor.role,
			action: 'scorecard.policy_changed',
			entityType: 'scorecard_policy',
			entityId: String(version),
			before: {
				version: current.version,
				minOrders: current.minOrders,
				standings: current.standings,
				weightsByClass: current.weightsByClass,
			},
			after: { version, ...settings, changeNote: changeNote.trim() },
			occurredAt: now,
		})
		const policy: ScorecardPolicy = {
			version,
			weightsByClass: settings.weightsByClassKey,
			standings: settings.standings as StandingRule[],
			minOrders: settings.minOrders,
			changeNote: changeNote.trim(),
			createdAt: now,
		}
		await reevaluate(tx, policy)
		return policy
	})
}
