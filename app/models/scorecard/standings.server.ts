import { createElement } from 'react'
import { rolling90 } from '#app/domain/scorecards/periods.ts'
import { type StandingRule } from '#app/domain/scorecards/score-and-standing.ts'
import { COUNT_KEYS, emptyCounters } from '#app/domain/scorecards/scorecard-counters.ts'
import { recordAuditEvents, type NewAuditEvent } from '#app/models/audit-event.server.ts'
import { supplierRecipients } from '#app/models/order/order-emails.server.ts'
import { type Database, type Transaction } from '#app/utils/db.server.ts'
import { sendEmail } from '#app/utils/email.server.ts'
import { runPrepared } from '#app/utils/prepared-statements.server.ts'
import { getStandingChangedSubject, StandingChangedEmail } from '#emails/standing-changed.tsx'
import { getScorecardPolicy, type ScorecardPolicy } from './policy.server.ts'
import { scoreCounters } from './scorecard-of.server.ts'

export const SCORECARD_LOCK_KEY = 0x73_63_6f_72_65

const COLUMN = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

// The rates need only the counts, so the 90 days are summed in the database.
const ROLLING_TEXT = `
	select r.supplier_id, r.order_class_id, c.key as class_key, c.name as class_name,
		${COUNT_KEYS.map((k) => `sum(r.${COLUMN(k)})::int as "${k}"`).join(', ')},
		st.standing_key, st.score_deci
	from scorecard_daily_rollups r
	join order_classes c on c.id = r.order_class_id
	left join supplier_standings st on st.supplier_id = r.supplier_id and st.order_class_id = r.order_class_id
	where r.day >= $1::date and r.day < $2::date
	group by r.supplier_id, r.order_class_id, c.key, c.name, st.standing_key, st.score_deci`

type RollingRow = Record<(typeof COUNT_KEYS)[number], number> & {
	supplier_id: string
	order_class_id: string
	class_key: string
	class_name: string
	standing_key: string | null
	score_deci: number | null
}

export type StandingChange = {
	supplierId: string
	orderClassId: string
	fromKey: string | null
	toKey: string
	score: number | null
}

/** The consequences of a standing for one class, in words for the supplier and as flags for routing. */
export function consequencesFor(rule: StandingRule, classKey: string, classNames: Map<string, string>) {
	const { excludedClassKeys, flagInRouting, reviewAboveMinor } = rule.consequences
	const words: string[] = []
	if (excludedClassKeys.length > 0)
		words.push(`not offered ${excludedClassKeys.map((k) => classNames.get(k) ?? k).join(' or ')} orders`)
	if (flagInRouting) words.push('flagged to buyers when orders are routed')
	if (reviewAboveMinor !== null)
		words.push(`orders above ${(reviewAboveMinor / 100).toFixed(2)} go to a buyer's review first`)
	return {
		words,
		excludesClass: excludedClassKeys.includes(classKey),
		flagged: flagInRouting,
		reviewAboveMinor,
	}
}

/**
 * Scores every supplier × class over the rolling 90 days and applies the
 * standing it earns: a change is stored with its reason, audited and emailed to
 * the supplier's users; insufficient data keeps the standing it had (no change).
 * Runs in the caller's transaction (after a policy change) or in its own (the job).
 */
export async function evaluateStandings(
	tx: Transaction,
	{ now, policy }: { now: Date; policy?: ScorecardPolicy },
): Promise<StandingChange[]> {
	// One evaluation at a time across instances (the same lock a policy change holds).
	await runPrepared(tx, 'select pg_advisory_xact_lock($1::bigint)', [SCORECARD_LOCK_KEY])
	const current = policy ?? (await getScorecardPolicy(tx))
	const window = rolling90(now)
	const [rows, classes] = await Promise.all([
		runPrepared<RollingRow>(tx, ROLLING_TEXT, [
			window.from.toISOString().slice(0, 10),
			window.to.toISOString().slice(0, 10),
		]),
		runPrepared<{ key: string; name: string }>(tx, 'select key, name from order_classes', []),
	])
	const classNames = new Map(classes.map((c) => [c.key, c.name]))
	const changes: StandingChange[] = []
	const evaluated: Record<string, unknown>[] = []
	const audits: NewAuditEvent[] = []
	const mails: {
		change: StandingChange
		className: string
		fromLabel: string | null
		toLabel: string
		words: string[]
	}[] = []
	for (const row of rows) {
		const counters = emptyCounters()
		for (const k of COUNT_KEYS) counters[k] = Number(row[k])
		const scored = scoreCounters(counters, row.class_key, current)
		if (!scored.standing) continue
		const rule = current.standings.find((s) => s.key === scored.standing!.key)!
		const effect = consequencesFor(rule, row.class_key, classNames)
		const scoreDeci = scored.score === null ? null : Math.round(scored.score * 10)
		evaluated.push({
			supplier_id: row.supplier_id,
			order_class_id: row.order_class_id,
			standing_key: rule.key,
			standing_label: rule.label,
			excludes_class: effect.excludesClass,
			flagged: effect.flagged,
			review_above_minor: effect.reviewAboveMinor,
			score_deci: scoreDeci,
			policy_version: current.version,
			changed: row.standing_key !== rule.key,
		})
		if (row.standing_key === rule.key) continue
		const change = {
			supplierId: row.supplier_id,
			orderClassId: row.order_class_id,
			fromKey: row.standing_key,
			toKey: rule.key,
			score: scored.score,
		}
		changes.push(change)
		const fromLabel = row.standing_key
			? (current.standings.find((s) => s.key === row.standing_key)?.label ?? row.standing_key)
			: null
		audits.push({
			actorUserId: null,
			actorRole: 'system',
			action: 'scorecard.standing_changed',
			entityType: 'supplier_standing',
			entityId: `${row.supplier_id}:${row.order_class_id}`,
			supplierId: row.supplier_id,
			before: { standing: row.standing_key },
			after: { standing: rule.key, score: scored.score, policyVersion: current.version, window: '90 days' },
			occurredAt: now,
		})
		mails.push({ change, className: row.class_name, fromLabel, toLabel: rule.label, words: effect.words })
	}
	if (evaluated.length === 0) return changes
	await runPrepared(tx, UPSERT_STANDINGS_TEXT, [JSON.stringify(evaluated), now.toISOString()])
	if (changes.length === 0) return changes
	const recipients = await supplierRecipients(tx, [...new Set(changes.map((c) => c.supplierId))])
	await Promise.all(
		mails.flatMap(({ change, className, fromLabel, toLabel, words }) => {
			const supplier = recipients.get(change.supplierId)
			return (supplier?.recipients ?? []).map((to) =>
				sendEmail(tx, {
					to: to.email,
					subject: getStandingChangedSubject({ supplierName: supplier!.supplierName, className, toLabel }),
					react: createElement(StandingChangedEmail, {
						recipientName: to.name,
						supplierName: supplier!.supplierName,
						className,
						fromLabel,
						toLabel,
						score: change.score,
						consequences: words,
						changedAt: now,
					}),
				}),
			)
		}),
	)
	await recordAuditEvents(tx, audits)
	return changes
}

// One statement for every evaluated pair: the standings in force, and a history row for each change.
const UPSERT_STANDINGS_TEXT = `
	with input as (
		select * from json_to_recordset($1::text::json) as r(supplier_id uuid, order_class_id uuid, standing_key text,
			standing_label text, excludes_class boolean, flagged boolean, review_above_minor integer, score_deci integer,
			policy_version integer, changed boolean)
	), history as (
		insert into standing_changes (supplier_id, order_class_id, from_key, to_key, score_deci, policy_version, reason, changed_at)
		select i.supplier_id, i.order_class_id, s.standing_key, i.standing_key, i.score_deci, i.policy_version,
			'Score ' || coalesce(to_char(i.score_deci / 10.0, 'FM990.0'), '—') || ' over the last 90 days (policy v' || i.policy_version || ')',
			$2::timestamptz
		from input i left join supplier_standings s on s.supplier_id = i.supplier_id and s.order_class_id = i.order_class_id
		where i.changed
	)
	insert into supplier_standings (supplier_id, order_class_id, standing_key, standing_label, excludes_class, flagged,
		review_above_minor, score_deci, policy_version, since, evaluated_at)
	select supplier_id, order_class_id, standing_key, standing_label, excludes_class, flagged, review_above_minor,
		score_deci, policy_version, $2::timestamptz, $2::timestamptz
	from input
	on conflict (supplier_id, order_class_id) do update set
		standing_key = excluded.standing_key, standing_label = excluded.standing_label,
		excludes_class = excluded.excludes_class, flagged = excluded.flagged,
		review_above_minor = excluded.review_above_minor, score_deci = excluded.score_deci,
		policy_version = excluded.policy_version, evaluated_at = excluded.evaluated_at,
		since = case when supplier_standings.standing_key = excluded.standing_key then supplier_standings.since else excluded.since end`

/** The standings job's run: its own transaction. */
export async function runStandingsEvaluation(db: Database, { now = new Date() }: { now?: Date } = {}) {
	return db.transaction((tx) => evaluateStandings(tx, { now }))
}
