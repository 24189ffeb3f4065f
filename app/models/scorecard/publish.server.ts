import { monthKeyOf, monthPeriod } from '#app/domain/scorecards/periods.ts'
import { recordAuditEvents, type NewAuditEvent } from '#app/models/audit-event.server.ts'
import { type Database } from '#app/utils/db.server.ts'
import { runPrepared } from '#app/utils/prepared-statements.server.ts'
import { getScorecardPolicy } from './policy.server.ts'
import { scorecardEvidence } from './recompute.server.ts'
import { scoreCounters } from './scorecard-of.server.ts'
import { SCORECARD_LOCK_KEY } from './standings.server.ts'

// Transactions stamp events with the time they started; an hour's grace lets the last ones of a month commit.
const PUBLISH_GRACE_MS = 3_600_000

const UNPUBLISHED_TEXT = `
	select r.supplier_id, r.order_class_id from scorecard_monthly_rollups r
	where r.month = $1 and not exists (
		select 1 from scorecard_snapshots s
		where s.supplier_id = r.supplier_id and s.order_class_id = r.order_class_id and s.month = r.month)
	order by r.supplier_id, r.order_class_id`

// Finished months (before $1, the current month) with a scorecard not yet published, oldest first.
const DUE_MONTHS_TEXT = `
	select distinct r.month from scorecard_monthly_rollups r
	where r.month < $1 and not exists (
		select 1 from scorecard_snapshots s
		where s.supplier_id = r.supplier_id and s.order_class_id = r.order_class_id and s.month = r.month)
	order by r.month`

const INSERT_TEXT = `
	insert into scorecard_snapshots (supplier_id, order_class_id, month, counters, metrics, score_deci, standing_key,
		order_count, policy_version, inputs_hash, published_at)
	values ($1, $2, $3, $4::text::jsonb, $5::text::jsonb, $6, $7, $8, $9, $10, $11)
	on conflict (supplier_id, order_class_id, month) do nothing
	returning id`

/**
 * Publishes every scorecard of a finished month as an immutable snapshot, each
 * recomputed from the order events (so its inputs hash can be proven later) and
 * scored with the policy in force, with an audit event. Idempotent and safe on
 * several instances: a snapshot already there is left alone.
 */
export async function publishMonth(db: Database, { month, now = new Date() }: { month: string; now?: Date }) {
	const period = monthPeriod(month)
	if (now.getTime() < period.to.getTime() + PUBLISH_GRACE_MS) return { published: 0 }
	const pending = await runPrepared<{ supplier_id: string; order_class_id: string }>(db, UNPUBLISHED_TEXT, [
		month,
	])
	let published = 0
	for (const { supplier_id: supplierId, order_class_id: orderClassId } of pending) {
		await db.transaction(async (tx) => {
			await runPrepared(tx, 'select pg_advisory_xact_lock($1::bigint)', [SCORECARD_LOCK_KEY])
			const [policy, card] = await Promise.all([
				getScorecardPolicy(tx),
				scorecardEvidence(tx, { supplierId, orderClassId, month }),
			])
			if (!card) return
			const scored = scoreCounters(card.counters, card.classKey, policy)
			const [row] = await runPrepared<{ id: string }>(tx, INSERT_TEXT, [
				supplierId,
				orderClassId,
				month,
				JSON.stringify(card.counters),
				JSON.stringify(scored.metrics),
				scored.score === null ? null : Math.round(scored.score * 10),
				scored.standing?.key ?? null,
				scored.orderCount,
				policy.version,
				card.inputsHash,
				now.toISOString(),
			])
			if (!row) return
			published++
			const audit: NewAuditEvent = {
				actorUserId: null,
				actorRole: 'system',
				action: 'scorecard.published',
				entityType: 'scorecard_snapshot',
				entityId: row.id,
				supplierId,
				before: null,
				after: {
					month,
					orderClassId,
					score: scored.score,
					standing: scored.standing?.key ?? null,
					inputsHash: card.inputsHash,
					policyVersion: policy.version,
				},
				occurredAt: now,
			}
			await recordAuditEvents(tx, [audit])
		})
	}
	return { published }
}

/**
 * Publishes every finished month that still has unpublished scorecards, oldest
 * first, not just the last one: a server that was off (or asleep) across
 * several month ends catches up on its first run, each month exactly once.
 */
export async function publishDueMonths(db: Database, { now = new Date() }: { now?: Date } = {}) {
	const due = await runPrepared<{ month: string }>(db, DUE_MONTHS_TEXT, [monthKeyOf(now)])
	const months: string[] = []
	let published = 0
	for (const { month } of due) {
		const result = await publishMonth(db, { month, now })
		if (result.published > 0) months.push(month)
		published += result.published
	}
	return { published, months }
}

/** The month before `now`'s (the one a month-end run publishes). */
export function previousMonthKey(now: Date) {
	return monthKeyOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)))
}
