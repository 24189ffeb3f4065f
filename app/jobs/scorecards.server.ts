import { previousMonthKey, publishMonth } from '#app/models/scorecard/publish.server.ts'
import { runStandingsEvaluation } from '#app/models/scorecard/standings.server.ts'
import { type Database, getDb } from '#app/utils/db.server.ts'
import { logEvent } from '#app/utils/log.server.ts'
import { startPeriodicJob, type PeriodicJob } from './periodic-job.server.ts'

/**
 * Every `intervalMs` (first run at once): re-scores standings over the rolling
 * 90 days, and publishes last month's scorecards once the month is over. Both
 * are idempotent, so running late or on several instances changes nothing.
 */
export function startScorecardJob({
	db = getDb(),
	intervalMs = 10 * 60_000,
}: { db?: Database; intervalMs?: number } = {}): PeriodicJob {
	return startPeriodicJob({
		name: 'scorecards',
		intervalMs,
		async run() {
			const now = new Date()
			const changes = await runStandingsEvaluation(db, { now })
			const { published } = await publishMonth(db, { month: previousMonthKey(now), now })
			if (changes.length + published > 0)
				logEvent('scorecards.updated', { standingChanges: changes.length, published })
		},
	})
}
