import { publishDueMonths } from '#app/models/scorecard/publish.server.ts'
import { runStandingsEvaluation } from '#app/models/scorecard/standings.server.ts'
import { type Database, getDb } from '#app/utils/db.server.ts'
import { logEvent } from '#app/utils/log.server.ts'
import { startPeriodicJob, type PeriodicJob } from './periodic-job.server.ts'

/**
 * Every `intervalMs` (first run at once): re-scores standings over the rolling
 * 90 days, and publishes every finished month not yet published, oldest first
 * (after a month-end, or after the server was off across several). Both are
 * idempotent, so running late or on several instances changes nothing.
 */
export function startScorecardJob({
	db = getDb(),
	intervalMs = 10 * 60_000,
}: { db?: Database; intervalMs?: number } = {}): PeriodicJob {
	return startPeriodicJob({
		name: 'scorecards',
		intervalMs,
		async run() {
			const { standingChanges, published } = await updateScorecards(db, { now: new Date() })
			if (standingChanges + published > 0) logEvent('scorecards.updated', { standingChanges, published })
		},
	})
}

/** One run of the job: standings re-scored, then every finished month not yet published published. */
export async function updateScorecards(db: Database, { now }: { now: Date }) {
	const changes = await runStandingsEvaluation(db, { now })
	const { published, months } = await publishDueMonths(db, { now })
	return { standingChanges: changes.length, published, months }
}
